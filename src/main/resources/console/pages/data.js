// TODO(issue 19): the Data section (sources, schemas, tables, browse/insert/modify, SQL) is being built.
// Routes: /data, /data/sql, /data/<source>/schema/<schema>, /data/<source>/schema/<schema>/tables/<table>/<tab>
// with <tab> one of browse, insert, modify, relationships, permissions; the relationships and permissions
// tabs are the modules ./data/relationships.js and ./data/permissions.js (default export: a component
// taking {source, schema, table}).
// (console-api branch: only the permissions tab is dispatched here, for its tests; the Data section's
// own data.js replaces this file at merge.)
import { html } from '../html.js';
import PermissionsTab from './data/permissions.js';

export default function Page({ path, segments }) {
  const [, source, , schema, , table, tab] = segments;
  if (segments[4] === 'tables' && tab === 'permissions') {
    return html`<div className="page" data-test="page-data"><div className="content">
      <h2>${table}</h2><${PermissionsTab} source=${source} schema=${schema} table=${table} /></div></div>`;
  }
  return html`<div className="page" data-test="page-data"><h2>Data</h2><p className="muted">${path}</p></div>`;
}
