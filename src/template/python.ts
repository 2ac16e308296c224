// Python value semantics over plain JS values, as Jinja2 (and so Ansible) applies them:
// None is null, dicts are plain objects, lists are arrays, callables are PyCallable.
import { types } from 'node:util';
import { UnsafeText, VaultText } from '../source/yaml.js';
import { PyDateTime } from './datetime.js';
import { TemplateError } from './errors.js';
import { PyFloat, isFloat, numberRepr, numericValue } from './py-float.js';
import { StrictUndefined, undefinedError } from './undefined.js';

/** A function callable from a template: globals, macros, bound Python methods. */
export class PyCallable {
  constructor(
    readonly name: string,
    readonly call: (args: unknown[], kwargs: Record<string, unknown>) => unknown,
  ) {}
}

export type PyDict = Record<string, unknown>;

const tuples = new WeakSet<unknown[]>();

/** Marks a list as a Python tuple: it prints as `(a, b)` (dict.items(), zip, dictsort). */
export function tuple<T extends unknown[]>(items: T): T {
  tuples.add(items);
  return items;
}

const tupleFields = new WeakMap<unknown[], readonly string[]>();

/** A tuple whose items can also be reached by name, like Python's namedtuple (groupby's grouper/list). */
export function namedTuple<T extends unknown[]>(items: T, fields: readonly string[]): T {
  tupleFields.set(items, fields);
  return tuple(items);
}

/** The named tuple's item called `name`, if it has one. */
export function tupleField(value: unknown[], name: string): { found: true; value: unknown } | undefined {
  const i = tupleFields.get(value)?.indexOf(name) ?? -1;
  return i >= 0 ? { found: true, value: value[i] } : undefined;
}

export function isMapping(value: unknown): value is PyDict {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Lazily computed objects (hostvars) must not be walked eagerly. */
export function isLazy(value: unknown): boolean {
  return typeof value === 'object' && value !== null && types.isProxy(value);
}

/** `!unsafe` text behaves as a plain string once it is inside an expression. */
export function plain(value: unknown): unknown {
  return value instanceof UnsafeText ? value.text : value;
}

export function typeName(value: unknown): string {
  if (value instanceof StrictUndefined) return 'AnsibleUndefined';
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || value instanceof PyFloat) return isFloat(value) ? 'float' : 'int';
  if (typeof value === 'string' || value instanceof UnsafeText) return 'str';
  if (value instanceof VaultText) return 'AnsibleVaultEncryptedUnicode';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyCallable) return 'function';
  if (value instanceof PyDateTime) return 'datetime';
  if (isMapping(value)) return 'dict';
  return 'object';
}

export function truthy(value: unknown): boolean {
  if (value instanceof StrictUndefined) throw undefinedError(value);
  value = plain(value);
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isMapping(value)) return Object.keys(value).length > 0;
  return true;
}

/** Python's str(): what `{{ value }}` prints. */
export function pyStr(value: unknown): string {
  if (value instanceof StrictUndefined) throw undefinedError(value);
  value = plain(value);
  if (typeof value === 'string') return value;
  if (value instanceof VaultText) return value.ciphertext;
  if (typeof value === 'number' || value instanceof PyFloat) return numberRepr(value);
  if (value instanceof PyDateTime) return value.toString();
  return pyRepr(value);
}

export function quoteString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\x7f') out += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0');
    else out += ch;
  }
  return quote + out + quote;
}

/** Python's repr(): how values print inside lists and dicts. */
export function pyRepr(value: unknown): string {
  if (value instanceof StrictUndefined) throw undefinedError(value);
  value = plain(value);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || value instanceof PyFloat) return numberRepr(value);
  if (typeof value === 'string') return quoteString(value);
  if (Array.isArray(value)) {
    if (tuples.has(value)) return '(' + value.map(pyRepr).join(', ') + (value.length === 1 ? ',)' : ')');
    return '[' + value.map(pyRepr).join(', ') + ']';
  }
  if (value instanceof PyCallable) return `<function ${value.name}>`;
  if (value instanceof PyDateTime) return `datetime('${value.toString()}')`;
  if (value instanceof VaultText) return quoteString(value.ciphertext);
  if (typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => `${quoteString(k)}: ${pyRepr(v)}`).join(', ') + '}';
  }
  return String(value);
}

export function pyEquals(a: unknown, b: unknown): boolean {
  if (a instanceof StrictUndefined) throw undefinedError(a);
  if (b instanceof StrictUndefined) throw undefinedError(b);
  a = plain(a);
  b = plain(b);
  if (a === b) return true;
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  // True == 1 == 1.0 in Python.
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== undefined && y !== undefined) return x === y;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (isMapping(a) && isMapping(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && pyEquals(a[k], b[k]));
  }
  return a === b;
}

/** Python ordering: numbers with numbers, strings with strings, lists element-wise; else TypeError. */
export function pyCompare(a: unknown, b: unknown, op = '<'): number {
  if (a instanceof StrictUndefined) throw undefinedError(a);
  if (b instanceof StrictUndefined) throw undefinedError(b);
  a = plain(a);
  b = plain(b);
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!pyEquals(a[i], b[i])) return pyCompare(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  throw new TemplateError('template-error', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Iterating a value the way a Python `for` does: dicts give keys, strings give characters. */
export function pyIter(value: unknown): unknown[] {
  if (value instanceof StrictUndefined) throw undefinedError(value);
  value = plain(value);
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isMapping(value)) return Object.keys(value);
  throw new TemplateError('template-error', `'${typeName(value)}' object is not iterable`);
}

export function pyLen(value: unknown): number {
  value = plain(value);
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isMapping(value)) return Object.keys(value).length;
  if (value instanceof StrictUndefined) throw undefinedError(value);
  throw new TemplateError('template-error', `object of type '${typeName(value)}' has no len()`);
}

/** `a in b` */
export function pyContains(container: unknown, item: unknown): boolean {
  if (container instanceof StrictUndefined) throw undefinedError(container);
  if (item instanceof StrictUndefined) throw undefinedError(item);
  container = plain(container);
  item = plain(item);
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new TemplateError('template-error', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((x) => pyEquals(x, item));
  if (isMapping(container)) return Object.hasOwn(container, String(item));
  throw new TemplateError('template-error', `argument of type '${typeName(container)}' is not iterable`);
}

/** A deep copy of plain data, so filters never mutate the variables they were given. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}
