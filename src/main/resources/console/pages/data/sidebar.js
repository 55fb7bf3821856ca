// The Data sidebar: the SQL page, then each source (from export_metadata) with its schemas (from the
// database), the open schema unfolded into its tracked tables.
import { html } from '../../html.js';
import { Link, pathOf } from '../../router.js';
import { useLoad } from '../../hooks.js';
import { ErrorText } from '../../ui.js';
import { schemas } from './catalog.js';
import { trackedTables } from './tracked.js';

function SourceTree({ metadata, source, activeSchema, activeTable }) {
  const state = useLoad(() => schemas(source), [source]);
  const list = state.data || [];
  return html`<div className="sidebar-source" data-test=${'sidebar-source-' + source}>
    <div className="sidebar-heading">${source}</div>
    ${state.error && html`<${ErrorText} error=${state.error} testId="sidebar-error" />`}
    ${list.map((schema) => {
      const open = schema === activeSchema;
      const tables = open ? trackedTables(metadata, source, schema) : [];
      return html`<div key=${schema} className="sidebar-schema">
        <${Link} to=${pathOf('data', source, 'schema', schema)} testId=${'sidebar-schema-' + schema}
          className=${open && !activeTable ? 'active' : ''}>${open ? '▾' : '▸'} ${schema}</${Link}>
        ${open && html`<div className="sidebar-tables">
          ${tables.map((t) => html`<${Link} key=${t.name} to=${pathOf('data', source, 'schema', schema, 'tables', t.name, 'browse')}
            testId=${'sidebar-table-' + t.name} className=${t.name === activeTable ? 'active' : ''}>${t.name}</${Link}>`)}
          ${!tables.length && html`<span className="muted sidebar-empty">no tracked tables</span>`}
        </div>`}
      </div>`;
    })}
  </div>`;
}

export default function Sidebar({ metadata, segs }) {
  const [, source, , schema, , table] = segs;
  return html`<aside className="sidebar data-sidebar" data-test="data-sidebar">
    <${Link} to="/data/sql" testId="sidebar-sql" className=${source === 'sql' ? 'active' : ''}>SQL</${Link}>
    ${(metadata.sources || []).map((s) => html`<${SourceTree} key=${s.name} metadata=${metadata} source=${s.name}
      activeSchema=${s.name === source ? schema : null} activeTable=${s.name === source ? table : null} />`)}
  </aside>`;
}
