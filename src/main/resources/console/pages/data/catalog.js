// What the database holds, read as Hasura's console reads it: catalog queries sent through run_sql with
// read_only (they change nothing, so open pages are not told to reload). Every SQL text of the Data
// section that reads the catalog is here. run_sql has no bind parameters: names are quoted as SQL
// string literals by `literal` (standard_conforming_strings: a quote is doubled, nothing else is special).
import { runSql } from '../../api.js';

/** A SQL string literal. */
export function literal(text) {
  return "'" + String(text).replace(/'/g, "''") + "'";
}

/** A quoted SQL identifier. */
export function ident(name) {
  return '"' + String(name).replace(/"/g, '""') + '"';
}

const SCHEMAS_SQL = `select n.nspname
  from pg_namespace n
 where n.nspname not in ('pg_catalog', 'information_schema', 'hdb_catalog')
   and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
 order by n.nspname`;

const RELATIONS_SQL = (schema) => `select c.relname,
       case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW'
                      when 'f' then 'FOREIGN TABLE' else 'TABLE' end
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = ${literal(schema)} and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
 order by c.relname`;

const TABLE_SQL = (schema, table) => `with rel as (
  select c.oid, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = ${literal(schema)} and c.relname = ${literal(table)})
select json_build_object(
  'kind', (select relkind from rel),
  'columns', coalesce((select json_agg(json_build_object(
      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
      'udt', case when t.typtype = 'd' then bt.typname else t.typname end,
      'nullable', not a.attnotnull, 'default', pg_get_expr(d.adbin, d.adrelid),
      'identity', a.attidentity <> '', 'generated', a.attgenerated <> '',
      'comment', col_description(a.attrelid, a.attnum)) order by a.attnum)
    from pg_attribute a join rel on a.attrelid = rel.oid
      join pg_type t on t.oid = a.atttypid left join pg_type bt on bt.oid = t.typbasetype
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attnum > 0 and not a.attisdropped), '[]'),
  'constraints', coalesce((select json_agg(json_build_object(
      'name', con.conname, 'type', con.contype, 'definition', pg_get_constraintdef(con.oid),
      'columns', (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num),
      'ref_schema', rn.nspname, 'ref_table', rc.relname,
      'ref_columns', (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(num, ord)
                        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num))
      order by con.contype, con.conname)
    from pg_constraint con join rel on con.conrelid = rel.oid
      left join pg_class rc on rc.oid = con.confrelid left join pg_namespace rn on rn.oid = rc.relnamespace
   where con.contype in ('p', 'u', 'f')), '[]'))`;

/** The rows of a read-only query, without the header row. */
async function rows(source, sql) {
  const answer = await runSql(sql, { source, readOnly: true });
  return (answer.result || []).slice(1);
}

/** The source's schemas, system ones left out. */
export async function schemas(source) {
  return (await rows(source, SCHEMAS_SQL)).map(([name]) => name);
}

/** The schema's tables and views: [{name, kind}] with kind TABLE, VIEW, MATERIALIZED VIEW or FOREIGN TABLE. */
export async function relations(source, schema) {
  return (await rows(source, RELATIONS_SQL(schema))).map(([name, kind]) => ({ name, kind }));
}

/**
 * A table's columns and keys, or null when there is no such table: {kind, columns: [{name, type, udt,
 * nullable, default, identity, generated, comment}], primaryKey: [column…] | null, foreignKeys, uniqueKeys}.
 */
export async function tableInfo(source, schema, table) {
  const [[json]] = await rows(source, TABLE_SQL(schema, table));
  const info = JSON.parse(json);
  if (!info.kind) return null;
  const pk = info.constraints.find((c) => c.type === 'p');
  return {
    kind: info.kind,
    columns: info.columns,
    primaryKey: pk ? pk.columns : null,
    primaryKeyName: pk ? pk.name : null,
    foreignKeys: info.constraints.filter((c) => c.type === 'f'),
    uniqueKeys: info.constraints.filter((c) => c.type === 'u'),
  };
}
