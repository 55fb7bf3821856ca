// TODO(issue 19): the table's permissions tab is being built.
import { html } from '../../html.js';

export default function PermissionsTab({ source, schema, table }) {
  return html`<div data-test="tab-content-permissions">${source}.${schema}.${table}</div>`;
}
