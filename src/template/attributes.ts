// `obj.name` and `obj[key]` as Jinja2 resolves them, including the Python methods playbooks call
// (`.split()`, `.startswith()`, `.items()`, `.get()`...). Missing things yield StrictUndefined with
// Ansible's messages ("'dict object' has no attribute 'x'", "list object has no element 5").
import { PyDateTime, strftime } from './datetime.js';
import { TemplateError } from './errors.js';
import { PyCallable, isMapping, tuple, tupleField, plain, pyEquals, pyIter, pyStr, typeName, type PyDict } from './python.js';
import { forgetTemplateScan } from './template-scan.js';
import { StrictUndefined } from './undefined.js';
import { appendAll } from '../util/append.js';

type Method = (self: never, args: unknown[], kwargs: Record<string, unknown>) => unknown;

function str(v: unknown, what = 'argument'): string {
  v = plain(v);
  if (typeof v !== 'string') throw new TemplateError('template-error', `${what} must be str, not ${typeName(v)}`);
  return v;
}

function stripChars(s: string, chars: unknown, left: boolean, right: boolean): string {
  const set = chars === undefined || chars === null ? null : str(chars);
  const strip = (c: string) => (set === null ? /\s/.test(c) : set.includes(c));
  let start = 0;
  let end = s.length;
  while (left && start < end && strip(s[start]!)) start++;
  while (right && end > start && strip(s[end - 1]!)) end--;
  return s.slice(start, end);
}

export function pySplit(s: string, sep: unknown, maxsplit: number): string[] {
  if (sep === undefined || sep === null) {
    const parts = s.trim() === '' ? [] : s.trim().split(/\s+/);
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    // Re-split keeping the remainder intact.
    const out: string[] = [];
    let rest = s.replace(/^\s+/, '');
    for (let i = 0; i < maxsplit; i++) {
      const m = /\s+/.exec(rest);
      if (!m) break;
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(rest);
    return out;
  }
  const separator = str(sep);
  if (separator === '') throw new TemplateError('template-error', 'empty separator');
  const parts = s.split(separator);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator)];
}

/** str.replace(old, new, count): count < 0 replaces all. */
export function pyReplace(s: string, old: string, replacement: string, count: number): string {
  const parts = s.split(old);
  if (count < 0 || parts.length - 1 <= count) return parts.join(replacement);
  return parts.slice(0, count + 1).join(replacement) + old + parts.slice(count + 1).join(old);
}

/** str.center: the odd pad goes left when the width is odd, like CPython. */
export function pyCenter(s: string, width: number, fill = ' '): string {
  const total = Math.max(0, width - s.length);
  const left = Math.floor(total / 2) + (total % 2 && width % 2 ? 1 : 0);
  return fill.repeat(left) + s + fill.repeat(total - left);
}

function prefixes(v: unknown): string[] {
  return Array.isArray(v) ? v.map((p) => str(p)) : [str(v)];
}

/** Python's str.format with {} / {0} / {name} fields (no format specs beyond plain fields). */
function pyFormat(template: string, args: unknown[], kwargs: Record<string, unknown>): string {
  let auto = 0;
  return template.replace(/\{\{|\}\}|\{([^{}:!]*)(?:![rs])?(?::[^{}]*)?\}/g, (m, field: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const name = field ?? '';
    const value = name === '' ? args[auto++] : /^\d+$/.test(name) ? args[Number(name)] : kwargs[name];
    if (value === undefined) throw new TemplateError('template-error', `format(): no value for field {${name}}`);
    return pyStr(value);
  });
}

const stringMethods: Record<string, (s: string, a: unknown[], k: Record<string, unknown>) => unknown> = {
  split: (s, a, k) => pySplit(s, a[0] ?? k.sep, Number(a[1] ?? k.maxsplit ?? -1)),
  rsplit: (s, a, k) => {
    const max = Number(a[1] ?? k.maxsplit ?? -1);
    const sep = a[0] ?? k.sep;
    if (max < 0 || sep === undefined || sep === null) return pySplit(s, sep, max);
    const parts = s.split(str(sep));
    return parts.length <= max + 1 ? parts : [parts.slice(0, parts.length - max).join(str(sep)), ...parts.slice(parts.length - max)];
  },
  splitlines: (s) => s.split(/\r\n|\r|\n/).filter((_, i, all) => i < all.length - 1 || all[i] !== ''),
  strip: (s, a) => stripChars(s, a[0], true, true),
  lstrip: (s, a) => stripChars(s, a[0], true, false),
  rstrip: (s, a) => stripChars(s, a[0], false, true),
  lower: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  capitalize: (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  title: (s) => s.toLowerCase().replace(/(^|[^a-zA-Z0-9])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase()),
  startswith: (s, a) => prefixes(a[0]).some((p) => s.startsWith(p)),
  endswith: (s, a) => prefixes(a[0]).some((p) => s.endsWith(p)),
  replace: (s, a) => pyReplace(s, str(a[0]), str(a[1]), a[2] === undefined || a[2] === null ? -1 : Number(a[2])),
  find: (s, a) => s.indexOf(str(a[0])),
  rfind: (s, a) => s.lastIndexOf(str(a[0])),
  index: (s, a) => {
    const i = s.indexOf(str(a[0]));
    if (i < 0) throw new TemplateError('template-error', 'substring not found');
    return i;
  },
  count: (s, a) => (str(a[0]) === '' ? s.length + 1 : s.split(str(a[0])).length - 1),
  join: (s, a) => pyIter(a[0]).map((x) => str(x, 'sequence item')).join(s),
  format: (s, a, k) => pyFormat(s, a, k),
  isdigit: (s) => /^\d+$/.test(s),
  isalpha: (s) => /^[\p{L}]+$/u.test(s),
  isalnum: (s) => /^[\p{L}\d]+$/u.test(s),
  isspace: (s) => /^\s+$/.test(s),
  islower: (s) => /[a-z]/.test(s) && s === s.toLowerCase(),
  isupper: (s) => /[A-Z]/.test(s) && s === s.toUpperCase(),
  zfill: (s, a) => {
    const width = Number(a[0]);
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  },
  ljust: (s, a) => s.padEnd(Number(a[0]), a[1] === undefined ? ' ' : str(a[1])),
  rjust: (s, a) => s.padStart(Number(a[0]), a[1] === undefined ? ' ' : str(a[1])),
  center: (s, a) => pyCenter(s, Number(a[0]), a[1] === undefined ? ' ' : str(a[1])),
};

function listIndex(list: unknown[], item: unknown): number {
  const i = list.findIndex((x) => pyEquals(x, item));
  if (i < 0) throw new TemplateError('template-error', `${pyStr(item)} is not in list`);
  return i;
}

/** Python's in-place methods return None. */
function none(_ignored: unknown): null {
  return null;
}

/** Runs an in-place method and forgets what was known about the object's templates. */
function mutating<S extends object>(fn: (self: S, a: unknown[], k: Record<string, unknown>) => unknown) {
  return (self: S, a: unknown[], k: Record<string, unknown>) => {
    forgetTemplateScan(self);
    return fn(self, a, k);
  };
}

const listMethods: Record<string, (l: unknown[], a: unknown[], k: Record<string, unknown>) => unknown> = {
  index: (l, a) => listIndex(l, a[0]),
  count: (l, a) => l.filter((x) => pyEquals(x, a[0])).length,
  // Mutators exist because playbooks use `{% set _ = list.append(x) %}`; they return None like Python.
  append: mutating((l: unknown[], a) => none(l.push(a[0]))),
  extend: mutating((l: unknown[], a) => none(appendAll(l, pyIter(a[0])))),
  insert: mutating((l: unknown[], a) => none(l.splice(Number(a[0]), 0, a[1]))),
  remove: mutating((l: unknown[], a) => none(l.splice(listIndex(l, a[0]), 1))),
  pop: mutating((l: unknown[], a) => {
    if (l.length === 0) throw new TemplateError('template-error', 'pop from empty list');
    const i = a[0] === undefined ? l.length - 1 : Number(a[0]) < 0 ? l.length + Number(a[0]) : Number(a[0]);
    return l.splice(i, 1)[0];
  }),
};

const dictMethods: Record<string, (d: PyDict, a: unknown[], k: Record<string, unknown>) => unknown> = {
  items: (d) => Object.entries(d).map(tuple),
  keys: (d) => Object.keys(d),
  values: (d) => Object.values(d),
  get: (d, a) => (Object.hasOwn(d, String(a[0])) ? d[String(a[0])] : (a[1] ?? null)),
  copy: (d) => ({ ...d }),
  update: mutating((d: PyDict, a, k) => {
    Object.assign(d, a[0] ?? {}, k);
    return null;
  }),
  setdefault: mutating((d: PyDict, a) => {
    const key = String(a[0]);
    if (!Object.hasOwn(d, key)) d[key] = a[1] ?? null;
    return d[key];
  }),
  pop: mutating((d: PyDict, a) => {
    const key = String(a[0]);
    if (!Object.hasOwn(d, key)) {
      if (a.length > 1) return a[1];
      throw new TemplateError('template-error', `KeyError: ${pyStr(a[0])}`);
    }
    const v = d[key];
    delete d[key];
    return v;
  }),
};

function method(name: string, self: unknown, table: Record<string, Method>): PyCallable | undefined {
  const fn = Object.hasOwn(table, name) ? table[name] : undefined;
  return fn ? new PyCallable(name, (args, kwargs) => fn(self as never, args, kwargs)) : undefined;
}

const dateTimeMethods: Record<string, (t: PyDateTime, a: unknown[], k: Record<string, unknown>) => unknown> = {
  strftime: (t, a) => strftime(str(a[0], 'format'), t),
  isoformat: (t) => strftime('%Y-%m-%dT%H:%M:%S.%f', t),
  timestamp: (t) => t.date.getTime() / 1000,
};

const DATETIME_FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

function methodOf(obj: unknown, name: string): PyCallable | undefined {
  if (obj instanceof PyDateTime) return method(name, obj, dateTimeMethods as Record<string, Method>);
  if (typeof obj === 'string') return method(name, obj, stringMethods as Record<string, Method>);
  if (Array.isArray(obj)) return method(name, obj, listMethods as Record<string, Method>);
  if (isMapping(obj)) return method(name, obj, dictMethods as Record<string, Method>);
  return undefined;
}

function noAttribute(obj: unknown, key: unknown): StrictUndefined {
  if (obj === null || obj === undefined) return new StrictUndefined(`'None' has no attribute '${String(key)}'`);
  return new StrictUndefined(`'${typeName(obj)} object' has no attribute '${String(key)}'`);
}

function item(obj: unknown, key: unknown): { found: true; value: unknown } | { found: false } {
  key = plain(key);
  if (isMapping(obj)) {
    const k = String(key);
    return Object.hasOwn(obj, k) ? { found: true, value: obj[k] } : { found: false };
  }
  if ((Array.isArray(obj) || typeof obj === 'string') && typeof key === 'number' && Number.isInteger(key)) {
    const chars = typeof obj === 'string' ? [...obj] : obj;
    const i = key < 0 ? chars.length + key : key;
    return i >= 0 && i < chars.length ? { found: true, value: chars[i] } : { found: false };
  }
  if (Array.isArray(obj) && typeof key === 'string') return tupleField(obj, key) ?? { found: false };
  return { found: false };
}

/**
 * Jinja2's getattr (for `obj.name`: attribute/method first, then item) and getitem (for `obj[key]`:
 * item first, then attribute). Undefined stays undefined so `foo.bar | default(x)` works.
 */
export function lookup(obj: unknown, key: unknown, how: 'dot' | 'subscript'): unknown {
  if (obj instanceof StrictUndefined) return obj;
  obj = plain(obj);
  key = plain(key);
  if (how === 'dot' && typeof key === 'string') {
    const m = methodOf(obj, key);
    if (m) return m;
  }
  if (obj instanceof PyDateTime && (DATETIME_FIELDS as readonly unknown[]).includes(key)) return obj.part(key as (typeof DATETIME_FIELDS)[number]);
  const found = item(obj, key);
  if (found.found) return plain(found.value);
  if (how === 'subscript' && typeof key === 'string') {
    const m = methodOf(obj, key);
    if (m) return m;
  }
  if (Array.isArray(obj) && typeof key === 'number') return new StrictUndefined(`list object has no element ${key}`);
  return noAttribute(obj, key);
}

/** Python slicing of strings and lists. */
export function slice(obj: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  obj = plain(obj);
  const seq = typeof obj === 'string' ? [...obj] : Array.isArray(obj) ? obj : undefined;
  if (!seq) throw new TemplateError('template-error', `'${typeName(obj)}' object is not subscriptable`);
  const n = seq.length;
  const st = step === null || step === undefined ? 1 : Number(step);
  if (st === 0) throw new TemplateError('template-error', 'slice step cannot be zero');
  const norm = (v: unknown, dflt: number) => {
    if (v === null || v === undefined) return dflt;
    let i = Number(v);
    if (i < 0) i += n;
    return st > 0 ? Math.min(Math.max(i, 0), n) : Math.min(Math.max(i, -1), n - 1);
  };
  const from = norm(start, st > 0 ? 0 : n - 1);
  const to = norm(stop, st > 0 ? n : -1);
  const out: unknown[] = [];
  for (let i = from; st > 0 ? i < to : i > to; i += st) out.push(seq[i]);
  return typeof obj === 'string' ? out.join('') : out;
}
