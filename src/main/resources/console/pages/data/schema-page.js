// A schema of a source: its tracked tables (links to their pages), and its untracked tables and views
// with a Track button each and Track All (pg_track_table; Track All sends one bulk), and the foreign
// keys between tracked tables that no relationship uses yet, with Track buttons (suggestions.js).
import { html } from '../../html.js';
import { metadata as callMetadata } from '../../api.js';
import { Link, pathOf } from '../../router.js';
import { useLoad } from '../../hooks.js';
import { ActionButton, Card, ErrorText } from '../../ui.js';
import { relations } from './catalog.js';
import { trackedTables } from './tracked.js';
import { UntrackedRelationships } from './suggestions.js';

export function trackTable(source, schema, name) {
  return { type: 'pg_track_table', args: { source, table: { schema, name } } };
}

export default function SchemaPage({ metadata, source, schema }) {
  const state = useLoad(() => relations(source, schema), [source, schema]);
  const tracked = trackedTables(metadata, source, schema);
  const trackedNames = new Set(tracked.map((t) => t.name));
  const untracked = (state.data || []).filter((r) => !trackedNames.has(r.name));
  const trackAll = () => callMetadata('bulk', untracked.map((r) => trackTable(source, schema, r.name)));
  return html`<div className="data-schema" data-test="schema-page">
    <h2>Schema <code>${schema}</code> <span className="muted data-source-name">in ${source}</span></h2>
    <${Card} title=${'Tracked tables (' + tracked.length + ')'} testId="tracked-tables">
      ${tracked.length
        ? html`<ul className="data-list">${tracked.map((t) => html`<li key=${t.name}>
            <${Link} to=${pathOf('data', source, 'schema', schema, 'tables', t.name, 'browse')} testId=${'tracked-' + t.name}>${t.name}</${Link}>
          </li>`)}</ul>`
        : html`<p className="muted" data-test="tracked-tables-empty">No table of this schema is tracked yet.</p>`}
    </${Card}>
    <${Card} title=${'Untracked tables or views' + (state.data ? ' (' + untracked.length + ')' : '')} testId="untracked-tables"
      actions=${untracked.length > 1 && html`<${ActionButton} kind="primary" action=${trackAll} testId="track-all">Track All</${ActionButton}>`}>
      ${state.error && html`<${ErrorText} error=${state.error} />`}
      ${state.data === undefined && !state.error && html`<p className="muted">Loading…</p>`}
      ${state.data && (untracked.length
        ? html`<table className="data data-untracked"><tbody>${untracked.map((r) => html`<tr key=${r.name} data-test=${'untracked-' + r.name}>
            <td>${r.name}</td><td className="muted">${r.kind}</td>
            <td className="data-actions"><${ActionButton} action=${() => callMetadata('pg_track_table', trackTable(source, schema, r.name).args)}
              testId=${'track-' + r.name}>Track</${ActionButton}></td>
          </tr>`)}</tbody></table>`
        : html`<p className="muted" data-test="untracked-tables-empty">Every table and view of this schema is tracked.</p>`)}
    </${Card}>
    <${UntrackedRelationships} metadata=${metadata} source=${source} schema=${schema} />
  </div>`;
}
