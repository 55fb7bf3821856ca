// The console speaks only the engine's public HTTP API, as Hasura's console does.
// The admin secret is kept in sessionStorage: gone when the tab closes, never in localStorage or a cookie.

const SECRET_KEY = 'junction-admin-secret';
const changeListeners = new Set();

export const serverConfig = window.__junction || {};

export function adminSecret() {
  return sessionStorage.getItem(SECRET_KEY);
}

export function setAdminSecret(secret) {
  if (secret) sessionStorage.setItem(SECRET_KEY, secret);
  else sessionStorage.removeItem(SECRET_KEY);
}

/** The headers every admin call sends. */
export function adminHeaders() {
  const headers = { 'content-type': 'application/json' };
  const secret = adminSecret();
  if (secret) headers['x-hasura-admin-secret'] = secret;
  return headers;
}

/** An error answer of the API: Hasura's envelope ({code, error, path}) and the HTTP status. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.path = body && body.path;
    this.internal = body && body.internal;
  }
}

async function post(path, body, headers = adminHeaders()) {
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(response.status, { error: text || `HTTP ${response.status}`, code: 'unexpected' });
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const READS = new Set(['export_metadata', 'get_inconsistent_metadata', 'introspect_remote_schema',
  'get_catalog_state', 'pg_suggest_relationships', 'get_source_tables', 'list_source_kinds']);

/** POST /v1/metadata; a successful call that changes metadata tells the listeners (banner, open pages). */
export async function metadata(type, args = {}, extra = {}) {
  const answer = await post('/v1/metadata', { type, args, ...extra });
  if (!READS.has(type)) changeListeners.forEach((listener) => listener(type));
  return answer;
}

export function exportMetadata() {
  return metadata('export_metadata', {});
}

/** POST /v2/query run_sql: {result_type, result: [[header...], [row...]...]}. */
export async function runSql(sql, { source = 'default', readOnly = false, cascade = false, checkMetadataConsistency } = {}) {
  const args = { source, sql, read_only: readOnly, cascade };
  if (checkMetadataConsistency !== undefined) args.check_metadata_consistency = checkMetadataConsistency;
  const answer = await post('/v2/query', { type: 'run_sql', args });
  if (!readOnly) changeListeners.forEach((listener) => listener('run_sql'));
  return answer;
}

/** POST /v1/graphql as the admin, or with the given headers. */
export function graphql(query, variables, headers) {
  return post('/v1/graphql', { query, variables }, headers || adminHeaders());
}

/** Called after every change made through this console (no polling: the server is never asked in a loop). */
export function onMetadataChange(listener) {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Whether the stored secret (or none) is accepted: one cheap admin call. */
export async function checkAdminAccess() {
  try {
    await post('/v1/metadata', { type: 'get_inconsistent_metadata', args: {} });
    return true;
  } catch (e) {
    if (e.status === 401 || e.code === 'access-denied' || e.code === 'invalid-headers') return false;
    throw e;
  }
}
