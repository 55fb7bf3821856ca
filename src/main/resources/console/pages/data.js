// The Data section: the sidebar (sources → schemas → tracked tables) and the page of the path —
//   /data                                          → the first source's public schema
//   /data/sql                                      → the SQL page (run_sql)
//   /data/<source>/schema/<schema>                 → tracked and untracked tables of a schema
//   /data/<source>/schema/<schema>/tables/<table>/<browse|insert|modify|relationships|permissions>
// The relationships and permissions tabs are the modules ./data/relationships.js and ./data/permissions.js.
import { html, useEffect } from '../html.js';
import { exportMetadata } from '../api.js';
import { navigate, pathOf } from '../router.js';
import { useLoad } from '../hooks.js';
import { Loading } from '../ui.js';
import Sidebar from './data/sidebar.js';
import SchemaPage from './data/schema-page.js';
import TablePage from './data/table-page.js';
import SqlPage from './data/sql.js';

export const TABS = ['browse', 'insert', 'modify', 'relationships', 'permissions'];

/** Where a path that names less than a page goes (null: it names a page). */
function redirectOf(segs, metadata) {
  const [, source, word, schema, tables, table, tab] = segs;
  if (source === 'sql') return null;
  if (!source) {
    const first = (metadata.sources || [])[0];
    return first ? pathOf('data', first.name, 'schema', 'public') : null;
  }
  if (word !== 'schema' || !schema) return pathOf('data', source, 'schema', 'public');
  if (tables === 'tables' && table && !TABS.includes(tab)) return pathOf('data', source, 'schema', schema, 'tables', table, 'browse');
  if (tables !== undefined && (tables !== 'tables' || !table)) return pathOf('data', source, 'schema', schema);
  return null;
}

function Content({ segs, metadata }) {
  const [, source, , schema, , table, tab] = segs;
  if (source === 'sql') return html`<${SqlPage} metadata=${metadata} />`;
  if (!source) return html`<p className="muted" data-test="data-no-source">No database is connected: add a source first.</p>`;
  if (table) return html`<${TablePage} key=${source + '.' + schema + '.' + table} metadata=${metadata}
    source=${source} schema=${schema} table=${table} tab=${tab} />`;
  return html`<${SchemaPage} key=${source + '.' + schema} metadata=${metadata} source=${source} schema=${schema} />`;
}

export default function Page({ segments: segs }) {
  const state = useLoad(() => exportMetadata());
  const target = state.data ? redirectOf(segs, state.data) : null;
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  return html`<div className="page data-page" data-test="page-data">
    <${Loading} state=${state}>${(metadata) => html`
      <${Sidebar} metadata=${metadata} segs=${segs} />
      <div className="content">${!target && html`<${Content} segs=${segs} metadata=${metadata} />`}</div>`}
    </${Loading}>
  </div>`;
}
