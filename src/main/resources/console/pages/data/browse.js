// The browse tab: a page of rows (10, 25 or 50) through /v1/graphql as the admin, sorted by a clicked
// column (the primary key otherwise), the total from T_aggregate; a row is edited (update_T_by_pk)
// or deleted (delete_T_by_pk, after a confirmation) by its primary key. A table without one is
// browsed only.
import { html, useState, useEffect } from '../../html.js';
import { ActionButton, Button, Card, ErrorText, Select } from '../../ui.js';
import { RowForm, formState, formValues } from './row-form.js';
import { tableApi, browse, updateRow, deleteRow } from './rows.js';
import { display } from './values.js';

const SIZES = ['10', '25', '50'];

function keyOf(primaryKey, row) {
  const key = {};
  for (const column of primaryKey) key[column] = row[column];
  return key;
}

function EditRow({ api, info, row, onDone, onCancel }) {
  const [original] = useState(() => formState(api.columns, row));
  const [state, setState] = useState(original);
  const save = async () => {
    const set = formValues(api.columns, state, 'edit', original);
    if (Object.keys(set).length) await updateRow(api, keyOf(info.primaryKey, row), set);
    onDone();
  };
  return html`<${Card} title="Edit row" testId="edit-row">
    <${RowForm} columns=${api.columns} state=${state} onChange=${setState} mode="edit" primaryKey=${info.primaryKey} />
    <div className="row data-form-actions">
      <${ActionButton} kind="primary" action=${save} testId="edit-save">Save</${ActionButton}>
      <${Button} testId="edit-cancel" onClick=${onCancel}>Cancel</${Button}>
    </div>
  </${Card}>`;
}

function RowActions({ index, onEdit, onDelete }) {
  const [asking, setAsking] = useState(false);
  if (asking) {
    return html`<span className="data-row-actions">
      <${ActionButton} kind="danger" action=${onDelete} testId=${'delete-confirm-' + index}>Delete</${ActionButton}>
      <${Button} testId=${'delete-cancel-' + index} onClick=${() => setAsking(false)}>Keep</${Button}>
    </span>`;
  }
  return html`<span className="data-row-actions">
    <${Button} testId=${'edit-row-' + index} onClick=${onEdit}>Edit</${Button}>
    <${Button} kind="danger" testId=${'delete-row-' + index} onClick=${() => setAsking(true)}>Delete</${Button}>
  </span>`;
}

function SortHeader({ column, order, onSort }) {
  const current = order.find((o) => o.column === column.name);
  const arrow = current ? (current.direction === 'desc' ? ' ▼' : ' ▲') : '';
  return html`<th><a href="#" data-test=${'browse-sort-' + column.name} onClick=${(e) => { e.preventDefault(); onSort(column.name); }}>
    ${column.name}${arrow}</a><div className="muted data-type">${column.type}</div></th>`;
}

export default function BrowseTab({ entry, schema, table, info }) {
  const api = tableApi(entry, schema, table, info);
  const primaryKey = info.primaryKey || [];
  const editable = primaryKey.length > 0 && primaryKey.every((c) => api.names.fields[c]);
  const [limit, setLimit] = useState('10');
  const [offset, setOffset] = useState(0);
  const [order, setOrder] = useState(() => primaryKey.filter((c) => api.names.fields[c]).map((column) => ({ column, direction: 'asc' })));
  const [round, setRound] = useState(0);
  const [page, setPage] = useState({ data: undefined, error: null });
  const [editing, setEditing] = useState(null);
  const reload = () => setRound((r) => r + 1);
  useEffect(() => {
    let live = true;
    browse(api, { limit, offset, order }).then((data) => live && setPage({ data: { ...data, offset }, error: null }),
      (error) => live && setPage({ data: undefined, error }));
    return () => { live = false; };
  }, [limit, offset, JSON.stringify(order), round, api.names.select, api.selection]);
  const sort = (column) => {
    const current = order.length === 1 && order[0].column === column ? order[0] : null;
    setOrder([{ column, direction: current && current.direction === 'asc' ? 'desc' : 'asc' }]);
    setOffset(0);
  };
  const data = page.data;
  const size = Number(limit);
  const last = data ? Math.min(data.offset + data.rows.length, data.total) : 0;
  return html`<div data-test="tab-content-browse">
    ${editing && html`<${EditRow} key=${editing.index} api=${api} info=${info} row=${editing.row}
      onDone=${() => { setEditing(null); reload(); }} onCancel=${() => setEditing(null)} />`}
    ${!editable && html`<p className="muted" data-test="browse-no-primary-key">This ${info.kind === 'v' ? 'view' : 'table'} has no primary key:
      its rows can be browsed, not edited or deleted here.</p>`}
    <div className="row data-pager">
      <${Button} testId="browse-prev" disabled=${offset === 0} onClick=${() => setOffset(Math.max(0, offset - size))}>‹ Previous</${Button}>
      <span data-test="browse-range">${data ? (data.total ? `Rows ${data.offset + 1}–${last} of ${data.total}` : 'No rows') : '…'}</span>
      <${Button} testId="browse-next" disabled=${!data || offset + size >= data.total} onClick=${() => setOffset(offset + size)}>Next ›</${Button}>
      <${Select} value=${limit} options=${SIZES.map((s) => ({ value: s, label: s + ' rows' }))} testId="browse-limit"
        onChange=${(v) => { setLimit(v); setOffset(0); }} />
      <${Button} testId="browse-refresh" onClick=${reload}>Refresh</${Button}>
    </div>
    ${page.error && html`<${ErrorText} error=${page.error} testId="browse-error" />`}
    ${data && html`<div className="data-scroll"><table className="data data-browse" data-test="browse-rows">
      <thead><tr>${editable && html`<th></th>`}${api.columns.map((c) => html`<${SortHeader} key=${c.name} column=${c} order=${order} onSort=${sort} />`)}</tr></thead>
      <tbody>${data.rows.map((row, index) => html`<tr key=${editable ? JSON.stringify(keyOf(primaryKey, row)) : index} data-test="browse-row">
        ${editable && html`<td className="data-actions"><${RowActions} index=${index}
          onEdit=${() => setEditing({ index, row })}
          onDelete=${async () => { await deleteRow(api, keyOf(primaryKey, row)); setEditing(null); reload(); }} /></td>`}
        ${api.columns.map((c) => {
          const value = display(row[c.name]);
          return html`<td key=${c.name} data-test=${'cell-' + c.name}>${value === null ? html`<i className="muted">NULL</i>` : value}</td>`;
        })}
      </tr>`)}</tbody>
    </table></div>`}
  </div>`;
}
