// The Permissions tab's data: what a permission in the exported metadata grants (full / partial / none),
// the editor's draft of one, the permission a draft makes, and which field a server error concerns.

export const ACTIONS = ['insert', 'select', 'update', 'delete'];

/** The exported metadata's entry of a table, or undefined when it is not tracked. */
export function tableEntry(doc, source, schema, name) {
  const src = (doc.sources || []).find((s) => s.name === source);
  return src && (src.tables || []).find((t) => {
    const table = typeof t.table === 'string' ? { schema: 'public', name: t.table } : t.table;
    return (table.schema || 'public') === schema && table.name === name;
  });
}

/** Every role the metadata names: in table permissions of any source, and the inherited roles. */
export function allRoles(doc) {
  const roles = new Set();
  (doc.sources || []).forEach((s) => (s.tables || []).forEach((t) => ACTIONS.forEach((a) =>
    (t[a + '_permissions'] || []).forEach((p) => roles.add(p.role)))));
  (doc.inherited_roles || []).forEach((r) => roles.add(r.role_name));
  roles.delete('admin');
  return [...roles].sort();
}

/** {role, permission, comment?} of the table for the role and action, or undefined. */
export function permissionOf(entry, action, role) {
  return entry && (entry[action + '_permissions'] || []).find((p) => p.role === role);
}

const isEmpty = (expression) => !expression || Object.keys(expression).length === 0;

/** 'full' (every row and column, no limit), 'partial' or 'none'. */
export function accessOf(action, entry, columns) {
  if (!entry) return 'none';
  const p = entry.permission || {};
  const allColumns = p.columns === '*' || (Array.isArray(p.columns) && columns.every((c) => p.columns.includes(c)));
  const full = {
    select: isEmpty(p.filter) && allColumns && (p.limit === undefined || p.limit === null),
    insert: isEmpty(p.check) && allColumns,
    update: isEmpty(p.filter) && isEmpty(p.check) && allColumns,
    delete: isEmpty(p.filter),
  }[action];
  return full ? 'full' : 'partial';
}

const SESSION = /^x-hasura-/i;

/** The editor's state for a permission (or a new one). */
export function draftOf(action, entry, columns) {
  const p = (entry && entry.permission) || {};
  const expression = (value) => (isEmpty(value) ? { mode: 'none', text: '{}' } : { mode: 'custom', text: JSON.stringify(value, null, 2) });
  const filter = expression(p.filter);
  const check = expression(p.check);
  return {
    filterMode: filter.mode,
    filterText: filter.text,
    checkMode: check.mode,
    checkText: check.text,
    columns: p.columns === '*' ? [...columns] : [...(p.columns || [])],
    presets: Object.entries(p.set || {}).map(([column, value]) => (typeof value === 'string' && SESSION.test(value)
      ? { column, kind: 'session', value: value.slice('x-hasura-'.length) }
      : { column, kind: 'static', value: typeof value === 'string' ? value : JSON.stringify(value) })),
    limit: p.limit === undefined || p.limit === null ? '' : String(p.limit),
    allowAggregations: !!p.allow_aggregations,
    backendOnly: !!p.backend_only,
  };
}

function expressionOf(mode, text, what, errors, key) {
  if (mode === 'none') return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    errors[key] = { message: `The ${what} must be a JSON object, like {"id": {"_eq": "X-Hasura-User-Id"}}` };
  } catch (e) {
    errors[key] = { message: `The ${what} is not valid JSON: ${e.message}` };
  }
  return undefined;
}

/** {permission, errors}: the permission the draft makes (keys the editor does not show are kept), and the draft's own errors. */
export function permissionFrom(action, draft, entry, columns) {
  const errors = {};
  const permission = { ...((entry && entry.permission) || {}) };
  const keepStar = permission.columns === '*' && columns.every((c) => draft.columns.includes(c));
  const chosen = keepStar ? '*' : columns.filter((c) => draft.columns.includes(c));
  const setOrDelete = (key, value, keep) => { if (keep) permission[key] = value; else delete permission[key]; };
  if (action !== 'delete') permission.columns = chosen;
  if (action !== 'insert') permission.filter = expressionOf(draft.filterMode, draft.filterText, 'row filter', errors, 'filter');
  if (action === 'insert') permission.check = expressionOf(draft.checkMode, draft.checkText, 'check', errors, 'check');
  if (action === 'update') setOrDelete('check', expressionOf(draft.checkMode, draft.checkText, 'check', errors, 'check'), draft.checkMode === 'custom');
  if (action === 'insert' || action === 'update') {
    const set = {};
    draft.presets.filter((p) => p.column).forEach((p) => {
      set[p.column] = p.kind === 'session' ? (SESSION.test(p.value) ? p.value : 'X-Hasura-' + p.value) : p.value;
    });
    setOrDelete('set', set, Object.keys(set).length > 0);
  }
  if (action === 'select') {
    const limit = String(draft.limit).trim();
    if (limit && !/^-?\d+$/.test(limit)) errors.limit = { message: 'The limit must be a whole number' };
    setOrDelete('limit', Number(limit), limit !== '' && !errors.limit);
    setOrDelete('allow_aggregations', true, draft.allowAggregations);
  } else {
    setOrDelete('backend_only', true, draft.backendOnly);
  }
  return { permission, errors };
}

/**
 * Which field of the editor a server error concerns: its path when the server gives one inside the
 * permission, else the name the message quotes (a column, a field, an operator) found in the draft.
 */
export function locateError(error, action, draft) {
  const path = error.path || '';
  const byPath = [['.filter', 'filter'], ['.check', 'check'], ['.columns', 'columns'], ['.set', 'presets'], ['.limit', 'limit']]
    .find(([part]) => path.includes('.permission' + part));
  if (byPath) return byPath[1];
  const message = (error.message || '').replace(/^.*in permission for role "[^"]*": /, '');
  const filter = action !== 'insert' && draft.filterMode === 'custom' ? draft.filterText : '';
  const check = (action === 'insert' || action === 'update') && draft.checkMode === 'custom' ? draft.checkText : '';
  if (action === 'select' && /negative|limit/i.test(message)) return 'limit';
  const column = /^column "([^"]+)" does not exist/.exec(message);
  if (column) {
    if (draft.presets.some((p) => p.column === column[1])) return 'presets';
    if (draft.columns.includes(column[1])) return 'columns';
  }
  const names = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]).concat(message.match(/\b_[a-z_]+\b/g) || []);
  const mentions = (text) => text && names.some((n) => text.includes('"' + n + '"'));
  if (mentions(filter)) return 'filter';
  if (mentions(check)) return 'check';
  if (filter && !names.length) return 'filter';
  if (check && !names.length) return 'check';
  return 'top';
}

/** A SQL string literal (quotes doubled) for the read-only catalog query. */
export function sqlText(value) {
  return "'" + String(value).replace(/'/g, "''") + "'";
}
