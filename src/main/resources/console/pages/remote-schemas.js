// TODO(issue 19): this section is being built; the shell loads it.
import { html } from '../html.js';

export default function Page({ path }) {
  return html`<div className="page" data-test="page-remote-schemas"><h2>remote-schemas</h2><p className="muted">${path}</p></div>`;
}
