// A tracked table's rows through /v1/graphql as the admin: a page of rows with the total count
// (T and T_aggregate), and a row inserted (insert_T_one), updated (update_T_by_pk) or deleted
// (delete_T_by_pk), each by the table's GraphQL names (see tracked.js). Values travel as variables;
// only names (checked GraphQL names) and the page numbers are written into the query text.
import { graphql } from '../../api.js';
import { graphqlNames, scalarName } from './tracked.js';

/** A GraphQL answer's data, or its first error thrown as {message, code, path}. */
async function ask(query, variables) {
  const answer = await graphql(query, variables);
  if (answer.errors && answer.errors.length) {
    const first = answer.errors[0];
    const ext = first.extensions || {};
    throw Object.assign(new Error(first.message), { code: ext.code, path: ext.path });
  }
  return answer.data;
}

/** The names and the GraphQL-visible columns of a tracked table. */
export function tableApi(entry, schema, table, info) {
  const names = graphqlNames(entry, { schema, name: table }, info.columns);
  const columns = info.columns.filter((c) => names.fields[c.name]);
  const selection = columns.map((c) => names.fields[c.name]).join(' ');
  return { names, columns, selection };
}

/** Rows as {column name: value}, from an answer keyed by GraphQL field names. */
function byColumn(api, row) {
  const out = {};
  for (const c of api.columns) out[c.name] = row[api.names.fields[c.name]];
  return out;
}

/** One page: {rows, total}; order is [{column, direction: 'asc' | 'desc'}]. */
export async function browse(api, { limit, offset, order }) {
  const orderBy = order.map((o) => `{${api.names.fields[o.column]}: ${o.direction === 'desc' ? 'desc' : 'asc'}}`).join(', ');
  const args = [`limit: ${Number(limit)}`, `offset: ${Number(offset)}`];
  if (orderBy) args.push(`order_by: [${orderBy}]`);
  const data = await ask(`query BrowseRows {
  rows: ${api.names.select}(${args.join(', ')}) { ${api.selection} }
  total: ${api.names.aggregate} { aggregate { count } }
}`);
  return { rows: data.rows.map((row) => byColumn(api, row)), total: data.total.aggregate.count };
}

/** The row with GraphQL field names as keys, from {column name: value}. */
function byField(api, values) {
  const out = {};
  for (const [column, value] of Object.entries(values)) out[api.names.fields[column]] = value;
  return out;
}

export async function insertRow(api, values) {
  const data = await ask(`mutation InsertRow($object: ${api.names.typeName}_insert_input!) {
  row: ${api.names.insertOne}(object: $object) { ${api.selection} }
}`, { object: byField(api, values) });
  return data.row && byColumn(api, data.row);
}

/** Updates the row of primary key `key` ({column: value}) with `set` ({column: value}). */
export async function updateRow(api, key, set) {
  const data = await ask(`mutation UpdateRow($pk: ${api.names.typeName}_pk_columns_input!, $set: ${api.names.typeName}_set_input) {
  row: ${api.names.updateByPk}(pk_columns: $pk, _set: $set) { ${api.selection} }
}`, { pk: byField(api, key), set: byField(api, set) });
  if (!data.row) throw new Error('The row is not there any more.');
  return byColumn(api, data.row);
}

export async function deleteRow(api, key) {
  const keyColumns = api.columns.filter((c) => c.name in key);
  const params = keyColumns.map((c, i) => `$k${i}: ${scalarName(c.udt)}!`).join(', ');
  const args = keyColumns.map((c, i) => `${api.names.fields[c.name]}: $k${i}`).join(', ');
  const variables = {};
  keyColumns.forEach((c, i) => { variables['k' + i] = key[c.name]; });
  const data = await ask(`mutation DeleteRow(${params}) {
  row: ${api.names.deleteByPk}(${args}) { ${api.selection} }
}`, variables);
  if (!data.row) throw new Error('The row is not there any more.');
  return byColumn(api, data.row);
}
