// A remote schema's Permissions tab: the roles (those with a permission on this remote schema and those
// of the tables' permissions, plus any typed in), and for the chosen role an SDL editor of what it may
// see, `@preset(value: …)` allowed. Save sends add_remote_schema_permissions (drop + add in one atomic
// bulk to change one); the server's validation reasons are listed next to the editor.
import { html, useState, useMemo } from '../../html.js';
import { metadata, serverConfig } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { ActionButton, Button, Card, DataTable, ErrorText, Json, Loading, TextInput } from '../../ui.js';
import { printSdl } from './sdl.js';

const TABLE_PERMISSIONS = ['select_permissions', 'insert_permissions', 'update_permissions', 'delete_permissions'];

/** The roles the metadata knows: this remote schema's permissions and every table permission's role. */
export function rolesOf(doc, remote) {
  const roles = new Set((remote.permissions || []).map((p) => p.role));
  (doc.sources || []).forEach((source) => (source.tables || []).forEach((table) => TABLE_PERMISSIONS
    .forEach((kind) => (table[kind] || []).forEach((p) => roles.add(p.role)))));
  roles.delete('admin');
  return [...roles].sort();
}

/** The reasons of an invalid-role-based-remote-schema refusal, one per item; null for another error. */
export function reasonsOf(error) {
  if (!error || error.code !== 'invalid-role-based-remote-schema') return null;
  const message = error.message || '';
  const list = message.match(/for the following reasons:\n([\s\S]*)$/);
  if (list) return list[1].split('\n').map((line) => line.replace(/^\s*•\s*/, '').trim()).filter(Boolean);
  const one = message.match(/failed because ([\s\S]*)$/);
  return [one ? one[1].trim() : message];
}

function Editor({ remote, role, permission, fullSdl }) {
  const [sdl, setSdl] = useState(permission ? permission.definition.schema : fullSdl);
  const [comment, setComment] = useState(permission && permission.comment || '');
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(null);
  const add = { type: 'add_remote_schema_permissions', args: { remote_schema: remote.name, role, definition: { schema: sdl } } };
  if (comment.trim()) add.args.comment = comment.trim();
  const drop = { type: 'drop_remote_schema_permissions', args: { remote_schema: remote.name, role } };
  const call = permission ? { type: 'bulk', args: [drop, add] } : add;
  const reasons = reasonsOf(error);

  const save = async () => {
    setError(null);
    setSaved(null);
    try {
      await metadata(call.type, call.args);
      setSaved('Saved.');
    } catch (e) {
      setError(e);
    }
  };
  const remove = async () => {
    setError(null);
    setSaved(null);
    try {
      await metadata(drop.type, drop.args);
      setSaved('Removed.');
    } catch (e) {
      setError(e);
    }
  };

  return html`<${Card} title=${html`Role <code data-test="remote-schema-permission-role">${role}</code>
      ${permission ? html`<span className="rs-badge">has a permission</span>` : html`<span className="rs-badge muted">no permission yet</span>`}`}
    testId="remote-schema-permission-editor">
    <div className="rs-perm">
      <div className="rs-perm-editor">
        <p className="hint">${'The part of the remote schema this role may see, as SDL: keep the types, fields and arguments it may use. '}
          <code>@preset(value: …)</code>${' on an argument hides it and sends the value (a string starting with '}
          <code>x-hasura-</code>${' is read from the session).'}</p>
        <${TextInput} multiline rows=${22} value=${sdl} onChange=${(v) => { setSdl(v); setSaved(null); }}
          testId="remote-schema-permission-sdl" />
        <div className="field" style=${{ marginTop: '8px' }}>
          <${TextInput} value=${comment} onChange=${setComment} placeholder="Comment (optional)" testId="remote-schema-permission-comment" />
        </div>
        <div className="row">
          <${ActionButton} kind="primary" testId="remote-schema-permission-save" action=${save}>Save permission</${ActionButton}>
          ${permission && html`<${ActionButton} kind="danger" testId="remote-schema-permission-remove" action=${remove}>Remove permission</${ActionButton}>`}
          <${Button} testId="remote-schema-permission-reset" onClick=${() => setSdl(fullSdl)}>Start from the whole schema</${Button}>
          ${saved && html`<span className="rs-ok" data-test="remote-schema-permission-saved">${saved}</span>`}
        </div>
      </div>
      <div className="rs-perm-side">
        ${reasons && html`<div className="error" data-test="remote-schema-permission-reasons" role="alert">
          <strong>The server refused this schema (${error.code}):</strong>
          <ul className="rs-reasons">${reasons.map((r, i) => html`<li key=${i} data-test="remote-schema-permission-reason">${r}</li>`)}</ul>
        </div>`}
        ${error && !reasons && html`<${ErrorText} error=${error} testId="remote-schema-permission-error" />`}
        <h3 style=${{ margin: '10px 0 4px' }}>Metadata call</h3>
        <${Json} value=${call} testId="remote-schema-permission-preview" />
      </div>
    </div>
  </${Card}>`;
}

function Roles({ roles, remote, selected, onSelect, onAddRole }) {
  const [newRole, setNewRole] = useState('');
  const has = (role) => (remote.permissions || []).some((p) => p.role === role);
  return html`<${Card} title="Roles" testId="remote-schema-permission-roles">
    <${DataTable} testId="remote-schema-permission-table" empty="No roles yet: type one below."
      header=${['Role', 'Permission']}
      rows=${roles.map((role) => [
        html`<a href="#" className=${role === selected ? 'rs-role active' : 'rs-role'} data-test=${'remote-schema-permission-role-' + role}
          onClick=${(e) => { e.preventDefault(); onSelect(role); }}>${role}</a>`,
        has(role) ? html`<span className="rs-ok" data-test=${'remote-schema-permission-status-' + role}>✓ allowed</span>`
          : html`<span className="muted" data-test=${'remote-schema-permission-status-' + role}>✗ none</span>`,
      ])} />
    <form className="row" style=${{ marginTop: '10px' }} onSubmit=${(e) => {
      e.preventDefault();
      if (newRole.trim()) { onAddRole(newRole.trim()); setNewRole(''); }
    }}>
      <${TextInput} value=${newRole} onChange=${setNewRole} placeholder="New role" testId="remote-schema-permission-new-role" />
      <${Button} type="submit" testId="remote-schema-permission-new-role-add">Edit this role</${Button}>
    </form>
  </${Card}>`;
}

export function RemoteSchemaPermissions({ remote, doc }) {
  const [typed, setTyped] = useState([]);
  const [selected, setSelected] = useState(null);
  const introspection = useLoad(() => metadata('introspect_remote_schema', { name: remote.name }), [remote.name]);
  const known = useMemo(() => rolesOf(doc, remote), [doc, remote]);
  const roles = [...known, ...typed.filter((r) => !known.includes(r))];
  const permission = (remote.permissions || []).find((p) => p.role === selected);
  return html`<div data-test="remote-schema-permissions">
    ${!serverConfig.remoteSchemaPermissions && html`<div className="rs-note" data-test="remote-schema-permissions-disabled">
      Remote schema permissions are off on this server (<code>HASURA_GRAPHQL_ENABLE_REMOTE_SCHEMA_PERMISSIONS</code>):
      every role sees the whole remote schema, and the server refuses new permissions.</div>`}
    <div>
      <div className="rs-perm-roles">
        <${Roles} roles=${roles} remote=${remote} selected=${selected} onSelect=${setSelected}
          onAddRole=${(role) => { if (role !== 'admin') { setTyped((t) => [...t, role]); setSelected(role); } }} />
      </div>
      <div>
        ${selected
          ? html`<${Loading} state=${introspection}>${(answer) => html`<${Editor} key=${selected} remote=${remote}
              role=${selected} permission=${permission} fullSdl=${printSdl(answer)} />`}</${Loading}>`
          : html`<p className="muted" data-test="remote-schema-permission-pick">Pick a role to edit what it may see of ${remote.name}.</p>`}
      </div>
    </div>
  </div>`;
}
