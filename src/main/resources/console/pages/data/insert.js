// The insert tab: one typed input per column (empty inputs left out, so the column default applies),
// sent as insert_T_one through /v1/graphql; the inserted row is shown, the form kept for the next one.
import { html, useState } from '../../html.js';
import { ActionButton, Button, Card } from '../../ui.js';
import { RowForm, formValues } from './row-form.js';
import { tableApi, insertRow } from './rows.js';
import { display } from './values.js';

const EMPTY = { text: {}, nulls: {} };

export default function InsertTab({ entry, schema, table, info }) {
  const api = tableApi(entry, schema, table, info);
  const [state, setState] = useState(EMPTY);
  const [inserted, setInserted] = useState(null);
  if (info.kind !== 'r' && info.kind !== 'p') {
    return html`<p className="muted" data-test="tab-content-insert">Rows are inserted into tables; this is a view.</p>`;
  }
  const insert = async () => {
    setInserted(null);
    const row = await insertRow(api, formValues(api.columns, state, 'insert'));
    setInserted(row);
  };
  return html`<div data-test="tab-content-insert">
    <${Card}>
      <${RowForm} columns=${api.columns} state=${state} onChange=${setState} mode="insert" primaryKey=${info.primaryKey || []} />
      <div className="row data-form-actions">
        <${ActionButton} kind="primary" action=${insert} testId="insert-save">Save</${ActionButton}>
        <${Button} testId="insert-clear" onClick=${() => { setState(EMPTY); setInserted(null); }}>Clear</${Button}>
      </div>
    </${Card}>
    ${inserted && html`<div className="data-success" data-test="insert-result">
      Inserted: ${api.columns.map((c) => html`<span key=${c.name} className="data-kv"><b>${c.name}</b> ${display(inserted[c.name]) ?? 'NULL'}</span>`)}
    </div>`}
  </div>`;
}
