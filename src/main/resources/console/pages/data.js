// TODO(issue 19): the Data section (sources, schemas, tables, browse/insert/modify, SQL) is being built.
// Routes: /data, /data/sql, /data/<source>/schema/<schema>, /data/<source>/schema/<schema>/tables/<table>/<tab>
// with <tab> one of browse, insert, modify, relationships, permissions; the relationships and permissions
// tabs are the modules ./data/relationships.js and ./data/permissions.js (default export: a component
// taking {source, schema, table}).
import { html } from '../html.js';

export default function Page({ path }) {
  return html`<div className="page" data-test="page-data"><h2>Data</h2><p className="muted">${path}</p></div>`;
}
