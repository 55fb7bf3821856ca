// The remote schema's fields as a tree (from introspect_remote_schema), to pick the remote_field path of
// a remote relationship: the root Query fields, and under a picked field its arguments and, when it
// returns an object, that object's fields (a nested path). Each argument is fed "from column" (a column
// of the table, sent as "$column") or a "static value" (an input typed by the argument's GraphQL type).
import { html } from '../../html.js';
import { Select, TextInput } from '../../ui.js';

/** The named type under NON_NULL / LIST wrappers, and the type as GraphQL writes it (`[Int!]!`). */
function unwrap(ref) {
  let named = ref;
  while (named.ofType) named = named.ofType;
  return named;
}

function typeText(ref) {
  if (ref.kind === 'NON_NULL') return typeText(ref.ofType) + '!';
  if (ref.kind === 'LIST') return '[' + typeText(ref.ofType) + ']';
  return ref.name;
}

/** The typed input of a static value; returns the value as the metadata call sends it. */
function StaticValue({ argument, types, value, onChange, testId }) {
  const named = unwrap(argument.type);
  const isList = typeText(argument.type).includes('[');
  const type = types[named.name] || named;
  if (!isList && (named.name === 'Int' || named.name === 'Float')) {
    return html`<${TextInput} type="number" testId=${testId} value=${value === undefined ? '' : String(value)}
      onChange=${(v) => onChange(v === '' ? undefined : (named.name === 'Int' ? parseInt(v, 10) : parseFloat(v)))} />`;
  }
  if (!isList && named.name === 'Boolean') {
    return html`<${Select} testId=${testId} value=${value === undefined ? '' : String(value)} placeholder="—"
      options=${['true', 'false']} onChange=${(v) => onChange(v === '' ? undefined : v === 'true')} />`;
  }
  if (!isList && type.kind === 'ENUM') {
    return html`<${Select} testId=${testId} value=${value ?? ''} placeholder="—"
      options=${(type.enumValues || []).map((e) => e.name)} onChange=${(v) => onChange(v === '' ? undefined : v)} />`;
  }
  if (isList || type.kind === 'INPUT_OBJECT') {
    const text = value === undefined ? '' : (typeof value === 'string' ? value : JSON.stringify(value));
    return html`<${TextInput} testId=${testId} value=${text} placeholder=${'JSON, e.g. ' + (isList ? '[1]' : '{"field": "$column"}')}
      onChange=${(v) => { try { onChange(v === '' ? undefined : JSON.parse(v)); } catch (e) { onChange(v); } }} />`;
  }
  return html`<${TextInput} testId=${testId} value=${value ?? ''} onChange=${(v) => onChange(v === '' ? undefined : v)} />`;
}

function ArgumentRow({ argument, argKey: key, value, columns, types, onChange }) {
  const a = value || {};
  const set = (change) => onChange({ ...a, ...change });
  return html`<div className="rel-arg" data-test=${'remote-arg-' + key}>
    <code className="rel-arg-name">${argument.name}: ${typeText(argument.type)}</code>
    <${Select} testId=${'remote-arg-mode-' + key} value=${a.mode || ''} placeholder="not set"
      options=${[{ value: 'column', label: 'From column' }, { value: 'static', label: 'Static value' }]}
      onChange=${(mode) => set({ mode })} />
    ${a.mode === 'column' && html`<${Select} testId=${'remote-arg-column-' + key} value=${a.column || ''} placeholder="column…"
      options=${columns.map((c) => ({ value: c.name, label: c.name + ' (' + c.type + ')' }))} onChange=${(column) => set({ column })} />`}
    ${a.mode === 'static' && html`<${StaticValue} argument=${argument} types=${types} value=${a.value}
      testId=${'remote-arg-value-' + key} onChange=${(v) => set({ value: v })} />`}
  </div>`;
}

function Fields({ type, depth, prefix, selection, onChange, columns, types }) {
  const fields = (type.fields || []).filter((f) => !f.name.startsWith('__'));
  return html`<ul className="rel-tree">
    ${fields.map((f) => {
      const key = prefix ? prefix + '.' + f.name : f.name;
      const picked = selection[depth] && selection[depth].field === f.name;
      const pick = () => onChange(picked ? selection.slice(0, depth) : [...selection.slice(0, depth), { field: f.name, args: {} }]);
      const child = types[unwrap(f.type).name];
      const setArg = (name, value) => {
        const next = selection.slice();
        next[depth] = { ...next[depth], args: { ...next[depth].args, [name]: value } };
        onChange(next);
      };
      return html`<li key=${f.name} className=${picked ? 'picked' : ''}>
        <label className="rel-field">
          <input type="checkbox" checked=${picked} onChange=${pick} data-test=${'remote-field-' + key} />
          <b>${f.name}</b>${f.args.length ? '(…)' : ''}<span className="muted">: ${typeText(f.type)}</span>
        </label>
        ${picked && f.args.length > 0 && html`<div className="rel-args">
          ${f.args.map((a) => html`<${ArgumentRow} key=${a.name} argument=${a} argKey=${key + '.' + a.name}
            value=${selection[depth].args[a.name]} columns=${columns} types=${types} onChange=${(v) => setArg(a.name, v)} />`)}
        </div>`}
        ${picked && child && (child.kind === 'OBJECT' || child.kind === 'INTERFACE') && html`<${Fields} type=${child}
          depth=${depth + 1} prefix=${key} selection=${selection} onChange=${onChange} columns=${columns} types=${types} />`}
      </li>`;
    })}
  </ul>`;
}

/** introspection: {data: {__schema}}; selection: [{field, args}]; columns: the table's columns. */
export default function RemoteFieldTree({ introspection, selection, onChange, columns }) {
  const schema = introspection.data ? introspection.data.__schema : introspection.__schema;
  const types = {};
  schema.types.forEach((t) => { types[t.name] = t; });
  const query = types[(schema.queryType || { name: 'Query' }).name];
  if (!query) return html`<p className="muted">The remote schema has no query type.</p>`;
  return html`<div className="rel-tree-box" data-test="remote-field-tree">
    <${Fields} type=${query} depth=${0} prefix="" selection=${selection} onChange=${onChange} columns=${columns} types=${types} />
  </div>`;
}
