// The modify tab, read-only: the columns (type, nullable, default, primary key, GraphQL name), the
// primary key, foreign keys and unique keys, as the database has them, and the table's GraphQL names.
// Changing the structure is done with SQL on the SQL page.
import { html } from '../../html.js';
import { Link } from '../../router.js';
import { Card, DataTable } from '../../ui.js';
import { graphqlNames } from './tracked.js';

function list(columns) {
  return (columns || []).join(', ');
}

export default function ModifyTab({ entry, schema, table, info }) {
  const pk = new Set(info.primaryKey || []);
  const names = entry ? graphqlNames(entry, { schema, name: table }, info.columns) : null;
  const columnRows = info.columns.map((c) => [
    html`<span data-test=${'column-' + c.name}>${c.name}${pk.has(c.name) && html` <span className="data-badge">PK</span>`}</span>`,
    c.type,
    c.nullable ? 'nullable' : 'not null',
    c.default ?? (c.identity ? 'identity' : c.generated ? 'generated' : ''),
    names ? (names.fields[c.name] || html`<span className="muted">not in GraphQL</span>`) : '',
    c.comment || '',
  ]);
  return html`<div data-test="tab-content-modify">
    <${Card} title="Columns" testId="modify-columns">
      <${DataTable} header=${['Column', 'Type', 'Nullable', 'Default', 'GraphQL field', 'Comment']} rows=${columnRows} testId="columns" />
    </${Card}>
    <${Card} title="Primary key" testId="modify-primary-key">
      ${info.primaryKey
        ? html`<p data-test="primary-key">${list(info.primaryKey)} <span className="muted">(${info.primaryKeyName})</span></p>`
        : html`<p className="muted" data-test="primary-key-none">No primary key.</p>`}
    </${Card}>
    <${Card} title="Foreign keys" testId="modify-foreign-keys">
      <${DataTable} header=${['Name', 'Columns', 'References', 'Definition']} testId="foreign-keys" empty="No foreign key."
        rows=${info.foreignKeys.map((fk) => [fk.name, list(fk.columns), `${fk.ref_schema}.${fk.ref_table} (${list(fk.ref_columns)})`,
          html`<code>${fk.definition}</code>`])} />
    </${Card}>
    <${Card} title="Unique keys" testId="modify-unique-keys">
      <${DataTable} header=${['Name', 'Columns']} testId="unique-keys" empty="No unique key."
        rows=${info.uniqueKeys.map((u) => [u.name, list(u.columns)])} />
    </${Card}>
    ${names && html`<${Card} title="GraphQL" testId="modify-graphql">
      <p className="data-kvs"><span className="data-kv"><b>type</b> ${names.typeName}</span>
        <span className="data-kv"><b>select</b> ${names.select}</span>
        <span className="data-kv"><b>aggregate</b> ${names.aggregate}</span>
        <span className="data-kv"><b>insert one</b> ${names.insertOne}</span></p>
    </${Card}>`}
    <p className="muted">To change columns or keys, run the SQL on the <${Link} to="/data/sql" testId="modify-sql-link">SQL page</${Link}>.</p>
  </div>`;
}
