// Type conversion and defaults: default/d, mandatory, bool, int, float, string, ternary, type_debug...
import { TemplateError } from '../errors.js';
import { PyFloat, isFloat, numericValue, pyFloat } from '../py-float.js';
import { isMapping, plain, pyIter, pyLen, pyStr, truthy, typeName } from '../python.js';
import type { FilterDef } from '../types.js';
import { isUndefined } from '../undefined.js';

const defaultFilter: FilterDef = {
  acceptsUndefined: true,
  fn: (value, [fallback = '', boolean = false]) => {
    if (isUndefined(value) || (truthy(boolean) && !truthy(value))) return fallback;
    return plain(value);
  },
};

function toInt(value: unknown, fallback: unknown = 0, base: unknown = 10): unknown {
  if (typeof value === 'number' || value instanceof PyFloat) return Math.trunc(Number(value)) || 0;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'string') {
    const text = value.trim().replace(/_/g, '');
    const b = Number(base);
    if (b === 10 && /^[+-]?\d+$/.test(text)) return parseInt(text, 10);
    // Jinja2's int filter falls back to float parsing ('3.7' -> 3).
    if (b === 10 && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Math.trunc(parseFloat(text));
    // Other bases accept their prefix: int('0x1f', 16).
    const n = parseInt(text.replace(/^([+-]?)0[xob]/i, '$1'), b);
    if (b !== 10 && !Number.isNaN(n)) return n;
  }
  return fallback;
}

function toFloat(value: unknown, fallback: unknown = new PyFloat(0)): unknown {
  const n = numericValue(value);
  if (n !== undefined) return pyFloat(n);
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return pyFloat(parseFloat(value));
  if (typeof value === 'string' && /^\s*[+-]?(inf|infinity|nan)\s*$/i.test(value)) return parseFloat(value.replace(/inf(inity)?/i, 'Infinity'));
  return fallback;
}

/** Ansible's bool filter: yes/on/1/true (any case) are true, everything else false; None stays None. */
function toBool(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || value instanceof PyFloat) return Number(value) === 1;
  return ['yes', 'on', '1', 'true'].includes(pyStr(value).trim().toLowerCase());
}

/**
 * Jinja2's round filter: Python's round() (half to even) for 'common', which keeps an int an int;
 * 'ceil' and 'floor' always give a float.
 */
function roundFilter(value: unknown, digits: number, method: string): unknown {
  const rounded = pyRound(number(value, 'round'), digits, method);
  return method === 'common' && !isFloat(value) ? rounded : pyFloat(rounded);
}

/** Python's round(): half to even, ndigits after the point. */
function pyRound(value: number, digits: number, method: string): number {
  const factor = 10 ** digits;
  const x = value * factor;
  let r: number;
  if (method === 'ceil') r = Math.ceil(x);
  else if (method === 'floor') r = Math.floor(x);
  else {
    r = Math.round(x);
    if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) r -= 1;
  }
  return r / factor;
}

function number(v: unknown, filter: string): number {
  const n = numericValue(v);
  if (n !== undefined) return n;
  throw new TemplateError('template-error', `${filter}: expected a number, got ${typeName(v)}`);
}

export const coreFilters: Record<string, FilterDef> = {
  default: defaultFilter,
  d: defaultFilter,
  mandatory: {
    acceptsUndefined: true,
    fn: (value, [msg]) => {
      if (isUndefined(value)) {
        if (msg !== undefined) throw new TemplateError('undefined-variable', pyStr(msg));
        throw new TemplateError('undefined-variable', `Mandatory variable has not been overridden: ${value.message}`);
      }
      return value;
    },
  },
  bool: { fn: (v) => toBool(v) },
  int: { fn: (v, [fallback, base], kw) => toInt(v, kw.default ?? fallback ?? 0, kw.base ?? base ?? 10) },
  float: { fn: (v, [fallback], kw) => toFloat(v, kw.default ?? fallback) },
  string: { fn: (v) => pyStr(v) },
  list: { fn: (v) => [...pyIter(v)] },
  length: { fn: (v) => pyLen(v) },
  count: { fn: (v) => pyLen(v) },
  ternary: { fn: (v, [yes, no, none]) => (v === null && none !== undefined ? none : truthy(v) ? yes : no) },
  type_debug: { acceptsUndefined: true, fn: (v) => typeName(v) },
  abs: { fn: (v) => (isFloat(v) ? pyFloat(Math.abs(number(v, 'abs'))) : Math.abs(number(v, 'abs'))) },
  round: {
    fn: (v, [precision = 0, method = 'common'], kw) => roundFilter(v, Number(kw.precision ?? precision), String(kw.method ?? method)),
  },
  sum: {
    fn: (v, [start = 0], kw) => {
      const attribute = kw.attribute;
      const items = pyIter(v).map((item) => (attribute === undefined ? item : isMapping(item) ? item[String(attribute)] : undefined));
      const first = kw.start ?? start;
      // A float anywhere makes the sum a float, as in Python.
      const total = items.reduce<number>((acc, item) => acc + number(item, 'sum'), number(first, 'sum'));
      return [first, ...items].some(isFloat) ? pyFloat(total) : total;
    },
  },
};
