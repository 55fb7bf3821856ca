// Foreign keys between tracked tables that no relationship uses yet (pg_suggest_relationships, less
// the directions a relationship of the table already covers), each with the metadata call that tracks it as Hasura's console names it: the object
// relationship from the referencing table named after the referenced table (`article.author`), the
// reverse one named after the referencing table, plural when it is an array (`author.articles`).
import { html } from '../../html.js';
import { metadata as callMetadata } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { ActionButton, Card, ErrorText } from '../../ui.js';
import { tableName, trackedTables } from './tracked.js';

function plural(name) {
  return name.endsWith('s') ? name : name + 's';
}

function same(a, b) {
  return a.schema === b.schema && a.name === b.name;
}

function sameColumns(a, b) {
  return a.length === b.length && a.every((c) => b.includes(c));
}

function tableOf(t) {
  return tableName({ table: t });
}

/** Whether one of the relationships of `entry` already uses the suggestion's foreign key that way round. */
function isTracked(entry, suggestion) {
  const { from, to } = suggestion;
  const relationships = [...(entry.object_relationships || []), ...(entry.array_relationships || [])];
  return relationships.some((r) => {
    const using = r.using || {};
    const manual = using.manual_configuration;
    if (manual) {
      const mapping = manual.column_mapping || {};
      return same(tableOf(manual.remote_table), tableOf(to.table))
        && sameColumns(Object.keys(mapping), from.columns) && sameColumns(Object.values(mapping), to.columns);
    }
    const fk = using.foreign_key_constraint_on;
    if (fk === undefined) return false;
    if (from.constraint_name) return typeof fk !== 'object' || Array.isArray(fk) ? sameColumns([].concat(fk), from.columns) : false;
    return typeof fk === 'object' && !Array.isArray(fk) && same(tableOf(fk.table), tableOf(to.table))
      && sameColumns(fk.columns || [fk.column], to.columns);
  });
}

/** The relationship names a tracked table has. */
function namesOf(metadata, source, table) {
  const entry = trackedTables(metadata, source, table.schema).find((t) => t.name === table.name);
  const e = entry ? entry.entry : {};
  return [...(e.object_relationships || []), ...(e.array_relationships || []), ...(e.remote_relationships || [])].map((r) => r.name);
}

/** The metadata call that adds a suggested relationship; `taken` holds the names already used on its table. */
export function relationshipCall(source, suggestion, taken) {
  const from = suggestion.from;
  const to = suggestion.to;
  const fromTable = { schema: from.table.schema || 'public', name: from.table.name };
  const toTable = { schema: to.table.schema || 'public', name: to.table.name };
  const base = from.constraint_name ? toTable.name : suggestion.type === 'array' ? plural(toTable.name) : toTable.name;
  const fkColumns = from.constraint_name ? from.columns : to.columns;
  const name = taken.includes(base) ? base + '_by_' + fkColumns.join('_') : base;
  const using = from.constraint_name
    ? { foreign_key_constraint_on: from.columns.length === 1 ? from.columns[0] : from.columns }
    : { foreign_key_constraint_on: to.columns.length === 1 ? { table: toTable, column: to.columns[0] } : { table: toTable, columns: to.columns } };
  return { type: 'pg_create_' + suggestion.type + '_relationship', args: { source, table: fromTable, name, using } };
}

function describe(suggestion) {
  const columns = (side) => side.columns.join(', ');
  return `${suggestion.from.table.name} (${columns(suggestion.from)}) → ${suggestion.to.table.name} (${columns(suggestion.to)})`;
}

/** The untracked foreign-key relationships of the tracked tables of a schema, with Track buttons. */
export function UntrackedRelationships({ metadata, source, schema }) {
  const tracked = trackedTables(metadata, source, schema);
  const tables = tracked.map((t) => ({ schema: t.schema, name: t.name }));
  const state = useLoad(() => (tables.length
    ? callMetadata('pg_suggest_relationships', { source, tables })
    : Promise.resolve({ relationships: [] })), [source, schema, JSON.stringify(tables)]);
  const suggestions = ((state.data && state.data.relationships) || []).filter((s) => {
    const from = tracked.find((t) => same(t, tableOf(s.from.table)));
    return from && !isTracked(from.entry, s);
  });
  const taken = new Map();
  const calls = suggestions.map((s) => {
    const key = JSON.stringify(s.from.table);
    if (!taken.has(key)) taken.set(key, namesOf(metadata, source, tableOf(s.from.table)));
    const call = relationshipCall(source, s, taken.get(key));
    taken.get(key).push(call.args.name);
    return call;
  });
  const trackAll = () => callMetadata('bulk', calls);
  return html`<${Card} title=${'Untracked foreign-key relationships' + (state.data ? ' (' + calls.length + ')' : '')}
    testId="untracked-relationships"
    actions=${calls.length > 1 && html`<${ActionButton} kind="primary" action=${trackAll} testId="track-all-relationships">Track All</${ActionButton}>`}>
    ${state.error && html`<${ErrorText} error=${state.error} />`}
    ${state.data && (calls.length
      ? html`<table className="data data-untracked"><tbody>${calls.map((call, i) => html`<tr key=${i}
          data-test=${'untracked-relationship-' + call.args.table.name + '.' + call.args.name}>
          <td><b>${call.args.table.name}</b> → <b>${call.args.name}</b></td>
          <td className="muted">${suggestions[i].type} relationship</td>
          <td className="muted">${describe(suggestions[i])}</td>
          <td className="data-actions"><${ActionButton} action=${() => callMetadata(call.type, call.args)}
            testId=${'track-relationship-' + call.args.table.name + '.' + call.args.name}>Track</${ActionButton}></td>
        </tr>`)}</tbody></table>`
      : html`<p className="muted" data-test="untracked-relationships-empty">No untracked foreign-key relationship between tracked tables.</p>`)}
  </${Card}>`;
}
