// Path routing under /console with the History API; the server answers the page for every /console/... path.
import { html, useState, useEffect } from './html.js';

export const BASE = '/console';
const listeners = new Set();

export function currentPath() {
  const path = window.location.pathname;
  return path.startsWith(BASE) ? path.slice(BASE.length) || '/' : '/';
}

export function navigate(path, { replace = false } = {}) {
  const url = BASE + path;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((listener) => listener(currentPath()));
}

window.addEventListener('popstate', () => listeners.forEach((listener) => listener(currentPath())));

/** The current console path (without /console), re-rendering on navigation. */
export function usePath() {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    listeners.add(setPath);
    return () => listeners.delete(setPath);
  }, []);
  return path;
}

/** Path segments, decoded: '/data/default/schema/public' → ['data', 'default', 'schema', 'public']. */
export function segments(path) {
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

/** Builds a console path from segments, each encoded. */
export function pathOf(...parts) {
  return '/' + parts.map((part) => encodeURIComponent(part)).join('/');
}

export function Link({ to, children, className, testId }) {
  const onClick = (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return html`<a href=${BASE + to} onClick=${onClick} className=${className} data-test=${testId}>${children}</a>`;
}
