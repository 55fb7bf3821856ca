// The Add Relationship form (and its edit mode): "To Reference" searches the source's tracked tables and
// the remote schemas by name; a table target takes a name, a type and a column mapping
// (manual_configuration); a remote schema target takes a name and a remote_field picked in the remote's
// field tree. A live preview shows the metadata call the form sends; a refusal is shown next to the
// field it concerns (relationship-model.js errorField).
import { html, useState } from '../../html.js';
import { metadata as callMetadata } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { Button, Card, ErrorText, Json, Loading, Select, TextInput } from '../../ui.js';
import { tableInfo } from './catalog.js';
import { trackedTables } from './tracked.js';
import RemoteFieldTree from './remote-field-tree.js';
import {
  errorField, remoteCall, remoteDefinition, selectionOf, tableCall, tableLabel,
} from './relationship-model.js';

function FieldBox({ label, error, field, children, hint }) {
  return html`<div className="field">
    <label className="field-label">${label}</label>
    ${children}
    ${hint && html`<div className="hint">${hint}</div>`}
    ${error && html`<${ErrorText} error=${error} testId=${'relationship-' + field + '-error'} />`}
  </div>`;
}

/** The search box over tracked tables and remote schemas; value: {kind: 'table'|'remote', …, label}. */
function ToReference({ metadata, source, value, onChange, error, fixed }) {
  const [query, setQuery] = useState(value ? value.label : '');
  const options = [
    ...(metadata.remote_schemas || []).map((r) => ({ kind: 'remote', name: r.name, label: r.name })),
    ...trackedTables(metadata, source).map((t) => ({ kind: 'table', schema: t.schema, name: t.name, label: tableLabel(t) })),
  ];
  const matches = options.filter((o) => o.label.toLowerCase().includes(query.trim().toLowerCase()));
  const open = !fixed && !(value && query === value.label);
  return html`<${FieldBox} label="To Reference" error=${error} field="target"
      hint=${fixed ? null : 'Search a table of this source or a remote schema by name.'}>
    <div className="rel-reference">
      ${fixed
        ? html`<div className="rel-fixed" data-test="to-reference-fixed"><span className="rel-kind">${value.kind === 'remote' ? 'Remote Schema' : 'Table'}</span> ${value.label}</div>`
        : html`<${TextInput} testId="to-reference" value=${query} placeholder="Search tables and remote schemas…"
            onChange=${(q) => { setQuery(q); if (value) onChange(null); }} />`}
      ${open && html`<ul className="rel-options" data-test="to-reference-options">
        ${matches.map((o) => html`<li key=${o.kind + o.label}>
          <button type="button" data-test=${'to-reference-option-' + o.label}
            onClick=${() => { setQuery(o.label); onChange(o); }}>
            <span className="rel-kind">${o.kind === 'remote' ? 'Remote Schema' : 'Table'}</span> ${o.label}
          </button></li>`)}
        ${!matches.length && html`<li className="muted rel-none">No table or remote schema matches “${query}”.</li>`}
      </ul>`}
    </div>
  </${FieldBox}>`;
}

function ColumnMapping({ columns, targetColumns, mapping, onChange, error }) {
  const set = (i, change) => onChange(mapping.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return html`<${FieldBox} label="Column mapping" error=${error} field="mapping">
    <div className="rel-mapping">
      ${mapping.map((m, i) => html`<div className="row" key=${i}>
        <${Select} testId=${'mapping-from-' + i} value=${m.from} placeholder="column of this table…"
          options=${columns.map((c) => c.name)} onChange=${(from) => set(i, { from })} />
        <span>→</span>
        <${Select} testId=${'mapping-to-' + i} value=${m.to} placeholder="column of the target…"
          options=${targetColumns.map((c) => c.name)} onChange=${(to) => set(i, { to })} />
        ${mapping.length > 1 && html`<${Button} testId=${'mapping-remove-' + i} onClick=${() => onChange(mapping.filter((_, j) => j !== i))}>Remove</${Button}>`}
      </div>`)}
      <div><${Button} testId="mapping-add" onClick=${() => onChange([...mapping, { from: '', to: '' }])}>Add a column pair</${Button}></div>
    </div>
  </${FieldBox}>`;
}

/** The form's starting state: empty, or the relationship being edited. */
function initial(editing, source) {
  if (!editing) return { target: null, name: '', type: 'object', mapping: [{ from: '', to: '' }], selection: [] };
  const r = editing.relationship;
  if (editing.kind === 'remote') {
    const d = remoteDefinition(r);
    return { target: { kind: 'remote', name: d.remote_schema, label: d.remote_schema }, name: r.name, type: 'object',
      mapping: [], selection: selectionOf(d.remote_field) };
  }
  const m = r.using.manual_configuration;
  if (!m) return { target: null, name: r.name, type: editing.kind, mapping: [], selection: [], renameOnly: true };
  const t = typeof m.remote_table === 'string' ? { schema: 'public', name: m.remote_table } : { schema: m.remote_table.schema || 'public', name: m.remote_table.name };
  return { target: { kind: 'table', ...t, label: tableLabel(t) }, name: r.name, type: editing.kind,
    mapping: Object.entries(m.column_mapping || {}).map(([from, to]) => ({ from, to })), selection: [] };
}

export default function RelationshipForm({ source, schema, table, info, metadata, editing, onClose }) {
  const [state, setState] = useState(() => initial(editing, source));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (change) => setState((s) => ({ ...s, ...change }));
  const { target, name } = state;
  const tableRef = { schema, name: table };
  const targetInfo = useLoad(() => (target && target.kind === 'table' ? tableInfo(source, target.schema, target.name) : Promise.resolve(null)),
    [target && target.kind, target && target.label]);
  const introspection = useLoad(() => (target && target.kind === 'remote' ? callMetadata('introspect_remote_schema', { name: target.name }) : Promise.resolve(null)),
    [target && target.kind, target && target.label]);

  let call = null;
  if (state.renameOnly) {
    call = { type: 'pg_rename_relationship', args: { source, table: tableRef, name: editing.relationship.name, new_name: name } };
  } else if (target && target.kind === 'remote') {
    call = remoteCall({ source, table: tableRef, name, remoteSchema: target.name, selection: state.selection, editing: !!editing });
  } else if (target) {
    call = tableCall({ source, table: tableRef, name, type: state.type, target, mapping: state.mapping,
      editing: editing ? editing.relationship.name : null });
  }
  const kind = target && target.kind;
  const where = error ? errorField(error, kind) : null;
  const errorAt = (field) => (where === field ? error : null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await callMetadata(call.type, call.args);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const title = editing ? 'Edit relationship ' + editing.relationship.name : 'Add Relationship';

  return html`<${Card} title=${title} testId="relationship-form">
    <div className="rel-form">
      <div className="rel-form-fields">
        ${errorAt('form') && html`<${ErrorText} error=${error} testId="relationship-form-error" />`}
        ${state.renameOnly
          ? html`<p className="muted">This relationship uses a foreign key; here you can rename it.</p>`
          : html`<${ToReference} metadata=${metadata} source=${source} value=${target} fixed=${!!editing}
              error=${errorAt('target')} onChange=${(t) => { set({ target: t, selection: [], mapping: [{ from: '', to: '' }] }); setError(null); }} />`}
        ${(target || state.renameOnly) && html`<${FieldBox} label="Name" error=${errorAt('name')} field="name"
            hint=${editing && kind === 'remote' ? 'A remote relationship keeps its name when edited.' : 'The field this relationship adds to the table\'s GraphQL type.'}>
          ${editing && kind === 'remote'
            ? html`<code data-test="relationship-name-fixed">${name}</code>`
            : html`<${TextInput} testId="relationship-name" value=${name} placeholder="e.g. user" onChange=${(v) => set({ name: v })} />`}
        </${FieldBox}>`}
        ${kind === 'table' && html`
          <${FieldBox} label="Type" field="type">
            <${Select} testId="relationship-type" value=${state.type}
              options=${[{ value: 'object', label: 'Object relationship (one row)' }, { value: 'array', label: 'Array relationship (many rows)' }]}
              onChange=${(v) => set({ type: v })} />
          </${FieldBox}>
          <${Loading} state=${targetInfo}>${(t) => html`<${ColumnMapping} columns=${info.columns}
            targetColumns=${t ? t.columns : []} mapping=${state.mapping} error=${errorAt('mapping')}
            onChange=${(mapping) => set({ mapping })} />`}</${Loading}>`}
        ${kind === 'remote' && html`<${FieldBox} label="Remote field" error=${errorAt('field') || errorAt('arguments')}
            field=${where === 'arguments' ? 'arguments' : 'field'}
            hint="Pick the field to join (a nested path is allowed) and feed each argument from a column or a static value.">
          <${Loading} state=${introspection}>${(answer) => answer && html`<${RemoteFieldTree} introspection=${answer}
            selection=${state.selection} columns=${info.columns} onChange=${(selection) => set({ selection })} />`}</${Loading}>
        </${FieldBox}>`}
        <div className="row rel-buttons">
          <${Button} kind="primary" testId="create-relationship" disabled=${!call || busy || !name}
            onClick=${submit}>${editing ? 'Save Relationship' : 'Create Relationship'}</${Button}>
          <${Button} testId="cancel-relationship" onClick=${onClose}>Cancel</${Button}>
        </div>
      </div>
      <aside className="rel-preview">
        <h3>Metadata call</h3>
        <p className="muted">What ${editing ? 'Save' : 'Create'} sends to <code>/v1/metadata</code>.</p>
        <${Json} value=${call || { type: '…', args: { source, table: tableRef } }} testId="relationship-preview" />
      </aside>
    </div>
  </${Card}>`;
}
