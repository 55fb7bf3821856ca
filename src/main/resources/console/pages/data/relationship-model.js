// What the Relationships tab reads and writes, without React: how a relationship of export_metadata is
// described, which suggestions a table already has, and the metadata calls of the Add Relationship form.

const sameTable = (a, b) => a && b && (a.schema || 'public') === (b.schema || 'public') && a.name === b.name;
const asTable = (t) => (typeof t === 'string' ? { schema: 'public', name: t } : { schema: t.schema || 'public', name: t.name });
const asList = (c) => (Array.isArray(c) ? c : [c]);
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
export const tableLabel = (t) => (t.schema === 'public' ? t.name : t.schema + '.' + t.name);

/** The remote relationship's definition in the new format ({remote_schema, lhs_fields, remote_field}). */
export function remoteDefinition(relationship) {
  const d = relationship.definition || {};
  if (d.to_remote_schema) return d.to_remote_schema;
  return { remote_schema: d.remote_schema, lhs_fields: d.hasura_fields || [], remote_field: d.remote_field || {} };
}

/** `user(id: $user_id) { posts(limit: 5) }` for a remote_field. */
export function describeRemoteField(remoteField) {
  const parts = [];
  let node = remoteField;
  while (node && Object.keys(node).length) {
    const [field] = Object.keys(node);
    const args = Object.entries(node[field].arguments || {})
      .map(([name, value]) => name + ': ' + (typeof value === 'string' && value.startsWith('$') ? value : JSON.stringify(value)));
    parts.push(field + (args.length ? '(' + args.join(', ') + ')' : ''));
    node = node[field].field;
  }
  return parts.join(' → ');
}

/** What an object or array relationship joins, in words: `author_id → authors.id`. */
export function describeUsing(using, info) {
  if (using.manual_configuration) {
    const m = using.manual_configuration;
    const mapping = Object.entries(m.column_mapping || {}).map(([from, to]) => from + ' → ' + to);
    return tableLabel(asTable(m.remote_table)) + ' (' + mapping.join(', ') + ')';
  }
  const fk = using.foreign_key_constraint_on;
  if (fk && typeof fk === 'object' && !Array.isArray(fk)) {
    const columns = fk.columns || [fk.column];
    return tableLabel(asTable(fk.table)) + ' (' + columns.join(', ') + ' references this table)';
  }
  const columns = asList(fk);
  const key = info && info.foreignKeys.find((k) => sameSet(k.columns, columns));
  if (!key) return columns.join(', ') + ' (foreign key)';
  return columns.join(', ') + ' → ' + tableLabel({ schema: key.ref_schema, name: key.ref_table }) + '.' + key.ref_columns.join(', ');
}

/** Whether the table entry has a relationship doing what the suggestion does. */
export function alreadyThere(entry, suggestion) {
  const relationships = [...(entry.object_relationships || []), ...(entry.array_relationships || [])];
  return relationships.some(({ using }) => {
    if (using.manual_configuration) {
      const m = using.manual_configuration;
      return sameTable(asTable(m.remote_table), suggestion.to.table)
        && sameSet(Object.keys(m.column_mapping || {}), suggestion.from.columns)
        && sameSet(Object.values(m.column_mapping || {}), suggestion.to.columns);
    }
    const fk = using.foreign_key_constraint_on;
    if (fk && typeof fk === 'object' && !Array.isArray(fk)) {
      return !suggestion.from.constraint_name && sameTable(asTable(fk.table), suggestion.to.table)
        && sameSet(fk.columns || [fk.column], suggestion.to.columns);
    }
    return !!suggestion.from.constraint_name && sameSet(asList(fk), suggestion.from.columns);
  });
}

/** A free name for a suggestion: `author` for author_id → authors, else the other table's name. */
export function suggestedName(suggestion, taken) {
  const single = suggestion.from.columns.length === 1 && suggestion.from.constraint_name ? suggestion.from.columns[0] : null;
  let name = single && /_id$/.test(single) ? single.replace(/_id$/, '') : suggestion.to.table.name;
  if (taken.has(name)) name = name + '_by_' + suggestion.to.columns.join('_');
  return name;
}

/** The pg_create_<type>_relationship call adding a suggested relationship (through its foreign key). */
export function suggestionCall(source, table, suggestion, name) {
  const columns = suggestion.from.constraint_name ? suggestion.from.columns : suggestion.to.columns;
  const on = suggestion.from.constraint_name
    ? (columns.length === 1 ? columns[0] : columns)
    : (columns.length === 1 ? { table: suggestion.to.table, column: columns[0] } : { table: suggestion.to.table, columns });
  return { type: 'pg_create_' + suggestion.type + '_relationship', args: { source, table, name, using: { foreign_key_constraint_on: on } } };
}

/** Columns named by "$column" strings anywhere in a value. */
function columnsIn(value, out) {
  if (typeof value === 'string' && value.startsWith('$') && value.length > 1) out.add(value.slice(1));
  else if (Array.isArray(value)) value.forEach((v) => columnsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => columnsIn(v, out));
  return out;
}

/**
 * The remote_field of a selected path: [{field, args: {name: {mode, column, value}}}] →
 * {f1: {arguments, field: {f2: {arguments}}}}; an argument is sent when it has a column or a value.
 */
export function remoteField(selection) {
  let out = null;
  for (let i = selection.length - 1; i >= 0; i--) {
    const step = selection[i];
    const node = { arguments: argumentsOf(step.args) };
    if (out) node.field = out;
    out = { [step.field]: node };
  }
  return out || {};
}

function argumentsOf(args) {
  const out = {};
  for (const [name, a] of Object.entries(args || {})) {
    if (a.mode === 'column' && a.column) out[name] = '$' + a.column;
    if (a.mode === 'static' && a.value !== undefined && a.value !== '') out[name] = a.value;
  }
  return out;
}

/** The selected path of an existing remote_field, for editing. */
export function selectionOf(remoteFieldValue) {
  const out = [];
  let node = remoteFieldValue;
  while (node && Object.keys(node).length) {
    const [field] = Object.keys(node);
    const args = {};
    for (const [name, value] of Object.entries(node[field].arguments || {})) {
      args[name] = typeof value === 'string' && value.startsWith('$')
        ? { mode: 'column', column: value.slice(1) }
        : { mode: 'static', value };
    }
    out.push({ field, args });
    node = node[field].field;
  }
  return out;
}

/** pg_create_remote_relationship (or pg_update_… when editing) in the to_remote_schema format. */
export function remoteCall({ source, table, name, remoteSchema, selection, editing }) {
  const field = remoteField(selection);
  return {
    type: editing ? 'pg_update_remote_relationship' : 'pg_create_remote_relationship',
    args: {
      source, table, name,
      definition: { to_remote_schema: { remote_schema: remoteSchema, lhs_fields: [...columnsIn(field, new Set())], remote_field: field } },
    },
  };
}

/** pg_create_<type>_relationship with manual_configuration; editing drops the old one in the same bulk. */
export function tableCall({ source, table, name, type, target, mapping, editing }) {
  const columnMapping = {};
  mapping.filter((m) => m.from && m.to).forEach((m) => { columnMapping[m.from] = m.to; });
  const create = {
    type: 'pg_create_' + type + '_relationship',
    args: { source, table, name, using: { manual_configuration: { remote_table: { schema: target.schema, name: target.name }, column_mapping: columnMapping } } },
  };
  if (!editing) return create;
  return { type: 'bulk', args: [{ type: 'pg_drop_relationship', args: { source, table, relationship: editing } }, create] };
}

/**
 * Which field of the form a server error concerns: by its path when it names one, else by what it
 * says (a relationship the engine finds inconsistent is refused with the path of the whole call).
 */
export function errorField(error, kind) {
  const path = error.path || '';
  const message = error.message || '';
  if (/\.(name|new_name|relationship)$/.test(path)
      || /conflicts with|already exists|conflicting definitions|valid GraphQL name|cannot include/i.test(message)) return 'name';
  if (/remote_schema$|remote_table/.test(path) || /remote schema with name|table ".*" does not exist/i.test(message)) return 'target';
  if (kind === 'remote') {
    if (/argument|expected type|variable|null is not allowed|list value|enum value|list type|stripping/i.test(message)) return 'arguments';
    if (/remote_field|lhs_fields/.test(path) || /field/i.test(message)) return 'field';
  } else if (/column_mapping|manual_configuration|using/.test(path) || /column/i.test(message)) {
    return 'mapping';
  }
  return 'form';
}
