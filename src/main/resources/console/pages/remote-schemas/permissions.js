import { html } from '../../html.js';

export function RemoteSchemaPermissions({ remote }) {
  return html`<div data-test="remote-schema-permissions">${remote.name}</div>`;
}
