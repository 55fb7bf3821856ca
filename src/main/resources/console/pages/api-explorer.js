// The API tab: GraphiQL on /v1/graphql (docs explorer and history are GraphiQL's own plugins) with a
// table of request headers above it, as in Hasura's console (the admin secret from this tab's session,
// x-hasura-role and other session variables), and an Explain button (/v1/graphql/explain).
//
// For tests (and for anyone scripting the page): window.__console.api = {setQuery(q), setVariables(json),
// query(), variables(), run(), result(), explain()}; the Run button is [data-test=api-run] (GraphiQL's
// own execute button, tagged), the result pane [data-test=api-result] (GraphiQL's .result-window), the
// docs explorer and history buttons [data-test=api-docs] / [data-test=api-history].
import { html, useState, useEffect, useMemo, useRef } from '../html.js';
import { serverConfig, adminSecret, adminHeaders, ApiError } from '../api.js';
import { Button, ErrorText, Json } from '../ui.js';

const HEADERS_KEY = 'junction-api-headers';
const SECRET_HEADER = 'x-hasura-admin-secret';
const DEFAULT_QUERY = `# GraphiQL on /v1/graphql. The request headers above go
# with every query: add x-hasura-role (and x-hasura-user-id,
# …) to run it as a role. Explain shows each root field's SQL.
query MyQuery {
  __typename
}
`;

/** Loads GraphiQL's bundle and styles (webjar URLs from the server) once, when the page first opens. */
let graphiqlLoaded;
function loadGraphiQL() {
  if (window.GraphiQL) return Promise.resolve(window.GraphiQL);
  if (!graphiqlLoaded) {
    const libs = serverConfig.libs || {};
    graphiqlLoaded = new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = libs.graphiqlCss;
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = libs.graphiql;
      script.onload = () => resolve(window.GraphiQL);
      script.onerror = () => { graphiqlLoaded = null; reject(new Error('GraphiQL could not be loaded from ' + libs.graphiql)); };
      document.head.appendChild(script);
    });
  }
  return graphiqlLoaded;
}

/** Header rows {on, key, value}; the admin secret row's value is the session's, never stored twice. */
function initialRows() {
  let stored = [];
  try {
    stored = JSON.parse(sessionStorage.getItem(HEADERS_KEY) || '[]');
  } catch (e) {
    stored = [];
  }
  const rows = stored.filter((r) => r.key.toLowerCase() !== SECRET_HEADER);
  if (adminSecret()) rows.unshift({ on: true, key: SECRET_HEADER, value: adminSecret(), secret: true });
  return withBlankRow(rows);
}

function withBlankRow(rows) {
  const last = rows[rows.length - 1];
  return last && !last.key && !last.value ? rows : [...rows, { on: true, key: '', value: '' }];
}

function saveRows(rows) {
  sessionStorage.setItem(HEADERS_KEY, JSON.stringify(rows.filter((r) => !r.secret && (r.key || r.value))));
}

/** The headers a request sends: the enabled rows with a name. */
function headersOf(rows) {
  const headers = { 'content-type': 'application/json' };
  rows.filter((r) => r.on && r.key.trim()).forEach((r) => { headers[r.key.trim()] = r.value; });
  return headers;
}

/** Posts to /v1/graphql and hands GraphiQL the JSON answer, errors included (they are GraphQL's envelope). */
function fetcherOf(rowsRef) {
  return async (params) => {
    const response = await fetch('/v1/graphql', { method: 'POST', headers: headersOf(rowsRef.current), body: JSON.stringify(params) });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (e) {
      return { errors: [{ message: text || `HTTP ${response.status}` }] };
    }
  };
}

/** /v1/graphql/explain as the admin, for the session the header rows describe (x-hasura-* headers). */
/**
 * The operation name GraphiQL holds, if the query text still has an operation of that name: GraphiQL
 * updates it a moment after the text changes, so right after setQuery it can name the previous query's.
 */
function currentOperation(query, name) {
  if (!name) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp('\\b(query|mutation|subscription)\\s+' + escaped + '\\b').test(query) ? name : undefined;
}

async function explainQuery(rows, query, variables, operationName) {
  const user = {};
  rows.filter((r) => r.on && r.key.trim().toLowerCase().startsWith('x-hasura-') && r.key.trim().toLowerCase() !== SECRET_HEADER)
    .forEach((r) => { user[r.key.trim().toLowerCase()] = r.value; });
  const body = { query: { query, variables, operationName: operationName || undefined } };
  if (Object.keys(user).length) body.user = user;
  const response = await fetch('/v1/graphql/explain', { method: 'POST', headers: adminHeaders(), body: JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function HeadersTable({ rows, setRows, onCommit }) {
  const [shown, setShown] = useState(false);
  const update = (i, change) => {
    const next = withBlankRow(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
    setRows(next);
    return next;
  };
  const remove = (i) => onCommit(withBlankRow(rows.filter((_, j) => j !== i)));
  return html`<table className="data api-headers" data-test="api-headers">
    <thead><tr><th></th><th>Key</th><th>Value</th><th></th></tr></thead>
    <tbody>${rows.map((r, i) => html`<tr key=${i}>
      <td className="narrow"><input type="checkbox" checked=${r.on} data-test=${'header-on-' + i}
        onChange=${(e) => onCommit(update(i, { on: e.target.checked }))} /></td>
      <td><input className="input" value=${r.key} placeholder="Enter key" data-test=${'header-key-' + i}
        onChange=${(e) => update(i, { key: e.target.value, secret: false })} onBlur=${() => onCommit(rows)} /></td>
      <td className="value"><input className="input" value=${r.value} placeholder="Enter value" data-test=${'header-value-' + i}
        type=${r.secret && !shown ? 'password' : 'text'}
        onChange=${(e) => update(i, { value: e.target.value })} onBlur=${() => onCommit(rows)} />
        ${r.secret && html`<${Button} kind="plain" testId="header-secret-show" onClick=${() => setShown(!shown)}>${shown ? 'hide' : 'show'}</${Button}>`}</td>
      <td className="narrow">${(r.key || r.value) && html`<${Button} kind="plain" testId=${'header-remove-' + i}
        title="Remove" onClick=${() => remove(i)}>✕</${Button}>`}</td>
    </tr>`)}</tbody>
  </table>`;
}

/** Rendered inside GraphiQL (its toolbar) to reach its editors and execution: the page's handle on them. */
function makeBridge(GraphiQL, handle) {
  return function Bridge() {
    const editors = GraphiQL.React.useEditorContext({ nonNull: true });
    const execution = GraphiQL.React.useExecutionContext({ nonNull: true });
    handle.current = { editors, execution };
    useEffect(() => {
      document.querySelectorAll('.api-explorer .graphiql-execute-button').forEach((b) => { b.dataset.test = 'api-run'; });
      document.querySelectorAll('.api-explorer .result-window').forEach((r) => { r.dataset.test = 'api-result'; });
      document.querySelectorAll('.api-explorer .graphiql-sidebar button[aria-label]').forEach((b) => {
        const label = b.getAttribute('aria-label');
        if (/Documentation Explorer$/.test(label)) b.dataset.test = 'api-docs';
        if (/History$/.test(label)) b.dataset.test = 'api-history';
      });
    });
    return null;
  };
}

function ExplainPanel({ state, onClose }) {
  return html`<div className="modal-backdrop" onClick=${onClose}>
    <div className="modal explain" data-test="explain-panel" onClick=${(e) => e.stopPropagation()}>
      <header className="card-head"><h3>Explain${state.role ? ' as ' + state.role : ''}</h3>
        <${Button} testId="explain-close" onClick=${onClose}>Close</${Button}></header>
      ${state.busy && html`<p className="muted">Explaining…</p>`}
      <${ErrorText} error=${state.error} testId="explain-error" />
      ${state.fields && !state.fields.length && html`<p className="muted" data-test="explain-empty">No database root field to explain.</p>`}
      ${(state.fields || []).map((f) => html`<section key=${f.field} className="explain-field" data-test=${'explain-field-' + f.field}>
        <h4>${f.field}</h4>
        <div className="explain-label">Generated SQL</div>
        <pre className="json" data-test="explain-sql">${f.sql}</pre>
        <div className="explain-label">Execution plan</div>
        <pre className="json" data-test="explain-plan">${(f.plan || []).join('\n')}</pre>
        ${f.remote_joins && html`<div className="explain-label">Remote calls</div>
          <${Json} value=${f.remote_joins} testId="explain-remote-joins" />`}
      </section>`)}
    </div>
  </div>`;
}

export default function ApiExplorer() {
  // a component is a function: kept in an object, else useState would call it as an updater
  const [lib, setLib] = useState(() => (window.GraphiQL ? { GraphiQL: window.GraphiQL } : null));
  const GraphiQL = lib && lib.GraphiQL;
  const [loadError, setLoadError] = useState(null);
  const [rows, setRowsState] = useState(initialRows);
  // the schema is introspected again when the committed headers change (on blur, not on every key)
  const [committed, setCommitted] = useState(() => JSON.stringify(headersOf(rows)));
  const [explain, setExplain] = useState(null);
  const rowsRef = useRef(rows);
  const handle = useRef(null);

  const setRows = (next) => {
    rowsRef.current = next;
    setRowsState(next);
    saveRows(next);
  };
  const commit = (next) => {
    setRows(next);
    setCommitted(JSON.stringify(headersOf(next)));
  };

  useEffect(() => {
    if (!GraphiQL) loadGraphiQL().then((loaded) => setLib({ GraphiQL: loaded }), setLoadError);
  }, []);
  const fetcher = useMemo(() => fetcherOf(rowsRef), [committed]);
  const Bridge = useMemo(() => GraphiQL && makeBridge(GraphiQL, handle), [GraphiQL]);

  const runExplain = async () => {
    const editors = handle.current && handle.current.editors;
    if (!editors || !editors.queryEditor) return;
    const role = (rowsRef.current.find((r) => r.on && r.key.trim().toLowerCase() === 'x-hasura-role') || {}).value;
    setExplain({ busy: true, role });
    let variables;
    try {
      const text = editors.variableEditor ? editors.variableEditor.getValue().trim() : '';
      variables = text ? JSON.parse(text) : undefined;
    } catch (e) {
      setExplain({ role, error: { message: 'The variables are not valid JSON: ' + e.message } });
      return;
    }
    try {
      const query = editors.queryEditor.getValue();
      const fields = await explainQuery(rowsRef.current, query, variables, currentOperation(query, editors.queryEditor.operationName));
      setExplain({ role, fields });
    } catch (e) {
      setExplain({ role, error: e });
    }
  };

  useEffect(() => {
    const editor = (name) => handle.current && handle.current.editors[name];
    window.__console = window.__console || {};
    window.__console.api = {
      setQuery: (q) => editor('queryEditor').setValue(q),
      setVariables: (v) => editor('variableEditor').setValue(typeof v === 'string' ? v : JSON.stringify(v, null, 2)),
      query: () => editor('queryEditor').getValue(),
      variables: () => editor('variableEditor').getValue(),
      run: () => handle.current.execution.run(),
      isFetching: () => !!(handle.current && handle.current.execution.isFetching),
      result: () => editor('responseEditor').getValue(),
      explain: runExplain,
      ready: () => !!(handle.current && editor('queryEditor') && editor('responseEditor')),
    };
    return () => { delete window.__console.api; };
  });

  return html`<div className="api-explorer" data-test="page-api-explorer">
    <section className="card api-bar">
      <header className="card-head">
        <h3>Request headers</h3>
        <div className="row">
          <span className="muted">POST /v1/graphql</span>
          <${Button} kind="primary" testId="api-explain" onClick=${runExplain} disabled=${!GraphiQL}
            title="The SQL, Postgres plan and remote calls of each root field">Explain</${Button}>
        </div>
      </header>
      <${HeadersTable} rows=${rows} setRows=${setRows} onCommit=${commit} />
    </section>
    <${ErrorText} error=${loadError} testId="graphiql-load-error" />
    <div className="graphiql-host" data-test="graphiql">
      ${GraphiQL ? html`<${GraphiQL} fetcher=${fetcher} defaultQuery=${DEFAULT_QUERY} isHeadersEditorEnabled=${false}
          shouldPersistHeaders=${false} toolbar=${{ additionalContent: html`<${Bridge} />` }}>
          <${GraphiQL.Logo}>Junction</${GraphiQL.Logo}>
        </${GraphiQL}>`
        : !loadError && html`<p className="muted">Loading GraphiQL…</p>`}
    </div>
    ${explain && html`<${ExplainPanel} state=${explain} onClose=${() => setExplain(null)} />`}
  </div>`;
}
