// A tracked table's Relationships tab, as in Hasura's console (Data → table → Relationships): the table's
// object, array and remote relationships (export_metadata) with edit and delete; the relationships its
// foreign keys suggest (pg_suggest_relationships), each added in one click; and Add Relationship
// (./relationship-form.js) to a table or a remote schema.
import { html, useEffect, useState } from '../../html.js';
import { metadata as callMetadata, exportMetadata } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { ActionButton, Button, Card, DataTable, Loading, TextInput } from '../../ui.js';
import { tableInfo } from './catalog.js';
import { trackedEntry } from './tracked.js';
import RelationshipForm from './relationship-form.js';
import {
  alreadyThere, describeRemoteField, describeUsing, remoteDefinition, suggestedName, suggestionCall, tableLabel,
} from './relationship-model.js';

async function load(source, schema, table) {
  const [metadata, suggested, info] = await Promise.all([
    exportMetadata(),
    callMetadata('pg_suggest_relationships', { source, tables: [{ schema, name: table }], omit_tracked: false }),
    tableInfo(source, schema, table),
  ]);
  return { metadata, suggestions: suggested.relationships || [], info };
}

function Delete({ source, schema, table, kind, name }) {
  const [asking, setAsking] = useState(false);
  const remove = () => (kind === 'remote'
    ? callMetadata('pg_delete_remote_relationship', { source, table: { schema, name: table }, name })
    : callMetadata('pg_drop_relationship', { source, table: { schema, name: table }, relationship: name }));
  if (!asking) return html`<${Button} kind="danger" testId=${'relationship-delete-' + name} onClick=${() => setAsking(true)}>Delete</${Button}>`;
  return html`<span className="data-confirm" data-test=${'relationship-delete-confirmation-' + name}>
    Delete <b>${name}</b>?
    <${ActionButton} kind="danger" action=${remove} testId=${'relationship-delete-confirm-' + name}>Delete</${ActionButton}>
    <${Button} testId=${'relationship-delete-cancel-' + name} onClick=${() => setAsking(false)}>Cancel</${Button}>
  </span>`;
}

function Existing({ source, schema, table, entry, info, onEdit }) {
  const rows = [
    ...(entry.object_relationships || []).map((r) => ({ kind: 'object', r, label: 'Object', to: describeUsing(r.using, info) })),
    ...(entry.array_relationships || []).map((r) => ({ kind: 'array', r, label: 'Array', to: describeUsing(r.using, info) })),
    ...(entry.remote_relationships || []).map((r) => {
      const d = remoteDefinition(r);
      return { kind: 'remote', r, label: 'Remote Schema', to: d.remote_schema + ': ' + describeRemoteField(d.remote_field) };
    }),
  ];
  return html`<${DataTable} testId="relationships-list" header=${['Name', 'Type', 'Joins', '']}
    empty="This table has no relationships yet."
    rows=${rows.map(({ kind, r, label, to }) => [
      html`<b data-test=${'relationship-row-' + r.name}>${r.name}</b>`,
      html`<span className=${'rel-type rel-type-' + kind}>${label}</span>`,
      html`<code className="rel-joins" data-test=${'relationship-joins-' + r.name}>${to}</code>`,
      html`<span className="data-row-actions">
        <${Button} testId=${'relationship-edit-' + r.name} onClick=${() => onEdit({ kind, relationship: r })}>Edit</${Button}>
        <${Delete} source=${source} schema=${schema} table=${table} kind=${kind} name=${r.name} />
      </span>`,
    ])} />`;
}

function SuggestionRow({ source, schema, table, suggestion, index, taken }) {
  const [name, setName] = useState(() => suggestedName(suggestion, taken));
  const call = suggestionCall(source, { schema, name: table }, suggestion, name);
  const from = suggestion.from.columns.join(', ');
  const to = tableLabel(suggestion.to.table) + '.' + suggestion.to.columns.join(', ');
  return html`<tr data-test=${'suggested-' + index}>
    <td><span className=${'rel-type rel-type-' + suggestion.type}>${suggestion.type === 'object' ? 'Object' : 'Array'}</span></td>
    <td><code data-test=${'suggested-joins-' + index}>${from} → ${to}</code></td>
    <td><${TextInput} testId=${'suggested-name-' + index} value=${name} onChange=${setName} /></td>
    <td className="data-actions"><${ActionButton} kind="primary" testId=${'suggested-add-' + index} disabled=${!name}
      action=${() => callMetadata(call.type, call.args)}>Add</${ActionButton}></td>
  </tr>`;
}

function Suggestions({ source, schema, table, entry, info, suggestions }) {
  const here = { schema, name: table };
  const mine = suggestions.filter((s) => s.from.table.name === here.name && (s.from.table.schema || 'public') === here.schema
    && !alreadyThere(entry, s));
  if (!mine.length) return null;
  const taken = new Set([...info.columns.map((c) => c.name),
    ...['object_relationships', 'array_relationships', 'remote_relationships'].flatMap((k) => (entry[k] || []).map((r) => r.name))]);
  return html`<${Card} title="Suggested from foreign keys" testId="suggested-relationships">
    <p className="muted rel-lead">Foreign keys between tracked tables that no relationship uses yet. Add one in one click.</p>
    <table className="data" data-test="suggested-list">
      <thead><tr><th>Type</th><th>Joins</th><th>Name</th><th></th></tr></thead>
      <tbody>${mine.map((s, i) => html`<${SuggestionRow} key=${JSON.stringify(s)} source=${source} schema=${schema}
        table=${table} suggestion=${s} index=${i} taken=${taken} />`)}</tbody>
    </table>
  </${Card}>`;
}

export default function RelationshipsTab({ source, schema, table }) {
  const state = useLoad(() => load(source, schema, table), [source, schema, table]);
  const [form, setForm] = useState(null);
  useEffect(() => setForm(null), [source, schema, table]);
  return html`<div className="rel-tab" data-test="tab-content-relationships">
    <${Loading} state=${state}>${({ metadata, suggestions, info }) => {
      const entry = trackedEntry(metadata, source, schema, table);
      if (!entry || !info) return html`<p className="muted">This table is not tracked.</p>`;
      return html`
        <${Card} title="Relationships" testId="relationships"
            actions=${!form && html`<${Button} kind="primary" testId="add-relationship" onClick=${() => setForm({ editing: null })}>Add Relationship</${Button}>`}>
          <${Existing} source=${source} schema=${schema} table=${table} entry=${entry} info=${info}
            onEdit=${(editing) => setForm({ editing })} />
        </${Card}>
        ${form && html`<${RelationshipForm} key=${form.editing ? form.editing.kind + form.editing.relationship.name : 'new'}
          source=${source} schema=${schema} table=${table} info=${info} metadata=${metadata} editing=${form.editing}
          onClose=${() => setForm(null)} />`}
        <${Suggestions} source=${source} schema=${schema} table=${table} entry=${entry} info=${info} suggestions=${suggestions} />`;
    }}</${Loading}>
  </div>`;
}
