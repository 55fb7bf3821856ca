// A table's Permissions tab: the role × action grid (full / partial / none per cell) and, for the chosen
// cell, the editor of its permission — row filter, columns, check, presets, limit, aggregations,
// backend_only — saved with pg_create_<action>_permission (drop + create in one bulk to change one).
import { html, useState } from '../../html.js';
import { metadata, exportMetadata, runSql } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { Button, ActionButton, Checkbox, ErrorText, Json, Loading, Select, TextInput } from '../../ui.js';
import {
  ACTIONS, tableEntry, allRoles, permissionOf, accessOf, draftOf, permissionFrom, locateError, sqlText,
} from './permission-model.js';

const ICONS = { full: '✔', partial: '◐', none: '✕' };

async function loadTable(source, schema, table) {
  const [doc, columns] = await Promise.all([
    exportMetadata(),
    runSql(`SELECT column_name FROM information_schema.columns WHERE table_schema = ${sqlText(schema)}
      AND table_name = ${sqlText(table)} ORDER BY ordinal_position`, { source, readOnly: true }),
  ]);
  const entry = tableEntry(doc, source, schema, table);
  return { doc, entry, columns: columns.result.slice(1).map((row) => row[0]) };
}

function Grid({ roles, entry, columns, selected, onSelect }) {
  const [newRole, setNewRole] = useState('');
  const cell = (role, action, editable = true) => {
    const access = role === 'admin' ? 'full' : accessOf(action, permissionOf(entry, action, role), columns);
    const active = selected && selected.role === role && selected.action === action;
    const title = role === 'admin' ? 'admin has every permission' : `${action} for ${role}: ${access} access (click to edit)`;
    return html`<td key=${action} className=${'perm-cell ' + access + (active ? ' active' : '') + (role === 'admin' || !editable ? ' fixed' : '')}
      data-test=${'perm-' + (role || 'new') + '-' + action} data-access=${access} title=${title}
      onClick=${() => role !== 'admin' && editable && onSelect({ role, action })}>
      <span className="icon">${ICONS[access]}</span>${role !== 'admin' && editable && html`<span className="edit">✎</span>`}
    </td>`;
  };
  const trimmed = newRole.trim();
  return html`<table className="data perm-grid" data-test="permissions-grid">
    <thead><tr><th>Role</th>${ACTIONS.map((a) => html`<th key=${a}>${a}</th>`)}</tr></thead>
    <tbody>
      ${['admin', ...roles].map((role) => html`<tr key=${role} data-test=${'perm-role-' + role}>
        <td className="role">${role}</td>${ACTIONS.map((a) => cell(role, a))}</tr>`)}
      <tr key="new-role" className="new-role">
        <td><input className="input" value=${newRole} placeholder="Enter new role" data-test="perm-new-role"
          onChange=${(e) => setNewRole(e.target.value)} /></td>
        ${ACTIONS.map((a) => (trimmed && trimmed !== 'admin' && !roles.includes(trimmed)
          ? cell(trimmed, a)
          : html`<td key=${a} className="perm-cell fixed muted" data-test=${'perm-new-' + a}></td>`))}
      </tr>
    </tbody>
  </table>
  <p className="muted legend"><span>${ICONS.full} full access</span><span>${ICONS.partial} partial access</span><span>${ICONS.none} no access</span></p>`;
}

/** "Without any checks" ({}) or "With custom check" (a JSON boolean expression the server validates). */
function FilterField({ id, label, mode, text, onMode, onText, error, relationships }) {
  return html`<div className="perm-section" data-test=${'perm-' + id + '-section'}>
    <h4>${label}</h4>
    <div className="row">
      <label className="checkbox"><input type="radio" name=${id} checked=${mode === 'none'} data-test=${'perm-' + id + '-none'}
        onChange=${() => onMode('none')} /> Without any checks</label>
      <label className="checkbox"><input type="radio" name=${id} checked=${mode === 'custom'} data-test=${'perm-' + id + '-custom'}
        onChange=${() => onMode('custom')} /> With custom check</label>
    </div>
    ${mode === 'custom' && html`<div className="perm-filter">
      <${TextInput} multiline rows=${6} value=${text} onChange=${onText} testId=${'perm-' + id} />
      <div className="hint">A boolean expression as in <code>where</code>, e.g. <code>{"author_id": {"_eq": "X-Hasura-User-Id"}}</code>.
        Session variables: any string starting with <code>X-Hasura-</code>.
        ${relationships.length ? html` Relationships: ${relationships.map((r, i) => html`${i ? ', ' : ''}<code key=${r}>${r}</code>`)}
          (<code>{"${relationships[0]}": {…}}</code>: some related row matches).` : ''}</div>
    </div>`}
    <${ErrorText} error=${error} testId=${'perm-' + id + '-error'} />
  </div>`;
}

function ColumnsField({ columns, chosen, onChange, error, label }) {
  const all = columns.every((c) => chosen.includes(c));
  const toggle = (column, on) => onChange(on ? columns.filter((c) => c === column || chosen.includes(c)) : chosen.filter((c) => c !== column));
  return html`<div className="perm-section" data-test="perm-columns-section">
    <h4>${label}</h4>
    <div className="row">
      ${columns.map((c) => html`<${Checkbox} key=${c} label=${c} checked=${chosen.includes(c)} testId=${'perm-column-' + c}
        onChange=${(on) => toggle(c, on)} />`)}
      <${Button} kind="link-dark" testId="perm-columns-toggle" onClick=${() => onChange(all ? [] : [...columns])}>Toggle all</${Button}>
    </div>
    <${ErrorText} error=${error} testId="perm-columns-error" />
  </div>`;
}

function PresetsField({ columns, presets, onChange, error }) {
  const rows = [...presets, { column: '', kind: 'static', value: '' }];
  const update = (i, change) => {
    const next = rows.map((p, j) => (j === i ? { ...p, ...change } : p)).filter((p) => p.column || p.value);
    onChange(next);
  };
  return html`<div className="perm-section" data-test="perm-presets-section">
    <h4>Column presets</h4>
    <p className="hint">Values set on the row whatever the client sends: static, or from a session variable.</p>
    ${rows.map((p, i) => html`<div className="row preset" key=${i}>
      <${Select} value=${p.column} options=${columns} placeholder="-- column --" testId=${'perm-preset-column-' + i}
        onChange=${(v) => update(i, { column: v })} />
      <${Select} value=${p.kind} options=${[{ value: 'static', label: 'static' }, { value: 'session', label: 'from session variable' }]}
        testId=${'perm-preset-kind-' + i} onChange=${(v) => update(i, { kind: v })} />
      ${p.kind === 'session' && html`<span className="muted">X-Hasura-</span>`}
      <${TextInput} value=${p.value} placeholder=${p.kind === 'session' ? 'User-Id' : 'value'} testId=${'perm-preset-value-' + i}
        onChange=${(v) => update(i, { value: v })} />
      ${i < presets.length && html`<${Button} kind="plain" testId=${'perm-preset-remove-' + i} onClick=${() => onChange(presets.filter((_, j) => j !== i))}>✕</${Button}>`}
    </div>`)}
    <${ErrorText} error=${error} testId="perm-presets-error" />
  </div>`;
}

function Editor({ source, schema, table, role, action, entry, columns, onClose }) {
  const existing = permissionOf(entry, action, role);
  const [draft, setDraft] = useState(() => draftOf(action, existing, columns));
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState(null);
  const set = (change) => { setDraft({ ...draft, ...change }); setSaved(null); };

  const built = permissionFrom(action, draft, existing, columns);
  const args = { source, table: { schema, name: table }, role, permission: built.permission };
  if (existing && existing.comment) args.comment = existing.comment;
  const create = { type: `pg_create_${action}_permission`, args };
  const drop = { type: `pg_drop_${action}_permission`, args: { source, table: { schema, name: table }, role } };
  const call = existing ? { type: 'bulk', args: [drop, create] } : create;

  const save = async () => {
    setErrors(built.errors);
    if (Object.keys(built.errors).length) return;
    try {
      await metadata(call.type, call.args);
      setSaved(existing ? 'Permission saved' : 'Permission created');
    } catch (e) {
      setErrors({ [locateError(e, action, draft)]: e });
    }
  };
  const remove = async () => {
    await metadata(drop.type, drop.args);
    onClose();
  };
  const relationships = [...(entry && entry.object_relationships || []), ...(entry && entry.array_relationships || [])].map((r) => r.name);
  const hasFilter = action !== 'insert';
  const hasCheck = action === 'insert' || action === 'update';

  return html`<section className="card perm-editor" data-test="perm-editor">
    <header className="card-head">
      <h3>Role: <span data-test="perm-editor-role">${role}</span> · Action: <span data-test="perm-editor-action">${action}</span></h3>
      <${Button} testId="perm-close" onClick=${onClose}>Close</${Button}>
    </header>
    ${saved && html`<div className="notice" data-test="perm-saved">${saved}</div>`}
    <${ErrorText} error=${errors.top} testId="perm-error" />
    ${hasFilter && html`<${FilterField} id="filter" label=${action === 'update' ? 'Pre-update check (row filter)' : 'Row permissions (row filter)'}
      mode=${draft.filterMode} text=${draft.filterText} error=${errors.filter} relationships=${relationships}
      onMode=${(m) => set({ filterMode: m })} onText=${(t) => set({ filterText: t })} />`}
    ${hasCheck && html`<${FilterField} id="check" label=${action === 'insert' ? 'Row check (insert)' : 'Post-update check'}
      mode=${draft.checkMode} text=${draft.checkText} error=${errors.check} relationships=${relationships}
      onMode=${(m) => set({ checkMode: m })} onText=${(t) => set({ checkText: t })} />`}
    ${action !== 'delete' && html`<${ColumnsField} columns=${columns} chosen=${draft.columns} error=${errors.columns}
      label=${{ select: 'Column select permissions', insert: 'Column insert permissions', update: 'Column update permissions' }[action]}
      onChange=${(c) => set({ columns: c })} />`}
    ${hasCheck && html`<${PresetsField} columns=${columns} presets=${draft.presets} error=${errors.presets}
      onChange=${(p) => set({ presets: p })} />`}
    ${action === 'select' && html`<div className="perm-section" data-test="perm-select-options">
      <h4>Aggregation and row limit</h4>
      <div className="row">
        <${Checkbox} checked=${draft.allowAggregations} testId="perm-allow-aggregations" label="Allow aggregation queries"
          onChange=${(v) => set({ allowAggregations: v })} />
        <label className="checkbox">Limit number of rows
          <input className="input narrow" type="number" min="0" value=${draft.limit} data-test="perm-limit"
            onChange=${(e) => set({ limit: e.target.value })} /></label>
      </div>
      <${ErrorText} error=${errors.limit} testId="perm-limit-error" />
    </div>`}
    ${action !== 'select' && html`<div className="perm-section">
      <${Checkbox} checked=${draft.backendOnly} testId="perm-backend-only" label="Backend only (only with x-hasura-use-backend-only-permissions: true and the admin secret)"
        onChange=${(v) => set({ backendOnly: v })} />
    </div>`}
    <div className="perm-section">
      <h4>Metadata call</h4>
      <${Json} value=${call} testId="perm-preview" />
    </div>
    <div className="row">
      <${ActionButton} kind="primary" testId="perm-save" action=${save}>Save permissions</${ActionButton}>
      ${existing && html`<${ActionButton} kind="danger" testId="perm-delete" action=${remove}>Delete permissions</${ActionButton}>`}
    </div>
  </section>`;
}

export default function PermissionsTab({ source, schema, table }) {
  const state = useLoad(() => loadTable(source, schema, table), [source, schema, table]);
  const [selected, setSelected] = useState(null);
  return html`<div className="permissions-tab" data-test="tab-content-permissions">
    <${Loading} state=${state}>${({ doc, entry, columns }) => {
      if (!entry) return html`<${ErrorText} error=${{ message: `${schema}.${table} is not tracked in ${source}` }} testId="perm-untracked" />`;
      return html`<${Grid} roles=${allRoles(doc)} entry=${entry} columns=${columns} selected=${selected} onSelect=${setSelected} />
        ${selected && html`<${Editor} key=${selected.role + '/' + selected.action} source=${source} schema=${schema} table=${table}
          role=${selected.role} action=${selected.action} entry=${entry} columns=${columns} onClose=${() => setSelected(null)} />`}`;
    }}</${Loading}>
  </div>`;
}
