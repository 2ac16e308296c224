// List and dict filters: map/select/reject, sort/unique/flatten, set operations, combine, dict2items...
import { lookup } from '../attributes.js';
import { TemplateError } from '../errors.js';
import { clone, isMapping, namedTuple, tuple, pyCompare, pyEquals, pyIter, pyStr, truthy, type PyDict } from '../python.js';
import type { Evaluator, FilterDef, Kwargs } from '../types.js';
import { StrictUndefined, isUndefined } from '../undefined.js';
import { appendAll } from '../../util/append.js';

/** `attribute='a.b'` reaches into nested dicts; a missing step yields undefined. */
function attr(item: unknown, path: unknown): unknown {
  let value = item;
  for (const part of pyStr(path).split('.')) value = lookup(value, /^\d+$/.test(part) ? Number(part) : part, 'subscript');
  return value;
}

function list(value: unknown): unknown[] {
  return pyIter(value);
}

function uniq(items: unknown[], key: (x: unknown) => unknown = (x) => x): unknown[] {
  const out: unknown[] = [];
  const seen: unknown[] = [];
  for (const x of items) {
    const k = key(x);
    if (!seen.some((y) => pyEquals(k, y))) {
      seen.push(k);
      out.push(x);
    }
  }
  return out;
}

/** Jinja2's "no item" results: undefined, so using them fails but `default` still works. */
function noItem(what: string): StrictUndefined {
  return new StrictUndefined(`No ${what} item, sequence was empty.`);
}

const has = (items: unknown[], x: unknown) => items.some((y) => pyEquals(x, y));

function sortKey(value: unknown, caseSensitive: boolean): unknown {
  return !caseSensitive && typeof value === 'string' ? value.toLowerCase() : value;
}

function flatten(items: unknown[], levels: number | null, skipNulls: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (Array.isArray(item) && (levels === null || levels > 0)) appendAll(out, flatten(item, levels === null ? null : levels - 1, skipNulls));
    else if (!(skipNulls && (item === null || item === 'None'))) out.push(item);
  }
  return out;
}

function combineTwo(a: PyDict, b: PyDict, recursive: boolean, listMerge: string): PyDict {
  const out: PyDict = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    if (recursive && isMapping(old) && isMapping(v)) out[k] = combineTwo(old, v, recursive, listMerge);
    else if (Array.isArray(old) && Array.isArray(v) && listMerge !== 'replace') out[k] = mergeLists(old, v, listMerge);
    else out[k] = v;
  }
  return out;
}

function mergeLists(old: unknown[], next: unknown[], mode: string): unknown[] {
  switch (mode) {
    case 'keep':
      return old;
    case 'append':
      return [...old, ...next];
    case 'prepend':
      return [...next, ...old];
    case 'append_rp':
      return [...old.filter((x) => !has(next, x)), ...next];
    case 'prepend_rp':
      return [...next, ...old.filter((x) => !has(next, x))];
    default:
      throw new TemplateError('template-error', `combine: list_merge must be one of replace, keep, append, prepend, append_rp, prepend_rp; got '${mode}'`);
  }
}

/** select/reject/selectattr/rejectattr share this: apply a test (or truthiness) to each item. */
function filterBy(value: unknown, args: unknown[], ev: Evaluator, keep: boolean, byAttribute: boolean): unknown[] {
  const [attribute, ...rest] = byAttribute ? args : [undefined, ...args];
  const [testName, ...testArgs] = rest;
  return list(value).filter((item) => {
    const subject = byAttribute ? attr(item, attribute) : item;
    const ok = testName === undefined ? truthy(subject) : ev.test(pyStr(testName), subject, testArgs);
    return ok === keep;
  });
}

function mapFilter(value: unknown, args: unknown[], kw: Kwargs, ev: Evaluator): unknown[] {
  if (kw.attribute !== undefined) {
    return list(value).map((item) => {
      const v = attr(item, kw.attribute);
      if (isUndefined(v) && kw.default !== undefined) return kw.default;
      return v;
    });
  }
  const [name, ...rest] = args;
  if (name === undefined) throw new TemplateError('template-error', 'map: give a filter name or attribute=');
  const { attribute: _a, default: _d, ...filterKwargs } = kw;
  return list(value).map((item) => ev.filter(pyStr(name), item, [...rest], filterKwargs));
}

function extreme(value: unknown, kw: Kwargs, sign: 1 | -1): unknown {
  const items = list(value);
  if (items.length === 0) return noItem('aggregated');
  const key = (x: unknown) => sortKey(kw.attribute === undefined ? x : attr(x, kw.attribute), truthy(kw.case_sensitive ?? false));
  return items.reduce((best, x) => (pyCompare(key(x), key(best)) * sign > 0 ? x : best));
}

/** Jinja2's groupby: items sorted by an attribute, then (grouper, list) pairs of equal values. */
function groupBy(value: unknown, [attribute, dflt, caseSensitive = false]: unknown[], kw: Kwargs): unknown[] {
  const by = kw.attribute ?? attribute;
  const fallback = kw.default ?? dflt;
  const cs = truthy(kw.case_sensitive ?? caseSensitive);
  const valueOf = (x: unknown) => {
    const v = attr(x, by);
    return isUndefined(v) && fallback !== undefined ? fallback : v;
  };
  const key = (x: unknown) => sortKey(valueOf(x), cs);
  const sorted = [...list(value)].sort((a, b) => pyCompare(key(a), key(b)));
  const groups: unknown[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && pyEquals(key(last[0]), key(item))) last.push(item);
    else groups.push([item]);
  }
  // The grouper is the first item's own value, not the lower-cased key.
  return groups.map((items) => namedTuple([valueOf(items[0]), items], ['grouper', 'list']));
}

export const collectionFilters: Record<string, FilterDef> = {
  map: { fn: mapFilter },
  select: { fn: (v, args, _kw, ev) => filterBy(v, args, ev, true, false) },
  reject: { fn: (v, args, _kw, ev) => filterBy(v, args, ev, false, false) },
  selectattr: { fn: (v, args, _kw, ev) => filterBy(v, args, ev, true, true) },
  rejectattr: { fn: (v, args, _kw, ev) => filterBy(v, args, ev, false, true) },
  unique: {
    fn: (v, [caseSensitive = false, attribute], kw) => {
      const by = kw.attribute ?? attribute;
      const cs = truthy(kw.case_sensitive ?? caseSensitive);
      return uniq(list(v), (x) => sortKey(by === undefined ? x : attr(x, by), cs));
    },
  },
  groupby: { fn: (v, args, kw) => groupBy(v, args, kw) },
  first: { fn: (v) => (list(v).length ? list(v)[0] : noItem('first')) },
  last: { fn: (v) => (list(v).length ? list(v)[list(v).length - 1] : noItem('last')) },
  min: { fn: (v, _a, kw) => extreme(v, kw, -1) },
  max: { fn: (v, _a, kw) => extreme(v, kw, 1) },
  sort: {
    fn: (v, [reverse = false, caseSensitive = false, attribute], kw) => {
      const rev = truthy(kw.reverse ?? reverse);
      const cs = truthy(kw.case_sensitive ?? caseSensitive);
      const by = kw.attribute ?? attribute;
      const key = (x: unknown) => sortKey(by === undefined ? x : attr(x, by), cs);
      return [...list(v)].sort((a, b) => pyCompare(key(a), key(b)) * (rev ? -1 : 1));
    },
  },
  reverse: { fn: (v) => (typeof v === 'string' ? [...v].reverse().join('') : [...list(v)].reverse()) },
  flatten: { fn: (v, [levels], kw) => flatten(list(v), (kw.levels ?? levels) === undefined || (kw.levels ?? levels) === null ? null : Number(kw.levels ?? levels), truthy(kw.skip_nulls ?? true)) },
  zip: { fn: (v, others) => { const lists = [list(v), ...others.map(list)]; const n = Math.min(...lists.map((l) => l.length)); return Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l[i]))); } },
  zip_longest: { fn: (v, others, kw) => { const lists = [list(v), ...others.map(list)]; const n = Math.max(...lists.map((l) => l.length)); return Array.from({ length: n }, (_, i) => tuple(lists.map((l) => (i < l.length ? l[i] : (kw.fillvalue ?? null))))); } },
  difference: { fn: (v, [other]) => uniq(list(v).filter((x) => !has(list(other), x))) },
  intersect: { fn: (v, [other]) => uniq(list(v).filter((x) => has(list(other), x))) },
  union: { fn: (v, [other]) => uniq([...list(v), ...list(other)]) },
  symmetric_difference: { fn: (v, [other]) => uniq([...list(v).filter((x) => !has(list(other), x)), ...list(other).filter((x) => !has(list(v), x))]) },
  combine: {
    fn: (v, args, kw) => {
      const dicts = [v, ...args].flatMap((d) => (Array.isArray(d) ? d : [d]));
      for (const d of dicts) if (!isMapping(d)) throw new TemplateError('template-error', `combine: expected dicts, got ${pyStr(d)}`);
      return (dicts as PyDict[]).reduce((acc, d) => combineTwo(acc, clone(d), truthy(kw.recursive ?? false), pyStr(kw.list_merge ?? 'replace')), {});
    },
  },
  dict2items: {
    fn: (v, [keyName = 'key', valueName = 'value'], kw) => {
      if (!isMapping(v)) throw new TemplateError('template-error', `dict2items requires a dictionary, got ${pyStr(v)}`);
      return Object.entries(v).map(([k, x]) => ({ [pyStr(kw.key_name ?? keyName)]: k, [pyStr(kw.value_name ?? valueName)]: x }));
    },
  },
  items2dict: {
    fn: (v, [keyName = 'key', valueName = 'value'], kw) =>
      Object.fromEntries(
        list(v).map((item) => {
          if (!isMapping(item)) throw new TemplateError('template-error', `items2dict requires a list of dicts, got ${pyStr(item)}`);
          return [pyStr(item[pyStr(kw.key_name ?? keyName)]), item[pyStr(kw.value_name ?? valueName)]];
        }),
      ),
  },
  dictsort: {
    fn: (v, [caseSensitive = false, by = 'key', reverse = false], kw) => {
      if (!isMapping(v)) throw new TemplateError('template-error', 'dictsort requires a dictionary');
      const index = pyStr(kw.by ?? by) === 'value' ? 1 : 0;
      const cs = truthy(kw.case_sensitive ?? caseSensitive);
      const rev = truthy(kw.reverse ?? reverse) ? -1 : 1;
      return Object.entries(v).map(tuple).sort((a, b) => pyCompare(sortKey(a[index], cs), sortKey(b[index], cs)) * rev);
    },
  },
  // `groups['db'] | map('extract', hostvars, 'ansible_host')`
  extract: {
    fn: (v, [container, morekeys]) => {
      let out = lookup(container, v, 'subscript');
      const keys = morekeys === undefined ? [] : Array.isArray(morekeys) ? morekeys : [morekeys];
      for (const k of keys) out = lookup(out, k, 'subscript');
      return out;
    },
  },
  product: {
    fn: (v, others) => [list(v), ...others.map(list)].reduce<unknown[][]>((acc, l) => acc.flatMap((prefix) => l.map((x) => [...prefix, x])), [[]]).map(tuple),
  },
  subelements: {
    fn: (v, [path, skipMissing = false], kw) =>
      list(v).flatMap((item) => {
        const sub = attr(item, path);
        if (isUndefined(sub)) {
          if (truthy(kw.skip_missing ?? skipMissing)) return [];
          throw new TemplateError('template-error', `could not find '${pyStr(path)}' key in iterated item ${pyStr(item)}`);
        }
        return list(sub).map((x) => tuple([item, x]));
      }),
  },
  batch: {
    fn: (v, [size, fill]) => {
      const items = list(v);
      const n = Number(size);
      const out: unknown[][] = [];
      for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
      const lastBatch = out[out.length - 1];
      if (fill !== undefined && lastBatch) while (lastBatch.length < n) lastBatch.push(fill);
      return out;
    },
  },
};
