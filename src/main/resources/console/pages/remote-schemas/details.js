import { html } from '../../html.js';

export function RemoteSchemaDetails({ remote }) {
  return html`<div data-test="remote-schema-details">${remote.name}</div>`;
}
