// Settings: /settings/metadata-actions (export, import = replace_metadata, reload, clear) and
// /settings/metadata-status (the inconsistent objects, reload, drop them), as in Hasura's console.
import { html, useState, useRef } from '../html.js';
import { metadata, exportMetadata } from '../api.js';
import { Link } from '../router.js';
import { useLoad } from '../hooks.js';
import { Button, ActionButton, Checkbox, ErrorText, Card, Loading, Json } from '../ui.js';

const PAGES = [
  { id: 'metadata-actions', label: 'Metadata Actions' },
  { id: 'metadata-status', label: 'Metadata Status' },
];

/** A button that asks before it acts: a second, explicit click runs the action (its error shown beside it). */
function ConfirmButton({ label, question, action, testId, kind = 'danger' }) {
  const [asking, setAsking] = useState(false);
  if (!asking) return html`<${Button} kind=${kind} testId=${testId} onClick=${() => setAsking(true)}>${label}</${Button}>`;
  return html`<span className="confirm" data-test=${testId + '-question'}>
    <span>${question}</span>
    <${ActionButton} kind=${kind} testId=${testId + '-confirm'} action=${async () => { await action(); setAsking(false); }}>Yes, ${label.toLowerCase()}</${ActionButton}>
    <${Button} testId=${testId + '-cancel'} onClick=${() => setAsking(false)}>Cancel</${Button}>
  </span>`;
}

/** What a reload or replace says about consistency, for the status line. */
function consistencyNote(answer) {
  const count = answer && answer.inconsistent_objects ? answer.inconsistent_objects.length : 0;
  return count ? `; ${count} inconsistent object${count === 1 ? '' : 's'} (see Metadata Status)` : '';
}

/** The objects a refused replace_metadata would have left inconsistent (the error's internal list). */
function Reasons({ error, testId }) {
  const objects = error && Array.isArray(error.internal) ? error.internal : [];
  if (!objects.length) return null;
  return html`<ul className="reasons" data-test=${testId}>
    ${objects.map((o, i) => html`<li key=${i}><b>${o.type}</b> ${objectName(o)}: ${o.reason}</li>`)}
  </ul>`;
}

function download(document_, name) {
  const blob = new Blob([JSON.stringify(document_, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function MetadataActions() {
  const [status, setStatus] = useState(null);
  const [reloadRemotes, setReloadRemotes] = useState(false);
  const [allowInconsistent, setAllowInconsistent] = useState(false);
  const [importError, setImportError] = useState(null);
  const file = useRef(null);

  const exportNow = async () => {
    const doc = await exportMetadata();
    download(doc, `hasura_metadata_${Date.now()}.json`);
    setStatus('Metadata exported');
  };
  const importFile = async (chosen) => {
    setImportError(null);
    setStatus(null);
    if (!chosen) return;
    let doc;
    try {
      doc = JSON.parse(await chosen.text());
    } catch (e) {
      setImportError({ message: `${chosen.name} is not valid JSON: ${e.message}` });
      return;
    }
    try {
      const args = allowInconsistent ? { allow_inconsistent_metadata: true, metadata: doc } : doc;
      const answer = await metadata('replace_metadata', args);
      setStatus(`Metadata replaced from ${chosen.name}${consistencyNote(answer)}`);
    } catch (e) {
      setImportError(e);
    } finally {
      if (file.current) file.current.value = '';
    }
  };
  const reload = async () => {
    const answer = await metadata('reload_metadata', reloadRemotes ? { reload_remote_schemas: true } : {});
    setStatus(`Metadata reloaded${reloadRemotes ? ' with the remote schemas' : ''}${consistencyNote(answer)}`);
  };
  const clear = async () => {
    await metadata('clear_metadata', {});
    setStatus('Metadata cleared');
  };

  return html`<div data-test="metadata-actions">
    ${status && html`<div className="notice" data-test="settings-status">${status}</div>`}
    <${Card} title="Export metadata" testId="export-card">
      <p className="muted">Downloads the metadata (export_metadata) as a JSON file, the document replace_metadata takes back.</p>
      <${ActionButton} kind="primary" testId="export-metadata" action=${exportNow}>Export metadata</${ActionButton}>
    </${Card}>
    <${Card} title="Import metadata" testId="import-card">
      <p className="muted">Replaces all the metadata with a JSON file exported before (replace_metadata).</p>
      <div className="row">
        <input type="file" accept=".json,application/json" ref=${file} data-test="import-metadata-file"
          onChange=${(e) => importFile(e.target.files[0])} />
        <${Checkbox} checked=${allowInconsistent} onChange=${setAllowInconsistent} testId="import-allow-inconsistent"
          label="Allow inconsistent metadata" />
      </div>
      <${ErrorText} error=${importError} testId="import-error" />
      <${Reasons} error=${importError} testId="import-error-reasons" />
    </${Card}>
    <${Card} title="Reload metadata" testId="reload-card">
      <p className="muted">Reads the databases again (reload_metadata), e.g. after a change made outside the console.</p>
      <div className="row">
        <${ActionButton} testId="reload-metadata" action=${reload}>Reload</${ActionButton}>
        <${Checkbox} checked=${reloadRemotes} onChange=${setReloadRemotes} testId="reload-remote-schemas"
          label="Reload all remote schemas" />
      </div>
    </${Card}>
    <${Card} title="Clear metadata" testId="clear-card">
      <p className="muted">Removes everything: tables, relationships, permissions, remote schemas (clear_metadata). Export first to keep a copy.</p>
      <${ConfirmButton} label="Clear" question="Clear all the metadata?" testId="clear-metadata" action=${clear} />
    </${Card}>
  </div>`;
}

function objectName(object) {
  if (object.name) return object.name.replace(new RegExp('^' + object.type + ' '), '');
  const d = object.definition || {};
  return d.name || (d.table && (d.table.name || d.table)) || '';
}

function MetadataStatus() {
  const state = useLoad(() => metadata('get_inconsistent_metadata', {}));
  const [status, setStatus] = useState(null);
  const reload = async () => {
    const answer = await metadata('reload_metadata', { reload_remote_schemas: true });
    setStatus(`Metadata reloaded${consistencyNote(answer)}`);
  };
  const drop = async () => {
    await metadata('drop_inconsistent_metadata', {});
    setStatus('Inconsistent objects dropped');
  };
  return html`<div data-test="metadata-status">
    ${status && html`<div className="notice" data-test="settings-status">${status}</div>`}
    <${Loading} state=${state}>${(answer) => {
      const objects = answer.inconsistent_objects || [];
      if (!objects.length) {
        return html`<${Card} title="Metadata status" testId="status-card">
          <p data-test="metadata-consistent">✓ The metadata is consistent with the databases and remote schemas.</p>
          <${ActionButton} testId="status-reload" action=${reload}>Reload metadata</${ActionButton}>
        </${Card}>`;
      }
      return html`<${Card} title="Inconsistent objects" testId="status-card" actions=${html`<div className="row">
          <${ActionButton} testId="status-reload" action=${reload}>Reload metadata</${ActionButton}>
          <${ConfirmButton} label="Delete all" question="Drop all inconsistent objects from the metadata?"
            testId="drop-inconsistent" action=${drop} />
        </div>`}>
        <p className="muted">The server runs without these objects until they are fixed (and the metadata reloaded) or dropped.</p>
        <table className="data" data-test="inconsistent-objects">
          <thead><tr><th>Name</th><th>Type</th><th>Reason</th><th>Definition</th></tr></thead>
          <tbody>${objects.map((o, i) => html`<tr key=${i} data-test=${'inconsistent-' + objectName(o)}>
            <td>${objectName(o)}</td><td>${o.type}</td><td className="reason">${o.reason}</td>
            <td><details><summary>show</summary><${Json} value=${o.definition} /></details></td>
          </tr>`)}</tbody>
        </table>
      </${Card}>`;
    }}</${Loading}>
  </div>`;
}

export default function Settings({ segments }) {
  const page = PAGES.find((p) => p.id === segments[1]) || PAGES[0];
  return html`<div className="page settings" data-test="page-settings">
    <aside className="sidebar">
      ${PAGES.map((p) => html`<${Link} key=${p.id} to=${'/settings/' + p.id} testId=${'settings-' + p.id}
        className=${p === page ? 'active' : ''}>${p.label}</${Link}>`)}
    </aside>
    <div className="content">
      <h2>${page.label}</h2>
      ${page.id === 'metadata-status' ? html`<${MetadataStatus} />` : html`<${MetadataActions} key=${page.id} />`}
    </div>
  </div>`;
}
