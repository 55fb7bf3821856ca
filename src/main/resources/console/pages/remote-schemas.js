// The Remote Schemas section: /remote-schemas/manage/schemas (the list), /manage/add (the form), and a
// schema's tabs /manage/<name>/<details|modify|permissions> (modules under ./remote-schemas/).
import { html, useState, useEffect } from '../html.js';
import { exportMetadata } from '../api.js';
import { useLoad } from '../hooks.js';
import { navigate, pathOf, Link } from '../router.js';
import { Button, Card, DataTable, Loading, Tabs } from '../ui.js';
import { emptyForm, formOf } from './remote-schemas/definition.js';
import { RemoteSchemaForm } from './remote-schemas/form.js';
import { RemoteSchemaDetails } from './remote-schemas/details.js';
import { RemoteSchemaPermissions } from './remote-schemas/permissions.js';

const LIST = '/remote-schemas/manage/schemas';
const ADD = '/remote-schemas/manage/add';
const schemaPath = (name, tab) => pathOf('remote-schemas', 'manage', name, tab);

function Sidebar({ remotes, current }) {
  return html`<aside className="sidebar" data-test="remote-schemas-sidebar">
    <div className="rs-sidebar-head">
      <${Link} to=${LIST} testId="remote-schemas-sidebar-list"><strong>Remote Schemas (${remotes.length})</strong></${Link}>
    </div>
    ${remotes.map((r) => html`<${Link} key=${r.name} to=${schemaPath(r.name, 'details')} testId=${'remote-schema-nav-' + r.name}
      className=${r.name === current ? 'active' : ''}>${r.name}</${Link}>`)}
    ${!remotes.length && html`<p className="muted">None yet.</p>`}
  </aside>`;
}

function urlOf(definition) {
  if (definition.url_from_env !== undefined) return html`<span className="muted">from env </span><code>${definition.url_from_env}</code>`;
  return html`<code>${definition.url}</code>`;
}

function List({ remotes }) {
  return html`<${Card} title="Remote Schemas" testId="remote-schemas-card"
    actions=${html`<${Button} kind="primary" testId="remote-schemas-add-button" onClick=${() => navigate(ADD)}>Add</${Button}>`}>
    <p className="muted">Add GraphQL services: their root fields are merged into this engine's schema.</p>
    <${DataTable} testId="remote-schemas-list" empty="No remote schema yet: Add one."
      header=${['Name', 'GraphQL server', 'Permissions', 'Comment']}
      rows=${remotes.map((r) => [
        html`<${Link} to=${schemaPath(r.name, 'details')} testId=${'remote-schema-link-' + r.name}>${r.name}</${Link}>`,
        urlOf(r.definition || {}),
        (r.permissions || []).map((p) => p.role).join(', ') || html`<span className="muted">—</span>`,
        r.comment || '',
      ])} />
  </${Card}>`;
}

/**
 * A name not in the metadata: asked once more first (a schema added a moment ago may not be in the
 * list loaded before it), then said.
 */
function Missing({ name, doc, reload }) {
  const [first] = useState(doc);
  useEffect(() => { reload(); }, []);
  if (doc === first) return html`<p className="muted">Loading…</p>`;
  return html`<${Card} testId="remote-schema-missing"><p>No remote schema named <code>${name}</code>.
    <${Link} to=${LIST}>Back to the list</${Link}></p></${Card}>`;
}

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'modify', label: 'Modify' },
  { id: 'permissions', label: 'Permissions' },
];

function Schema({ remote, tab, doc }) {
  return html`<div data-test="remote-schema-page">
    <h2 data-test="remote-schema-title">${remote.name}</h2>
    <${Tabs} active=${tab} onSelect=${(id) => navigate(schemaPath(remote.name, id))}
      tabs=${TABS.map((t) => ({ ...t, href: '/console' + schemaPath(remote.name, t.id) }))} />
    ${tab === 'details' && html`<${RemoteSchemaDetails} remote=${remote} />`}
    ${tab === 'modify' && html`<${RemoteSchemaForm} key=${remote.name} mode="modify"
      initial=${formOf(remote)} />`}
    ${tab === 'permissions' && html`<${RemoteSchemaPermissions} remote=${remote} doc=${doc} />`}
  </div>`;
}

export default function Page({ segments }) {
  const state = useLoad(() => exportMetadata());
  const [, , which, tab] = segments;
  return html`<div className="page" data-test="page-remote-schemas">
    <${Loading} state=${state}>${(doc) => {
      const remotes = doc.remote_schemas || [];
      let content;
      if (!which || which === 'schemas') content = html`<${List} remotes=${remotes} />`;
      else if (which === 'add') {
        content = html`<div><h2>Add a remote schema</h2><${RemoteSchemaForm} mode="add" initial=${emptyForm()} /></div>`;
      } else {
        const remote = remotes.find((r) => r.name === which);
        content = remote
          ? html`<${Schema} remote=${remote} doc=${doc} tab=${TABS.some((t) => t.id === tab) ? tab : 'details'} />`
          : html`<${Missing} name=${which} doc=${doc} reload=${state.reload} />`;
      }
      return html`<${Sidebar} remotes=${remotes} current=${which} /><div className="content">${content}</div>`;
    }}</${Loading}>
  </div>`;
}
