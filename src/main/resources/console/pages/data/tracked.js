// The tracked tables of export_metadata, and the GraphQL names a tracked table has (Hasura's rules: the
// configuration's custom_name, custom_root_fields and column custom names first, else `schema_table`
// outside public), used to browse and edit rows through /v1/graphql as the admin.

/** {schema, name} of a metadata table entry (a bare string means a table of public). */
export function tableName(entry) {
  const t = entry.table;
  return typeof t === 'string' ? { schema: 'public', name: t } : { schema: t.schema || 'public', name: t.name };
}

export function sourceOf(metadata, source) {
  return (metadata.sources || []).find((s) => s.name === source);
}

/** The source's tracked tables in a schema (or all of them): [{schema, name, entry}] sorted by name. */
export function trackedTables(metadata, source, schema) {
  const s = sourceOf(metadata, source);
  return ((s && s.tables) || []).map((entry) => ({ ...tableName(entry), entry }))
    .filter((t) => schema === undefined || t.schema === schema)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function trackedEntry(metadata, source, schema, table) {
  const found = trackedTables(metadata, source, schema).find((t) => t.name === table);
  return found ? found.entry : null;
}

function rootName(config, key, fallback) {
  const value = config.custom_root_fields && config.custom_root_fields[key];
  const name = value && typeof value === 'object' ? value.name : value;
  return name || fallback;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Hasura's GraphQL scalar for a Postgres type name (pg_type.typname). */
export function scalarName(udt) {
  const names = { int4: 'Int', serial: 'Int', serial4: 'Int', text: 'String', varchar: 'String', bool: 'Boolean',
    float4: 'Float', int2: 'smallint', int8: 'bigint', bigserial: 'bigint' };
  return names[udt] || udt;
}

/**
 * The names of a tracked table in the admin's schema: its type name, root fields and, per column,
 * the GraphQL field name (columns whose name GraphQL cannot carry are left out, as the engine does).
 */
export function graphqlNames(entry, { schema, name }, columns) {
  const config = entry.configuration || {};
  const t = config.custom_name || (schema === 'public' ? name : schema + '_' + name);
  const columnConfig = config.column_config || {};
  const legacy = config.custom_column_names || {};
  const fields = {};
  for (const column of columns) {
    const field = (columnConfig[column.name] && columnConfig[column.name].custom_name) || legacy[column.name] || column.name;
    if (GRAPHQL_NAME.test(field)) fields[column.name] = field;
  }
  return {
    typeName: t,
    select: rootName(config, 'select', t),
    aggregate: rootName(config, 'select_aggregate', t + '_aggregate'),
    insertOne: rootName(config, 'insert_one', 'insert_' + t + '_one'),
    updateByPk: rootName(config, 'update_by_pk', 'update_' + t + '_by_pk'),
    deleteByPk: rootName(config, 'delete_by_pk', 'delete_' + t + '_by_pk'),
    fields,
  };
}
