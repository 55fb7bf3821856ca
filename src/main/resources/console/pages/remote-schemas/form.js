// The add / modify form of a remote schema, as Hasura's console has it: name, URL or env var, headers,
// forward client headers, timeout, customization, comment; a live preview of the metadata call; the
// server's error shown next to the field it concerns (else at the top).
import { html, useState } from '../../html.js';
import { metadata } from '../../api.js';
import { navigate, pathOf } from '../../router.js';
import { Button, TextInput, Checkbox, Select, Field, ErrorText, Json, Card } from '../../ui.js';
import { argsOf, fieldOfError } from './definition.js';

/** Editable key → value rows ({from, to}); testId-from-i, testId-to-i, testId-remove-i, testId-add. */
function MappingRows({ rows, onChange, testId, fromLabel, toLabel }) {
  const set = (i, key, value) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return html`<div className="rs-rows">
    ${rows.map((r, i) => html`<div className="row" key=${i}>
      <${TextInput} value=${r.from} onChange=${(v) => set(i, 'from', v)} placeholder=${fromLabel} testId=${`${testId}-from-${i}`} />
      <span className="muted">→</span>
      <${TextInput} value=${r.to} onChange=${(v) => set(i, 'to', v)} placeholder=${toLabel} testId=${`${testId}-to-${i}`} />
      <${Button} kind="danger" testId=${`${testId}-remove-${i}`} title="Remove"
        onClick=${() => onChange(rows.filter((_, j) => j !== i))}>✕</${Button}>
    </div>`)}
    <div><${Button} testId=${`${testId}-add`} onClick=${() => onChange([...rows, { from: '', to: '' }])}>+ Add mapping</${Button}></div>
  </div>`;
}

function Headers({ headers, onChange }) {
  const set = (i, key, value) => onChange(headers.map((h, j) => (j === i ? { ...h, [key]: value } : h)));
  return html`<div className="rs-rows">
    ${headers.map((h, i) => html`<div className="row" key=${i}>
      <${TextInput} value=${h.name} onChange=${(v) => set(i, 'name', v)} placeholder="Header name" testId=${'remote-schema-header-name-' + i} />
      <${Select} value=${h.mode} onChange=${(v) => set(i, 'mode', v)} testId=${'remote-schema-header-mode-' + i}
        options=${[{ value: 'value', label: 'Value' }, { value: 'env', label: 'From env var' }]} />
      <${TextInput} value=${h.value} onChange=${(v) => set(i, 'value', v)} testId=${'remote-schema-header-value-' + i}
        placeholder=${h.mode === 'env' ? 'ENV_VAR_NAME' : 'Header value'} />
      <${Button} kind="danger" testId=${'remote-schema-header-remove-' + i} title="Remove header"
        onClick=${() => onChange(headers.filter((_, j) => j !== i))}>✕</${Button}>
    </div>`)}
    <div><${Button} testId="remote-schema-header-add"
      onClick=${() => onChange([...headers, { name: '', mode: 'value', value: '' }])}>+ Add header</${Button}></div>
  </div>`;
}

function FieldNames({ entries, onChange }) {
  const set = (i, key, value) => onChange(entries.map((f, j) => (j === i ? { ...f, [key]: value } : f)));
  return html`<div className="rs-rows">
    ${entries.map((f, i) => html`<div className="rs-field-names" key=${i}>
      <div className="row">
        <${TextInput} value=${f.parentType} onChange=${(v) => set(i, 'parentType', v)} placeholder="Parent type (e.g. User)"
          testId=${'remote-schema-field-parent-' + i} />
        <${TextInput} value=${f.prefix} onChange=${(v) => set(i, 'prefix', v)} placeholder="Field prefix" testId=${'remote-schema-field-prefix-' + i} />
        <${TextInput} value=${f.suffix} onChange=${(v) => set(i, 'suffix', v)} placeholder="Field suffix" testId=${'remote-schema-field-suffix-' + i} />
        <${Button} kind="danger" testId=${'remote-schema-field-remove-' + i} title="Remove"
          onClick=${() => onChange(entries.filter((_, j) => j !== i))}>✕</${Button}>
      </div>
      <${MappingRows} rows=${f.mapping} onChange=${(v) => set(i, 'mapping', v)} testId=${'remote-schema-field-mapping-' + i}
        fromLabel="Field" toLabel="New name" />
    </div>`)}
    <div><${Button} testId="remote-schema-field-add"
      onClick=${() => onChange([...entries, { parentType: '', prefix: '', suffix: '', mapping: [] }])}>+ Add field names for a type</${Button}></div>
  </div>`;
}

/** mode 'add' sends add_remote_schema then opens the new schema; 'modify' sends update_remote_schema. */
export function RemoteSchemaForm({ initial, mode, onSaved }) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (key) => (value) => { setForm((f) => ({ ...f, [key]: value })); setSaved(false); };
  const type = mode === 'add' ? 'add_remote_schema' : 'update_remote_schema';
  const call = { type, args: argsOf(form) };
  const at = error ? fieldOfError(error, form) : null;
  const errorAt = (field) => (at === field ? error : null);
  const fieldError = (field) => errorAt(field) && html`<${ErrorText} error=${error} testId=${'remote-schema-' + field + '-error'} />`;

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await metadata(type, call.args);
      setSaved(true);
      if (mode === 'add') navigate(pathOf('remote-schemas', 'manage', call.args.name, 'details'));
      else if (onSaved) onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return html`<form className="rs-form" onSubmit=${submit} data-test="remote-schema-form">
    <div className="rs-form-fields">
      ${error && at === null && html`<${ErrorText} error=${error} testId="remote-schema-form-error" />`}
      <${Card} title="Remote schema">
        <div className="field">
          <label className="field-label">Remote schema name</label>
          ${mode === 'add'
            ? html`<${TextInput} value=${form.name} onChange=${set('name')} placeholder="users-api" testId="remote-schema-name" />`
            : html`<input className="input" value=${form.name} disabled data-test="remote-schema-name" />`}
          ${fieldError('name')}
        </div>
        <div className="field">
          <label className="field-label">GraphQL server URL</label>
          <div className="row">
            <${Select} value=${form.urlMode} onChange=${set('urlMode')} testId="remote-schema-url-mode"
              options=${[{ value: 'url', label: 'URL' }, { value: 'env', label: 'From env var' }]} />
            ${form.urlMode === 'url'
              ? html`<span className="rs-grow"><${TextInput} value=${form.url} onChange=${set('url')}
                  placeholder="https://myservice.com/graphql" testId="remote-schema-url" /></span>`
              : html`<span className="rs-grow"><${TextInput} value=${form.urlFromEnv} onChange=${set('urlFromEnv')}
                  placeholder="MY_GRAPHQL_ENDPOINT" testId="remote-schema-url-from-env" /></span>`}
          </div>
          <div className="hint">${form.urlMode === 'url'
            ? html`The URL may use <code>{{ENV_VAR}}</code> templates, resolved on the server.`
            : 'The name of an environment variable of the server that holds the URL (url_from_env).'}</div>
          ${fieldError('url')}
        </div>
        <div className="field">
          <label className="field-label">Additional headers</label>
          <div className="hint">Sent with every request to the remote server.</div>
          <${Headers} headers=${form.headers} onChange=${set('headers')} />
          ${fieldError('headers')}
        </div>
        <div className="field">
          <${Checkbox} checked=${form.forward} onChange=${set('forward')} testId="remote-schema-forward-headers"
            label="Forward all headers from the client" />
          ${fieldError('forward')}
        </div>
        <div className="field">
          <label className="field-label">Timeout (seconds)</label>
          <${TextInput} value=${form.timeout} onChange=${set('timeout')} placeholder="60" testId="remote-schema-timeout" />
          ${fieldError('timeout')}
        </div>
      </${Card}>
      <${Card} title="Customization">
        <div className="field">
          <label className="field-label">Root fields namespace</label>
          <${TextInput} value=${form.namespace} onChange=${set('namespace')} placeholder="usersApi" testId="remote-schema-namespace" />
          <div className="hint">The remote's root fields are put under this one field.</div>
        </div>
        <div className="field">
          <label className="field-label">Type names</label>
          <div className="row">
            <${TextInput} value=${form.typePrefix} onChange=${set('typePrefix')} placeholder="Prefix" testId="remote-schema-type-prefix" />
            <${TextInput} value=${form.typeSuffix} onChange=${set('typeSuffix')} placeholder="Suffix" testId="remote-schema-type-suffix" />
          </div>
          <${MappingRows} rows=${form.typeMapping} onChange=${set('typeMapping')} testId="remote-schema-type-mapping"
            fromLabel="Type" toLabel="New name" />
        </div>
        <div className="field">
          <label className="field-label">Field names</label>
          <${FieldNames} entries=${form.fieldNames} onChange=${set('fieldNames')} />
        </div>
        ${fieldError('customization')}
      </${Card}>
      <${Card} title="Comment">
        <${TextInput} value=${form.comment} onChange=${set('comment')} placeholder="What this remote schema is for"
          testId="remote-schema-comment" />
        ${fieldError('comment')}
      </${Card}>
      <div className="row">
        <${Button} type="submit" kind="primary" testId="remote-schema-submit" disabled=${busy}>
          ${mode === 'add' ? 'Add remote schema' : 'Save changes'}</${Button}>
        ${busy && html`<span className="muted">${mode === 'add' ? 'Introspecting the remote server…' : 'Saving…'}</span>`}
        ${saved && mode !== 'add' && html`<span className="rs-ok" data-test="remote-schema-saved">Saved.</span>`}
      </div>
    </div>
    <aside className="rs-preview">
      <h3>Metadata call</h3>
      <p className="muted">POST /v1/metadata</p>
      <${Json} value=${call} testId="remote-schema-preview" />
    </aside>
  </form>`;
}
