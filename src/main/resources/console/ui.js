// Small shared components. Every interactive element carries a data-test name: the browser tests use them.
import { html, useState } from './html.js';

export function Button({ onClick, children, kind = 'default', testId, disabled, type = 'button', title }) {
  return html`<button type=${type} className=${'btn btn-' + kind} onClick=${onClick} disabled=${disabled}
    data-test=${testId} title=${title}>${children}</button>`;
}

/** A button that runs an async action once at a time and shows its error beside it. */
export function ActionButton({ action, children, kind, testId, disabled }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<span className="action">
    <${Button} onClick=${run} kind=${kind} testId=${testId} disabled=${busy || disabled}>${children}</${Button}>
    ${error && html`<${ErrorText} error=${error} testId=${testId && testId + '-error'} />`}
  </span>`;
}

export function TextInput({ value, onChange, placeholder, testId, type = 'text', multiline, rows = 4, id }) {
  if (multiline) {
    return html`<textarea id=${id} className="input" value=${value ?? ''} rows=${rows} placeholder=${placeholder}
      data-test=${testId} spellCheck="false" onChange=${(e) => onChange(e.target.value)} />`;
  }
  return html`<input id=${id} className="input" type=${type} value=${value ?? ''} placeholder=${placeholder}
    data-test=${testId} onChange=${(e) => onChange(e.target.value)} />`;
}

export function Checkbox({ checked, onChange, label, testId }) {
  return html`<label className="checkbox"><input type="checkbox" checked=${!!checked} data-test=${testId}
    onChange=${(e) => onChange(e.target.checked)} /> ${label}</label>`;
}

/** options: [{value, label}] or strings. */
export function Select({ value, onChange, options, testId, placeholder }) {
  return html`<select className="input" value=${value ?? ''} data-test=${testId} onChange=${(e) => onChange(e.target.value)}>
    ${placeholder !== undefined && html`<option value="">${placeholder}</option>`}
    ${options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o))
      .map((o) => html`<option key=${o.value} value=${o.value}>${o.label}</option>`)}
  </select>`;
}

export function Field({ label, children, hint, error }) {
  return html`<div className="field">
    <label className="field-label">${label}</label>
    ${children}
    ${hint && html`<div className="hint">${hint}</div>`}
    ${error && html`<${ErrorText} error=${error} />`}
  </div>`;
}

/** An API error as the server said it: its message, code and path. */
export function ErrorText({ error, testId = 'error' }) {
  if (!error) return null;
  const message = error.message || String(error);
  return html`<div className="error" data-test=${testId} role="alert">
    ${message}${error.code && html` <span className="code">(${error.code}${error.path ? ' at ' + error.path : ''})</span>`}
  </div>`;
}

export function Tabs({ tabs, active, onSelect }) {
  return html`<nav className="tabs">
    ${tabs.map((t) => html`<a key=${t.id} href=${t.href} data-test=${'tab-' + t.id}
      className=${t.id === active ? 'tab active' : 'tab'}
      onClick=${(e) => { e.preventDefault(); onSelect(t.id); }}>${t.label}</a>`)}
  </nav>`;
}

/** rows: arrays of cells; header: array of strings. */
export function DataTable({ header, rows, testId, empty = 'Nothing here yet.' }) {
  if (!rows.length) return html`<p className="muted" data-test=${testId && testId + '-empty'}>${empty}</p>`;
  return html`<table className="data" data-test=${testId}>
    <thead><tr>${header.map((h, i) => html`<th key=${i}>${h}</th>`)}</tr></thead>
    <tbody>${rows.map((row, r) => html`<tr key=${r}>${row.map((cell, c) => html`<td key=${c}>${cell}</td>`)}</tr>`)}</tbody>
  </table>`;
}

export function Json({ value, testId }) {
  return html`<pre className="json" data-test=${testId}>${JSON.stringify(value, null, 2)}</pre>`;
}

export function Card({ title, children, actions, testId }) {
  return html`<section className="card" data-test=${testId}>
    ${(title || actions) && html`<header className="card-head"><h3>${title}</h3><div>${actions}</div></header>`}
    ${children}
  </section>`;
}

/** Loads once per `deps` and renders children(data), a spinner, or the error. */
export function Loading({ state, children }) {
  if (state.error) return html`<${ErrorText} error=${state.error} />`;
  if (state.data === undefined) return html`<p className="muted">Loading…</p>`;
  return children(state.data);
}
