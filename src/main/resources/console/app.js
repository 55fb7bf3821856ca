// The console's shell: sign-in when the server has an admin secret, the top navigation, the banner of
// inconsistent objects, and one page module per section, loaded when first opened.
import { React, html, useState, useEffect } from './html.js';
import { serverConfig, adminSecret, setAdminSecret, checkAdminAccess, metadata } from './api.js';
import { usePath, navigate, segments, Link } from './router.js';
import { useLoad } from './hooks.js';
import { Button, TextInput, ErrorText } from './ui.js';

/** Sections: the first path segment → the module that renders it. */
const SECTIONS = [
  { id: 'api', label: 'API', home: '/api/api-explorer', load: () => import('./pages/api-explorer.js') },
  { id: 'data', label: 'Data', home: '/data', load: () => import('./pages/data.js') },
  { id: 'remote-schemas', label: 'Remote Schemas', home: '/remote-schemas/manage/schemas', load: () => import('./pages/remote-schemas.js') },
  { id: 'settings', label: 'Settings', home: '/settings/metadata-actions', load: () => import('./pages/settings.js') },
];

function Login({ onLogin, failed }) {
  const [secret, setSecret] = useState('');
  const submit = (event) => {
    event.preventDefault();
    setAdminSecret(secret);
    onLogin();
  };
  return html`<div className="login" data-test="login">
    <form onSubmit=${submit}>
      <h1>Junction</h1>
      <p>This server has an admin secret. Enter it to open the console; it is kept in this tab only.</p>
      <${TextInput} type="password" value=${secret} onChange=${setSecret} placeholder="Admin secret" testId="admin-secret" />
      <${Button} type="submit" kind="primary" testId="login-submit">Enter console</${Button}>
      ${failed && html`<${ErrorText} error=${{ message: 'Invalid admin secret' }} testId="login-error" />`}
    </form>
  </div>`;
}

/** Shown on every page while the server reports inconsistent objects (checked after each change, not polled). */
function InconsistencyBanner() {
  const state = useLoad(() => metadata('get_inconsistent_metadata', {}));
  const objects = state.data && state.data.inconsistent_objects || [];
  if (!objects.length) return null;
  return html`<div className="banner" data-test="inconsistency-banner">
    ${objects.length} inconsistent object${objects.length === 1 ? '' : 's'} in the metadata.
    <${Link} to="/settings/metadata-status" testId="inconsistency-banner-link">See them</${Link}>
  </div>`;
}

function Section({ section, path }) {
  const [module, setModule] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    setModule(null);
    section.load().then(setModule, setError);
  }, [section.id]);
  if (error) return html`<${ErrorText} error=${error} />`;
  if (!module) return html`<p className="muted">Loading…</p>`;
  return html`<${module.default} path=${path} segments=${segments(path)} />`;
}

function Shell() {
  const path = usePath();
  const first = segments(path)[0];
  const section = SECTIONS.find((s) => s.id === first);
  useEffect(() => {
    if (!section) navigate(SECTIONS[0].home, { replace: true });
  }, [section]);
  return html`<div className="shell">
    <header className="top">
      <${Link} to="/api/api-explorer" className="brand" testId="brand">Junction</${Link}>
      <nav>${SECTIONS.map((s) => html`<${Link} key=${s.id} to=${s.home} testId=${'nav-' + s.id}
        className=${s === section ? 'nav active' : 'nav'}>${s.label}</${Link}>`)}</nav>
      <span className="version">${serverConfig.version}</span>
      ${serverConfig.adminSecretSet && html`<${Button} kind="link" testId="logout"
        onClick=${() => { setAdminSecret(null); window.location.reload(); }}>Sign out</${Button}>`}
    </header>
    <${InconsistencyBanner} />
    <main>${section && html`<${Section} key=${section.id} section=${section} path=${path} />`}</main>
  </div>`;
}

function App() {
  const [access, setAccess] = useState('checking');
  const [failed, setFailed] = useState(false);
  const check = () => checkAdminAccess().then(
    (ok) => { setFailed(!ok && !!adminSecret()); setAccess(ok ? 'granted' : 'login'); },
    (e) => { setAccess('error'); console.error(e); });
  useEffect(() => { check(); }, []);
  if (access === 'checking') return html`<p className="boot">Connecting…</p>`;
  if (access === 'error') return html`<p className="boot error">The server did not answer. Reload to try again.</p>`;
  if (access === 'login') return html`<${Login} failed=${failed} onLogin=${() => { setAccess('checking'); check(); }} />`;
  return html`<${Shell} />`;
}

ReactDOM.createRoot(document.getElementById('root')).render(html`<${App} />`);
