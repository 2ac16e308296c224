// The lookups that shape lists (behind with_together, with_nested, with_subelements, with_sequence...):
// pure functions of their terms, giving the items Ansible 2.14's do.
import { parseKv } from '../playbook/parse-kv.js';
import { TemplateError } from './errors.js';
import { percentFormat } from './percent-format.js';
import { isMapping, pyRepr, pyStr, truthy } from './python.js';

function fail(message: string): never {
  throw new TemplateError('template-error', message);
}

/** A term that is not a list is a list of one (Ansible's listify). */
function asList(term: unknown): unknown[] {
  return Array.isArray(term) ? term : [term];
}

/** Splices lists one level into their parent: Ansible's items are `[a, b]`, never `[[a], b]`. */
function flattenOnce(terms: readonly unknown[]): unknown[] {
  return terms.flatMap((t) => (Array.isArray(t) ? t : [t]));
}

/** with_together: the lists side by side, the short ones padded with None. */
export function together(terms: unknown[]): unknown[] {
  if (terms.length === 0) fail('with_together requires at least one element in each list');
  const lists = terms.map(asList);
  const length = Math.max(...lists.map((l) => l.length));
  return Array.from({ length }, (_, i) => flattenOnce(lists.map((l) => (i < l.length ? l[i] : null))));
}

/** with_nested / with_cartesian: every combination, the first list varying slowest. */
export function nested(terms: unknown[]): unknown[] {
  if (terms.length === 0) fail('with_nested requires at least one element in the nested list');
  const [first, ...rest] = terms.map(asList);
  let combos: unknown[] = first!;
  for (const list of rest) combos = combos.flatMap((left) => list.map((right) => flattenOnce([left, right])));
  return combos.map((c) => flattenOnce([c]));
}

/** with_indexed_items: `[index, item]` over the terms flattened one level. */
export function indexedItems(terms: unknown[]): unknown[] {
  return flattenOnce(terms).map((item, i) => [i, item]);
}

/** with_flattened: nested lists all the way down to their items. */
export function flattened(terms: unknown[]): unknown[] {
  return terms.flatMap((t) => (Array.isArray(t) ? flattened(t) : t === null || t === undefined ? [] : [t]));
}

/** with_dict: `{key, value}` for each entry of each mapping, in order. */
export function dictItems(terms: unknown[]): unknown[] {
  return terms.flatMap((t) => {
    if (!isMapping(t)) fail(`with_dict expects a dict, got: ${pyRepr(t)}`);
    return Object.entries(t).map(([key, value]) => ({ key, value }));
  });
}

export function randomChoice(terms: unknown[]): unknown[] {
  return terms.length === 0 ? [] : [terms[Math.floor(Math.random() * terms.length)]];
}

/**
 * with_subelements: `[parent, child]` for each element of the list found at `subkey` (dotted for
 * nested dicts) in each parent; the parent in the item no longer holds that list, as in Ansible.
 */
export function subelements(terms: unknown[]): unknown[] {
  const usage = 'subelements lookup expects a list of two or three items, ';
  if (terms.length < 2 || terms.length > 3) fail(usage);
  if (typeof terms[1] !== 'string') fail(`${usage}first a dict or a list, second a string pointing to the subkey`);
  const source = terms[0];
  const flags = terms[2] ?? {};
  if (!isMapping(flags)) fail(`${usage}the optional third item must be a dict with flags ('skip_missing',)`);
  const skipMissing = truthy(flags.skip_missing ?? false);
  let parents: unknown[];
  if (isMapping(source)) {
    // A registered result skipped as a whole has nothing to loop over.
    if (source.skipped !== undefined && source.skipped !== false) return [];
    parents = Object.values(source);
  } else if (Array.isArray(source)) parents = source;
  // Ansible makes any other first term a list of one: its element then fails as not a dictionary.
  else parents = [source];
  const path = (terms[1] as string).split('.');
  const out: unknown[] = [];
  for (const parent of parents) {
    if (!isMapping(parent)) fail(`subelements lookup expects a dictionary, got '${pyStr(parent)}'`);
    if (parent.skipped !== undefined && parent.skipped !== false) continue;
    const found = childList(parent, path, skipMissing);
    if (found) for (const child of found.children) out.push([found.parent, child]);
  }
  return out;
}

/** The list at `path` inside `parent`, and a copy of the parent without it; undefined when skipped. */
function childList(parent: Record<string, unknown>, path: string[], skipMissing: boolean): { parent: Record<string, unknown>; children: unknown[] } | undefined {
  const [key, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(parent, key)) {
    if (skipMissing) return undefined;
    fail(`could not find '${key}' key in iterated item '${pyRepr(parent)}'`);
  }
  const value = parent[key];
  if (rest.length === 0) {
    if (!Array.isArray(value)) fail(`the key ${key} should point to a list, got '${pyStr(value)}'`);
    const { [key]: _removed, ...without } = parent;
    return { parent: without, children: value };
  }
  if (!isMapping(value)) {
    if (skipMissing) return undefined;
    fail(`the key ${key} should point to a dictionary, got '${pyStr(value)}'`);
  }
  const inner = childList(value, rest, skipMissing);
  return inner && { parent: { ...parent, [key]: inner.parent }, children: inner.children };
}

/** Python's int(text, 0): decimal, 0x hex, 0o octal, 0b binary. */
function integer(name: string, text: string): number {
  const t = text.trim().replace(/_/g, '');
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0|[1-9]\d*)$/.exec(t);
  if (!m) fail(`can't parse ${name}=${text} as integer`);
  const n = Number(m[2]!.replace(/^0[oO]/, '0o').replace(/^0[bB]/, '0b'));
  return m[1] === '-' ? -n : n;
}

/** The `[start-]end[/stride][:format]` shortcut. */
const SHORTCUT = /^(?:([0-9a-fA-Fx]+)-)?([0-9a-fA-Fx]+)(?:\/([0-9a-fA-Fx]+))?(?::(.+))?$/s;

interface SequenceSpec {
  start: number;
  end?: number;
  count?: number;
  stride: number;
  format: string;
}

function sequenceSpec(term: string): SequenceSpec {
  const spec: SequenceSpec = { start: 1, stride: 1, format: '%d' };
  const short = SHORTCUT.exec(term.trim());
  if (short) {
    const [, start, end, stride, format] = short;
    if (start !== undefined) spec.start = integer('start', start);
    spec.end = integer('end', end!);
    if (stride !== undefined) spec.stride = integer('stride', stride);
    if (format !== undefined) spec.format = format;
    return spec;
  }
  const { args } = parseKv(term, false);
  for (const [name, value] of Object.entries(args)) {
    if (name === 'start' || name === 'end' || name === 'count' || name === 'stride') spec[name] = integer(name, pyStr(value));
    else if (name === 'format') spec.format = pyStr(value);
    else fail(`unrecognized arguments to with_sequence: ['${name}']`);
  }
  return spec;
}

/** with_sequence: numbers from start to end (inclusive) by stride, each formatted as text. */
export function sequence(terms: unknown[]): string[] {
  return terms.flatMap((term) => {
    const spec = sequenceSpec(pyStr(term));
    let { start, end, stride } = spec;
    if (spec.count === undefined && end === undefined) fail('must specify count or end in with_sequence');
    if (spec.count !== undefined && end !== undefined) fail("can't specify both count and end in with_sequence");
    if (spec.count !== undefined) {
      if (spec.count === 0) return [];
      end = start + spec.count * stride - 1;
    }
    if (stride > 0 && end! < start) fail('to count backwards make stride negative');
    if (stride < 0 && end! > start) fail("to count forward don't make stride negative");
    if (spec.format.split('%').length !== 2) fail(`bad formatting string: ${spec.format}`);
    if (stride === 0) return [];
    const out: string[] = [];
    for (let n = start; stride > 0 ? n <= end! : n >= end!; n += stride) out.push(percentFormat(spec.format, n));
    return out;
  });
}
