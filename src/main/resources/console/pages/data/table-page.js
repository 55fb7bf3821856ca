// A table's page: its name, Untrack (with a confirmation; cascade, as Hasura's console: relationships
// from other tables to it go too), and the tabs browse, insert, modify,
// relationships and permissions. An untracked table shows Track and its structure only.
import { html, useState } from '../../html.js';
import { metadata as callMetadata } from '../../api.js';
import { navigate, pathOf } from '../../router.js';
import { useLoad } from '../../hooks.js';
import { ActionButton, Button, Loading, Tabs } from '../../ui.js';
import { tableInfo } from './catalog.js';
import { trackedEntry } from './tracked.js';
import { trackTable } from './schema-page.js';
import BrowseTab from './browse.js';
import InsertTab from './insert.js';
import ModifyTab from './modify.js';
import RelationshipsTab from './relationships.js';
import PermissionsTab from './permissions.js';

const TAB_LABELS = { browse: 'Browse Rows', insert: 'Insert Row', modify: 'Modify', relationships: 'Relationships', permissions: 'Permissions' };

function Untrack({ source, schema, table }) {
  const [asking, setAsking] = useState(false);
  const untrack = async () => {
    await callMetadata('pg_untrack_table', { source, table: { schema, name: table }, cascade: true });
    navigate(pathOf('data', source, 'schema', schema));
  };
  if (!asking) return html`<${Button} kind="danger" testId="untrack-table" onClick=${() => setAsking(true)}>Untrack</${Button}>`;
  return html`<span className="data-confirm" data-test="untrack-confirmation">
    Untrack <b>${table}</b>? Its GraphQL fields and the relationships to it go away; the table and its rows stay.
    <${ActionButton} kind="danger" action=${untrack} testId="untrack-confirm">Untrack</${ActionButton}>
    <${Button} testId="untrack-cancel" onClick=${() => setAsking(false)}>Cancel</${Button}>
  </span>`;
}

function TabContent({ tab, props }) {
  switch (tab) {
    case 'insert': return html`<${InsertTab} ...${props} />`;
    case 'modify': return html`<${ModifyTab} ...${props} />`;
    case 'relationships': return html`<${RelationshipsTab} source=${props.source} schema=${props.schema} table=${props.table} />`;
    case 'permissions': return html`<${PermissionsTab} source=${props.source} schema=${props.schema} table=${props.table} />`;
    default: return html`<${BrowseTab} ...${props} />`;
  }
}

export default function TablePage({ metadata, source, schema, table, tab }) {
  const state = useLoad(() => tableInfo(source, schema, table), [source, schema, table]);
  const entry = trackedEntry(metadata, source, schema, table);
  const base = pathOf('data', source, 'schema', schema, 'tables', table);
  return html`<div className="data-table-page" data-test="table-page">
    <div className="data-title">
      <h2><code>${table}</code> <span className="muted data-source-name">${source} · ${schema}</span></h2>
      ${entry && html`<${Untrack} source=${source} schema=${schema} table=${table} />`}
    </div>
    <${Loading} state=${state}>${(info) => {
      if (!info) return html`<p className="muted" data-test="table-missing">The database has no table or view ${schema}.${table}.</p>`;
      const props = { source, schema, table, entry, info, metadata };
      if (!entry) {
        return html`<div className="data-untracked-table" data-test="table-untracked">
          <p>This ${info.kind === 'v' ? 'view' : 'table'} is not tracked: it is not in the GraphQL API.
            <${ActionButton} kind="primary" action=${() => callMetadata('pg_track_table', trackTable(source, schema, table).args)}
              testId="track-table">Track</${ActionButton}></p>
          <${ModifyTab} ...${props} />
        </div>`;
      }
      const tabs = Object.keys(TAB_LABELS).map((id) => ({ id, label: TAB_LABELS[id], href: '/console' + base + '/' + id }));
      return html`<${Tabs} tabs=${tabs} active=${tab} onSelect=${(id) => navigate(base + '/' + id)} />
        <${TabContent} tab=${tab} props=${props} />`;
    }}</${Loading}>
  </div>`;
}
