// The remote schema form's state ↔ the `definition` of add_remote_schema / update_remote_schema, and
// which form field a server error concerns. Pure functions: no React here.

/** An empty form: a URL, no headers, the server's default timeout. */
export function emptyForm() {
  return {
    name: '', urlMode: 'url', url: '', urlFromEnv: '', headers: [], forward: false, timeout: '60',
    namespace: '', typePrefix: '', typeSuffix: '', typeMapping: [], fieldNames: [], comment: '',
  };
}

/** A key → value map as editable rows [{from, to}]. */
function rows(mapping) {
  return Object.entries(mapping || {}).map(([from, to]) => ({ from, to: String(to) }));
}

/** Rows back into a map; rows without a key are left out. */
function mapping(list) {
  const out = {};
  list.filter((r) => r.from.trim()).forEach((r) => { out[r.from.trim()] = r.to.trim(); });
  return out;
}

const isEmpty = (object) => Object.keys(object).length === 0;

/** The form of a stored remote schema (export_metadata's entry), for /modify. */
export function formOf(remote) {
  const d = remote.definition || {};
  const c = d.customization || {};
  const t = c.type_names || {};
  return {
    name: remote.name,
    urlMode: d.url_from_env !== undefined ? 'env' : 'url',
    url: d.url || '',
    urlFromEnv: d.url_from_env || '',
    headers: (d.headers || []).map((h) => ({
      name: h.name, mode: h.value_from_env !== undefined ? 'env' : 'value', value: h.value_from_env ?? h.value ?? '',
    })),
    forward: !!d.forward_client_headers,
    timeout: d.timeout_seconds === undefined ? '' : String(d.timeout_seconds),
    namespace: c.root_fields_namespace || '',
    typePrefix: t.prefix || '',
    typeSuffix: t.suffix || '',
    typeMapping: rows(t.mapping),
    fieldNames: (c.field_names || []).map((f) => ({
      parentType: f.parent_type || '', prefix: f.prefix || '', suffix: f.suffix || '', mapping: rows(f.mapping),
    })),
    comment: remote.comment || '',
  };
}

/** The `definition` the form describes, with only what the user set (as Hasura's console sends it). */
export function definitionOf(form) {
  const definition = {};
  if (form.urlMode === 'env') definition.url_from_env = form.urlFromEnv.trim();
  else definition.url = form.url.trim();
  const headers = form.headers.filter((h) => h.name.trim()).map((h) => (h.mode === 'env'
    ? { name: h.name.trim(), value_from_env: h.value.trim() }
    : { name: h.name.trim(), value: h.value }));
  if (headers.length) definition.headers = headers;
  definition.forward_client_headers = !!form.forward;
  const timeout = form.timeout.trim();
  if (timeout) definition.timeout_seconds = /^\d+$/.test(timeout) ? Number(timeout) : timeout;
  const customization = {};
  if (form.namespace.trim()) customization.root_fields_namespace = form.namespace.trim();
  const typeNames = {};
  if (form.typePrefix.trim()) typeNames.prefix = form.typePrefix.trim();
  if (form.typeSuffix.trim()) typeNames.suffix = form.typeSuffix.trim();
  const typeMapping = mapping(form.typeMapping);
  if (!isEmpty(typeMapping)) typeNames.mapping = typeMapping;
  if (!isEmpty(typeNames)) customization.type_names = typeNames;
  const fieldNames = form.fieldNames.filter((f) => f.parentType.trim()).map((f) => {
    const entry = { parent_type: f.parentType.trim() };
    if (f.prefix.trim()) entry.prefix = f.prefix.trim();
    if (f.suffix.trim()) entry.suffix = f.suffix.trim();
    const fields = mapping(f.mapping);
    if (!isEmpty(fields)) entry.mapping = fields;
    return entry;
  });
  if (fieldNames.length) customization.field_names = fieldNames;
  if (!isEmpty(customization)) definition.customization = customization;
  return definition;
}

/** The args of add_remote_schema / update_remote_schema. */
export function argsOf(form) {
  const args = { name: form.name.trim(), definition: definitionOf(form) };
  if (form.comment.trim()) args.comment = form.comment.trim();
  return args;
}

/**
 * The form field an error concerns: by its path when the server points inside the args, else by what
 * it is about (the remote could not be reached or its URL is wrong → the URL; a duplicate → the name);
 * null for the top of the form.
 */
export function fieldOfError(error, form) {
  const path = error && error.path || '';
  const message = error && error.message || '';
  const inside = path.match(/^\$\.args(?:\[\d+\]\.args)?\.(.*)$/);
  if (inside) {
    const rest = inside[1];
    if (rest.startsWith('name')) return 'name';
    if (rest.startsWith('comment')) return 'comment';
    if (rest.startsWith('definition.headers')) return 'headers';
    if (rest.startsWith('definition.timeout_seconds')) return 'timeout';
    if (rest.startsWith('definition.customization')) return 'customization';
    if (rest.startsWith('definition.url') || rest === 'definition') return 'url';
    if (rest.startsWith('definition.forward_client_headers')) return 'forward';
    return null;
  }
  if (error && error.code === 'already-exists') return 'name';
  const envHeader = form && form.headers.find((h) => h.mode === 'env' && h.value.trim()
    && message.includes(`'${h.value.trim()}'`));
  if (envHeader) return 'headers';
  if (/header/i.test(message)) return 'headers';
  if (/customiz|namespace|type name|field name/i.test(message)) return 'customization';
  if (error && (error.code === 'remote-schema-error' || /URI|url|environment variable/i.test(message))) return 'url';
  return null;
}
