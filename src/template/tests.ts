// Jinja2 and Ansible tests: `x is defined`, `r is changed`, `v is version('2.0', '>=')`...
import { existsSync, statSync } from 'node:fs';
import { isFloat, isInt, numericValue } from './py-float.js';
import { compileRegex } from './regex.js';
import { isMapping, plain, pyCompare, pyContains, pyEquals, pyStr, truthy } from './python.js';
import type { TestFn } from './types.js';
import { isUndefined } from './undefined.js';
import { versionMatches } from './version.js';
import { urlSplit } from './url-split.js';
import { withRegexBudget } from '../util/regex-budget.js';
import { TemplateError } from './errors.js';

function result(value: unknown): Record<string, unknown> {
  if (!isMapping(value)) throw new Error('the value is not a task result (a dict)');
  return value;
}

const failed: TestFn = (v) => truthy(result(v).failed ?? false);
const skipped: TestFn = (v) => truthy(result(v).skipped ?? false);
const changed: TestFn = (v) => truthy(result(v).changed ?? false);
const succeeded: TestFn = (v) => !failed(v, [], undefined as never);

function regexTest(kind: 'match' | 'search' | 'fullmatch'): TestFn {
  return (v, [pattern, ignorecase, multiline]) => {
    const re = compileRegex(pyStr(pattern), { ignorecase: truthy(ignorecase ?? false), multiline: truthy(multiline ?? false) });
    const text = pyStr(v);
    const m = withRegexBudget([re], pyStr(pattern), (message) => new TemplateError('template-error', message), () => re.exec(text));
    if (!m) return false;
    if (kind === 'search') return true;
    if (m.index !== 0) return false;
    return kind === 'match' || m[0].length === text.length;
  };
}

function isFileKind(kind: 'file' | 'dir' | 'any'): TestFn {
  return (v) => {
    const path = pyStr(v);
    if (kind === 'any') return existsSync(path);
    try {
      const st = statSync(path);
      return kind === 'file' ? st.isFile() : st.isDirectory();
    } catch {
      return false;
    }
  };
}

/** Ansible's uri test: any text Python can split as a URL, with a scheme from `schemes` when given. */
function isUri(value: unknown, schemes: unknown): boolean {
  return urlOf(value, schemes) !== undefined;
}

function urlOf(value: unknown, schemes: unknown): ReturnType<typeof urlSplit> | undefined {
  const text = plain(value);
  if (typeof text !== 'string') return undefined;
  try {
    const url = urlSplit(text);
    const allowed = schemes === undefined || schemes === null || !truthy(schemes) || pyContains(schemes, url.scheme);
    return allowed ? url : undefined;
  } catch {
    return undefined;
  }
}

/** math.isnan on numbers; anything else is not NaN. */
function isNan(value: unknown): boolean {
  const n = numericValue(value);
  return n !== undefined && Number.isNaN(n);
}

const isSubset = (a: unknown, b: unknown) => Array.isArray(a) && Array.isArray(b) && a.every((x) => b.some((y) => pyEquals(x, y)));

export const tests: Record<string, TestFn> = {
  defined: (v) => !isUndefined(v),
  undefined: (v) => isUndefined(v),
  none: (v) => v === null,
  true: (v) => v === true,
  false: (v) => v === false,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof plain(v) === 'string',
  // Python's bool is an int, so a number (but not an integer: Jinja2 excludes it there).
  number: (v) => numericValue(v) !== undefined,
  integer: (v) => isInt(v),
  float: (v) => isFloat(v),
  mapping: (v) => isMapping(v),
  sequence: (v) => Array.isArray(v) || typeof v === 'string' || isMapping(v),
  iterable: (v) => Array.isArray(v) || typeof v === 'string' || isMapping(v),
  callable: (v) => typeof v === 'object' && v !== null && v.constructor?.name === 'PyCallable',
  sameas: (v, [other]) => v === other || (v === null && other === null),
  eq: (v, [other]) => pyEquals(v, other),
  equalto: (v, [other]) => pyEquals(v, other),
  '==': (v, [other]) => pyEquals(v, other),
  ne: (v, [other]) => !pyEquals(v, other),
  '!=': (v, [other]) => !pyEquals(v, other),
  lt: (v, [other]) => pyCompare(v, other, '<') < 0,
  '<': (v, [other]) => pyCompare(v, other, '<') < 0,
  lessthan: (v, [other]) => pyCompare(v, other, '<') < 0,
  le: (v, [other]) => pyCompare(v, other, '<=') <= 0,
  '<=': (v, [other]) => pyCompare(v, other, '<=') <= 0,
  gt: (v, [other]) => pyCompare(v, other, '>') > 0,
  '>': (v, [other]) => pyCompare(v, other, '>') > 0,
  greaterthan: (v, [other]) => pyCompare(v, other, '>') > 0,
  ge: (v, [other]) => pyCompare(v, other, '>=') >= 0,
  '>=': (v, [other]) => pyCompare(v, other, '>=') >= 0,
  odd: (v) => Math.abs(Number(v) % 2) === 1,
  even: (v) => Number(v) % 2 === 0,
  divisibleby: (v, [n]) => Number(v) % Number(n) === 0,
  lower: (v) => pyStr(v) === pyStr(v).toLowerCase(),
  upper: (v) => pyStr(v) === pyStr(v).toUpperCase(),
  truthy: (v, [convertBool]) => (convertBool && typeof v === 'string' ? ['yes', 'on', '1', 'true'].includes(v.toLowerCase()) : truthy(v)),
  falsy: (v, [convertBool]) => !(convertBool && typeof v === 'string' ? ['yes', 'on', '1', 'true'].includes(v.toLowerCase()) : truthy(v)),
  in: (v, [container]) => pyContains(container, v),
  contains: (v, [item]) => pyContains(v, item),
  subset: (v, [other]) => isSubset(v, other),
  issubset: (v, [other]) => isSubset(v, other),
  superset: (v, [other]) => isSubset(other, v),
  issuperset: (v, [other]) => isSubset(other, v),
  match: regexTest('match'),
  search: regexTest('search'),
  regex: (v, [pattern, ignorecase, multiline, matchType], ev) => regexTest(matchType === 'match' ? 'match' : matchType === 'fullmatch' ? 'fullmatch' : 'search')(v, [pattern, ignorecase, multiline], ev),
  version: (v, [other, op]) => versionMatches(v, other, op),
  version_compare: (v, [other, op]) => versionMatches(v, other, op),
  changed,
  change: changed,
  failed,
  failure: failed,
  succeeded,
  success: succeeded,
  successful: succeeded,
  skipped,
  skip: skipped,
  finished: (v) => truthy(result(v).finished ?? true),
  file: isFileKind('file'),
  directory: isFileKind('dir'),
  exists: isFileKind('any'),
  abs: (v) => pyStr(v).startsWith('/'),
  uri: (v, [schemes]) => isUri(v, schemes),
  url: (v, [schemes]) => {
    const url = urlOf(v, schemes);
    return url !== undefined && (url.netloc !== '' || url.scheme === 'file');
  },
  urn: (v) => isUri(v, ['urn']),
  nan: isNan,
  isnan: isNan,
};
