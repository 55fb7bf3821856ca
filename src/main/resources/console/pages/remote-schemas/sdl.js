// A tiny SDL printer for an introspection result ({data: {__schema}} or {__schema}): the remote schema
// as its SDL, to read on the details tab and to start a role's permission from.

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const BUILT_IN_DIRECTIVES = new Set(['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf', 'defer', 'stream']);

function typeRef(ref) {
  if (ref.kind === 'NON_NULL') return typeRef(ref.ofType) + '!';
  if (ref.kind === 'LIST') return '[' + typeRef(ref.ofType) + ']';
  return ref.name;
}

function description(text, indent, withDescriptions) {
  if (!withDescriptions || !text) return '';
  if (!text.includes('\n') && !text.includes('"')) return `${indent}"${text}"\n`;
  return `${indent}"""\n${text.split('\n').map((line) => indent + line.replace(/"""/g, '\\"""')).join('\n')}\n${indent}"""\n`;
}

function deprecated(item) {
  if (!item.isDeprecated) return '';
  const reason = item.deprecationReason;
  return reason && reason !== 'No longer supported' ? ` @deprecated(reason: ${JSON.stringify(reason)})` : ' @deprecated';
}

function inputValue(arg) {
  return `${arg.name}: ${typeRef(arg.type)}${arg.defaultValue != null ? ' = ' + arg.defaultValue : ''}`;
}

function args(list) {
  return list && list.length ? '(' + list.map(inputValue).join(', ') + ')' : '';
}

function typeDefinition(type, withDescriptions) {
  const head = description(type.description, '', withDescriptions);
  switch (type.kind) {
    case 'SCALAR':
      return `${head}scalar ${type.name}`;
    case 'OBJECT':
    case 'INTERFACE': {
      const keyword = type.kind === 'OBJECT' ? 'type' : 'interface';
      const interfaces = (type.interfaces || []).map((i) => i.name);
      const fields = (type.fields || []).map((f) => description(f.description, '  ', withDescriptions)
        + `  ${f.name}${args(f.args)}: ${typeRef(f.type)}${deprecated(f)}`);
      return `${head}${keyword} ${type.name}${interfaces.length ? ' implements ' + interfaces.join(' & ') : ''} {\n${fields.join('\n')}\n}`;
    }
    case 'UNION':
      return `${head}union ${type.name} = ${(type.possibleTypes || []).map((t) => t.name).join(' | ')}`;
    case 'ENUM': {
      const values = (type.enumValues || []).map((v) => description(v.description, '  ', withDescriptions)
        + `  ${v.name}${deprecated(v)}`);
      return `${head}enum ${type.name} {\n${values.join('\n')}\n}`;
    }
    case 'INPUT_OBJECT': {
      const fields = (type.inputFields || []).map((f) => description(f.description, '  ', withDescriptions)
        + `  ${inputValue(f)}`);
      return `${head}input ${type.name} {\n${fields.join('\n')}\n}`;
    }
    default:
      return '';
  }
}

/** The SDL of an introspection answer; descriptions are left out unless asked for. */
export function printSdl(introspection, { descriptions = false } = {}) {
  const schema = (introspection && introspection.data ? introspection.data : introspection || {}).__schema;
  if (!schema) return '';
  const parts = [];
  const roots = [['query', schema.queryType], ['mutation', schema.mutationType], ['subscription', schema.subscriptionType]]
    .filter(([, t]) => t && t.name);
  parts.push('schema {\n' + roots.map(([op, t]) => `  ${op}: ${t.name}`).join('\n') + '\n}');
  (schema.directives || []).filter((d) => !BUILT_IN_DIRECTIVES.has(d.name)).forEach((d) => {
    parts.push(description(d.description, '', descriptions)
      + `directive @${d.name}${args(d.args)}${d.isRepeatable ? ' repeatable' : ''} on ${(d.locations || []).join(' | ')}`);
  });
  (schema.types || [])
    .filter((t) => !t.name.startsWith('__') && !(t.kind === 'SCALAR' && BUILT_IN_SCALARS.has(t.name)))
    .forEach((t) => parts.push(typeDefinition(t, descriptions)));
  return parts.join('\n\n') + '\n';
}
