// A remote schema's Details tab: its definition, Reload (reload_remote_schema), Remove
// (remove_remote_schema, confirmed; a refusal because of dependents is shown), and its schema as SDL
// (introspect_remote_schema, printed here).
import { html, useState } from '../../html.js';
import { metadata } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { navigate } from '../../router.js';
import { ActionButton, Button, Card, Checkbox, ErrorText, Json, Loading } from '../../ui.js';
import { printSdl } from './sdl.js';

function Definition({ remote }) {
  const d = remote.definition || {};
  const headers = d.headers || [];
  const rows = [
    ['GraphQL server URL', d.url_from_env !== undefined
      ? html`<span>from the environment variable <code>${d.url_from_env}</code></span>` : html`<code>${d.url}</code>`],
    ['Headers', headers.length
      ? html`<ul className="rs-list">${headers.map((h) => html`<li key=${h.name}><code>${h.name}</code>: ${h.value_from_env !== undefined
        ? html`<span className="muted">from env </span><code>${h.value_from_env}</code>` : html`<code>${h.value}</code>`}</li>`)}</ul>`
      : html`<span className="muted">none</span>`],
    ['Forward client headers', d.forward_client_headers ? 'yes' : 'no'],
    ['Timeout', `${d.timeout_seconds ?? 60} s`],
    ['Customization', d.customization ? html`<${Json} value=${d.customization} />` : html`<span className="muted">none</span>`],
    ['Permissions', (remote.permissions || []).map((p) => p.role).join(', ') || html`<span className="muted">none</span>`],
    ['Comment', remote.comment || html`<span className="muted">none</span>`],
  ];
  return html`<dl className="rs-def" data-test="remote-schema-definition">
    ${rows.map(([label, value]) => html`<dt key=${'t' + label}>${label}</dt><dd key=${'d' + label}>${value}</dd>`)}
  </dl>`;
}

function Remove({ name }) {
  const [asking, setAsking] = useState(false);
  if (!asking) return html`<${Button} kind="danger" testId="remote-schema-remove" onClick=${() => setAsking(true)}>Remove</${Button}>`;
  return html`<div className="rs-confirm" data-test="remote-schema-remove-confirmation">
    <span>Remove the remote schema <strong>${name}</strong> and its permissions?</span>
    <${ActionButton} kind="danger" testId="remote-schema-remove-confirm" action=${async () => {
      await metadata('remove_remote_schema', { name });
      navigate('/remote-schemas/manage/schemas');
    }}>Yes, remove</${ActionButton}>
    <${Button} testId="remote-schema-remove-cancel" onClick=${() => setAsking(false)}>Cancel</${Button}>
  </div>`;
}

function Sdl({ name }) {
  const state = useLoad(() => metadata('introspect_remote_schema', { name }), [name]);
  const [descriptions, setDescriptions] = useState(false);
  return html`<${Card} title="Schema" testId="remote-schema-schema"
    actions=${html`<${Checkbox} checked=${descriptions} onChange=${setDescriptions} label="Descriptions"
      testId="remote-schema-sdl-descriptions" />`}>
    ${state.error
      ? html`<${ErrorText} error=${state.error} testId="remote-schema-sdl-error" />`
      : html`<${Loading} state=${state}>${(answer) => html`<pre className="rs-sdl" data-test="remote-schema-sdl">${printSdl(answer, { descriptions })}</pre>`}</${Loading}>`}
  </${Card}>`;
}

export function RemoteSchemaDetails({ remote }) {
  const [reloaded, setReloaded] = useState(false);
  return html`<div data-test="remote-schema-details">
    <${Card} title="Definition" actions=${html`<div className="row">
        <${ActionButton} testId="remote-schema-reload" action=${async () => {
          setReloaded(false);
          await metadata('reload_remote_schema', { name: remote.name });
          setReloaded(true);
        }}>Reload</${ActionButton}>
        ${reloaded && html`<span className="rs-ok" data-test="remote-schema-reloaded">Reloaded.</span>`}
        <${Remove} name=${remote.name} />
      </div>`}>
      <${Definition} remote=${remote} />
    </${Card}>
    <${Sdl} name=${remote.name} />
  </div>`;
}
