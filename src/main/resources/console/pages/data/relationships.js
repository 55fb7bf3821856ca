// TODO(issue 19): the table's relationships tab is being built.
import { html } from '../../html.js';

export default function RelationshipsTab({ source, schema, table }) {
  return html`<div data-test="tab-content-relationships">${source}.${schema}.${table}</div>`;
}
