// Column values between the GraphQL answer, the row form's text inputs and the mutation's variables:
// numbers as numbers (bigint and numeric as text beyond JavaScript's safe integers), booleans as
// booleans, json and arrays parsed, everything else as the text typed.

const INTEGER = new Set(['int2', 'int4', 'int8', 'serial', 'serial4', 'bigserial']);
const DECIMAL = new Set(['float4', 'float8', 'numeric']);
const JSON_TYPES = new Set(['json', 'jsonb']);

/** How a column is edited: 'boolean', 'integer', 'decimal', 'json', 'array', 'text'. */
export function inputKind(column) {
  if (column.udt === 'bool') return 'boolean';
  if (INTEGER.has(column.udt)) return 'integer';
  if (DECIMAL.has(column.udt)) return 'decimal';
  if (JSON_TYPES.has(column.udt)) return 'json';
  if (column.udt.startsWith('_')) return 'array';
  return 'text';
}

/** A value of the answer as the form shows it. */
export function toText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value as the browse table shows it. */
export function display(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The text typed for a column as the GraphQL variable value; throws an Error naming the column when it cannot be. */
export function fromText(column, text) {
  const kind = inputKind(column);
  const fail = (what) => { throw Object.assign(new Error(`${column.name}: ${what}`), { column: column.name }); };
  switch (kind) {
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      return fail('true or false');
    case 'integer': {
      if (!/^\s*-?\d+\s*$/.test(text)) return fail('a whole number');
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : text.trim();
    }
    case 'decimal': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) return fail('a number');
      return column.udt === 'numeric' && String(n) !== text.trim() ? text.trim() : n;
    }
    case 'json':
      try {
        return JSON.parse(text);
      } catch (e) {
        return fail('JSON (' + e.message + ')');
      }
    case 'array':
      try {
        const parsed = JSON.parse(text);
        return Array.isArray(parsed) ? parsed : text;
      } catch (e) {
        return text;
      }
    default:
      return text;
  }
}
