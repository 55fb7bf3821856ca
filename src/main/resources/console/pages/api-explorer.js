// TODO(issue 19): this section is being built; the shell loads it.
import { html } from '../html.js';

export default function Page({ path }) {
  return html`<div className="page" data-test="page-api-explorer"><h2>api-explorer</h2><p className="muted">${path}</p></div>`;
}
