// The inputs of a row, one per column, typed by the column's Postgres type, for the insert tab and
// for editing a row of the browse tab. A nullable column has a NULL box; the form's state is
// {text: {column: string}, nulls: {column: boolean}}.
import { html } from '../../html.js';
import { Checkbox, Select, TextInput } from '../../ui.js';
import { fromText, inputKind, toText } from './values.js';

function ColumnInput({ column, text, onText, disabled, placeholder }) {
  const kind = inputKind(column);
  const testId = 'input-' + column.name;
  if (disabled) return html`<input className="input" disabled value="" placeholder=${placeholder} data-test=${testId} />`;
  if (kind === 'boolean') return html`<${Select} value=${text} onChange=${onText} testId=${testId}
    placeholder=${placeholder} options=${['true', 'false']} />`;
  if (kind === 'json' || kind === 'array') return html`<${TextInput} multiline rows=${2} value=${text} onChange=${onText}
    testId=${testId} placeholder=${placeholder} />`;
  return html`<${TextInput} value=${text} onChange=${onText} testId=${testId} placeholder=${placeholder} />`;
}

/** What an empty input means: the default (insert) or no change (edit). */
function placeholderOf(column, mode) {
  if (column.generated) return 'generated';
  if (mode === 'edit') return column.type;
  if (column.identity) return 'identity (default)';
  if (column.default !== null && column.default !== undefined) return 'default: ' + column.default;
  return column.nullable ? column.type + ' (default: null)' : column.type;
}

export function RowForm({ columns, state, onChange, mode, primaryKey = [] }) {
  const setText = (name, value) => onChange({ ...state, text: { ...state.text, [name]: value } });
  const setNull = (name, value) => onChange({ ...state, nulls: { ...state.nulls, [name]: value } });
  return html`<table className="data-row-form" data-test="row-form"><tbody>
    ${columns.map((column) => {
      const isNull = !!state.nulls[column.name];
      return html`<tr key=${column.name}>
        <th><label>${column.name}</label>
          ${primaryKey.includes(column.name) && html` <span className="data-badge" title="primary key">PK</span>`}
          <div className="muted data-type">${column.type}</div></th>
        <td><${ColumnInput} column=${column} text=${state.text[column.name] ?? ''} onText=${(v) => setText(column.name, v)}
          disabled=${column.generated || isNull} placeholder=${isNull ? 'NULL' : placeholderOf(column, mode)} /></td>
        <td>${column.nullable && !column.generated && html`<${Checkbox} checked=${isNull} label="NULL"
          onChange=${(v) => setNull(column.name, v)} testId=${'null-' + column.name} />`}</td>
      </tr>`;
    })}
  </tbody></table>`;
}

/**
 * The row's values from the form: NULL boxes as null; an empty input left out for insert (the
 * column's default applies), and for edit only inputs that differ from `original`.
 */
export function formValues(columns, state, mode, original = {}) {
  const values = {};
  for (const column of columns) {
    if (column.generated) continue;
    const text = state.text[column.name] ?? '';
    if (state.nulls[column.name]) {
      if (mode === 'insert' || original.nulls[column.name] !== true) values[column.name] = null;
      continue;
    }
    if (mode === 'insert' && text === '') continue;
    if (mode === 'edit' && !original.nulls[column.name] && text === original.text[column.name]) continue;
    if (mode === 'edit' && text === '' && inputKind(column) !== 'text') continue;
    values[column.name] = fromText(column, text);
  }
  return values;
}

/** The form state of an existing row. */
export function formState(columns, row) {
  const text = {};
  const nulls = {};
  for (const column of columns) {
    const value = row[column.name];
    nulls[column.name] = value === null;
    text[column.name] = toText(value);
  }
  return { text, nulls };
}
