// The SQL page: run_sql on a source, its result table, or the error with Postgres' message and code.
// "Track this" tracks the tables and views the SQL creates, found as Hasura's console finds them (a
// simple scan for CREATE [OR REPLACE] [MATERIALIZED] TABLE|VIEW [IF NOT EXISTS] name); "cascade"
// lets the SQL drop what metadata depends on; "read only" runs it in a read-only transaction.
import { html, useState } from '../../html.js';
import { runSql, metadata as callMetadata } from '../../api.js';
import { Link, pathOf } from '../../router.js';
import { ActionButton, Card, Checkbox, DataTable, ErrorText, Select, TextInput } from '../../ui.js';
import { trackTable } from './schema-page.js';

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const CREATE = new RegExp(String.raw`\bcreate\s+(?:or\s+replace\s+)?(?:materialized\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?(${NAME}(?:\s*\.\s*${NAME})?)`, 'gi');

function unquote(part) {
  const p = part.trim();
  return p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase();
}

/** The [{schema, name}] a SQL text creates (unqualified names are in public). */
export function createdTables(sql) {
  const found = [];
  const withoutComments = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  for (const match of withoutComments.matchAll(CREATE)) {
    const parts = match[1].match(new RegExp(NAME, 'g'));
    const table = parts.length === 2 ? { schema: unquote(parts[0]), name: unquote(parts[1]) } : { schema: 'public', name: unquote(parts[0]) };
    if (!found.some((t) => t.schema === table.schema && t.name === table.name)) found.push(table);
  }
  return found;
}

/** The error of run_sql as Postgres said it: the message and SQLSTATE from the error's internal part. */
function SqlError({ error }) {
  const pg = error.internal && error.internal.error;
  return html`<div className="data-sql-error" data-test="sql-error">
    <${ErrorText} error=${error} testId="sql-error-message" />
    ${pg && html`<div className="error data-pg-error" data-test="sql-error-postgres">
      <b>${pg.status_code}</b> ${pg.message}${pg.description && html`<div>${pg.description}</div>`}${pg.hint && html`<div>Hint: ${pg.hint}</div>`}
    </div>`}
  </div>`;
}

function Result({ answer }) {
  if (answer.result_type !== 'TuplesOk') return html`<p className="data-success" data-test="sql-success">SQL executed.</p>`;
  const [header, ...rows] = answer.result;
  return html`<${Card} title=${rows.length + ' row' + (rows.length === 1 ? '' : 's')} testId="sql-result-card">
    <div className="data-scroll"><${DataTable} header=${header} testId="sql-result" empty="The query returned no rows."
      rows=${rows.map((row) => row.map((v) => (v === null ? html`<i className="muted">NULL</i>` : v)))} /></div>
  </${Card}>`;
}

export default function SqlPage({ metadata }) {
  const sources = (metadata.sources || []).map((s) => s.name);
  const [sql, setSql] = useState('');
  const [source, setSource] = useState(sources[0] || 'default');
  const [trackThis, setTrackThis] = useState(false);
  const [trackTouched, setTrackTouched] = useState(false);
  const [cascade, setCascade] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  const [outcome, setOutcome] = useState(null);
  const edit = (text) => {
    setSql(text);
    if (!trackTouched) setTrackThis(createdTables(text).length > 0);
  };
  const run = async () => {
    setOutcome(null);
    let answer;
    try {
      answer = await runSql(sql, { source, cascade, readOnly });
    } catch (error) {
      setOutcome({ error });
      return;
    }
    const tables = trackThis && !readOnly ? createdTables(sql) : [];
    if (tables.length) {
      try {
        await callMetadata('bulk', tables.map((t) => trackTable(source, t.schema, t.name)));
      } catch (trackError) {
        setOutcome({ answer, tracked: [], trackError });
        return;
      }
    }
    setOutcome({ answer, tracked: tables });
  };
  return html`<div className="data-sql" data-test="sql-page">
    <h2>Raw SQL</h2>
    <${Card}>
      <${TextInput} multiline rows=${10} value=${sql} onChange=${edit} testId="sql-input"
        placeholder="create table author (id serial primary key, name text not null);" />
      <div className="row data-sql-options">
        ${sources.length > 1 && html`<${Select} value=${source} onChange=${setSource} options=${sources} testId="sql-source" />`}
        <${Checkbox} checked=${trackThis} label="Track this" testId="sql-track-this"
          onChange=${(v) => { setTrackThis(v); setTrackTouched(true); }} />
        <${Checkbox} checked=${cascade} label="Cascade metadata" testId="sql-cascade" onChange=${setCascade} />
        <${Checkbox} checked=${readOnly} label="Read only" testId="sql-read-only" onChange=${setReadOnly} />
        <${ActionButton} kind="primary" action=${run} testId="sql-run" disabled=${!sql.trim()}>Run!</${ActionButton}>
      </div>
      <p className="hint">Track this: tracks the tables and views the SQL creates. Cascade: drops what metadata depends on
        along with dropped columns and tables. Read only: runs the SQL in a read-only transaction.</p>
    </${Card}>
    ${outcome && outcome.error && html`<${SqlError} error=${outcome.error} />`}
    ${outcome && outcome.trackError && html`<${ErrorText} error=${outcome.trackError} testId="sql-track-error" />`}
    ${outcome && outcome.tracked && outcome.tracked.length > 0 && html`<p className="data-success" data-test="sql-tracked">Tracked:
      ${outcome.tracked.map((t) => html` <${Link} key=${t.schema + '.' + t.name} to=${pathOf('data', source, 'schema', t.schema, 'tables', t.name, 'browse')}
        testId=${'sql-tracked-' + t.name}>${t.schema}.${t.name}</${Link}>`)}</p>`}
    ${outcome && outcome.answer && html`<${Result} answer=${outcome.answer} />`}
  </div>`;
}
