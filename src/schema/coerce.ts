// Ansible converts module arguments to their declared types before a module sees them:
// 'yes' becomes true, '5' becomes 5, 'a,b' becomes ['a', 'b'], 8080 becomes '8080' for a string.
// We do the same, guided by each module's JSON Schema, so modules receive clean values.
import { dictFromText } from './dict-text.js';
import type { JsonSchema } from './validate.js';

const TRUE = new Set(['yes', 'on', 'true', '1', 'y', 't']);
const FALSE = new Set(['no', 'off', 'false', '0', 'n', 'f']);

/** Ansible's strict boolean(): true/false, 1/0 and the yes/no words (any case); undefined for anything else. */
export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : (convert(value, 'boolean') as boolean | undefined);
}

/** Returns a copy of `value` with every property converted to the type its schema declares, where it safely can. */
export function coerceToSchema(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema || value === undefined || value === null) return value;
  const types = declaredTypes(schema);
  if (types.length === 0 || types.includes(jsonType(value))) {
    return recurse(value, schema);
  }
  for (const t of types) {
    const converted = convert(value, t);
    if (converted !== undefined) return recurse(converted, schema);
  }
  return value;
}

function recurse(value: unknown, schema: JsonSchema): unknown {
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    return items && !Array.isArray(items) ? value.map((v) => coerceToSchema(v, items)) : value;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Number)) {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const extra = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as JsonSchema) : undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = coerceToSchema(v, props[k] ?? extra);
    }
    return out;
  }
  return value;
}

function declaredTypes(schema: JsonSchema): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.map(String);
  // Union written as anyOf/oneOf: collect the branches' types.
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return branches ? branches.flatMap(declaredTypes) : [];
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function convert(value: unknown, type: string): unknown {
  // A template's float 2.0 is a boxed Number (src/template/py-float.ts): text '2.0', else its number.
  if (value instanceof Number) return type === 'string' ? String(value) : convert(value.valueOf(), type);
  switch (type) {
    case 'boolean':
      if (typeof value === 'string' && TRUE.has(value.trim().toLowerCase())) return true;
      if (typeof value === 'string' && FALSE.has(value.trim().toLowerCase())) return false;
      if (value === 1) return true;
      if (value === 0) return false;
      return undefined;
    case 'integer':
      if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      return undefined;
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      if (typeof value === 'number') return value;
      return undefined;
    case 'string':
      // Python's str(): True becomes 'True', as Ansible's 'str' arguments see it.
      if (typeof value === 'boolean') return value ? 'True' : 'False';
      if (typeof value === 'number') return String(value);
      return undefined;
    case 'array':
      // A template is split after it is rendered, never before: the list it renders to would be nested.
      if (typeof value === 'string' && /\{\{|\{%/.test(value)) return undefined;
      // Ansible's 'list' type splits a comma-separated string.
      if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (typeof value === 'number' || typeof value === 'boolean') return [value];
      return undefined;
    case 'object':
      // Like a list: a template is read as a mapping only once it is rendered.
      if (typeof value === 'string' && !/\{\{|\{%/.test(value)) return dictFromText(value);
      return undefined;
    default:
      return undefined;
  }
}
