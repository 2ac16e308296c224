// Names every template can use without defining them: omit, lookup/query/q, range, dict, namespace.
import { TemplateError } from './errors.js';
import { lookupValue, queryValue } from './lookups.js';
import { OMIT } from './omit.js';
import { PyDateTime, strftime } from './datetime.js';
import { PyCallable, isMapping, pyIter, pyStr, truthy } from './python.js';
import type { Evaluator } from './types.js';

export const globals: Record<string, (ev: Evaluator) => unknown> = {
  omit: () => OMIT,
  lookup: (ev) => new PyCallable('lookup', (args, kwargs) => lookupValue(args, kwargs, ev)),
  query: (ev) => new PyCallable('query', (args, kwargs) => queryValue(args, kwargs, ev)),
  q: (ev) => new PyCallable('q', (args, kwargs) => queryValue(args, kwargs, ev)),
  range: () => new PyCallable('range', (args) => pyRange(args.map(Number))),
  dict: () => new PyCallable('dict', (args, kwargs) => ({ ...dictFrom(args[0]), ...kwargs })),
  namespace: () => new PyCallable('namespace', (_args, kwargs) => ({ ...kwargs })),
  vars: (ev) => varsView(ev),
  now: () =>
    new PyCallable('now', (args, kwargs) => {
      const t = new PyDateTime(new Date(), truthy(kwargs.utc ?? args[0] ?? false));
      const fmt = kwargs.fmt ?? args[1];
      return fmt === undefined || fmt === null ? t : strftime(pyStr(fmt), t);
    }),
};

/** Ansible's `vars`: every variable by name (`vars['db_' + role]`), each rendered when read. */
function varsView(ev: Evaluator): Record<string, unknown> {
  const all = ev.ctx.vars;
  const has = (key: string | symbol): key is string => typeof key === 'string' && Object.hasOwn(all, key);
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => (has(key) ? ev.variable(key) : undefined),
    has: (_t, key) => has(key),
    ownKeys: () => Object.keys(all),
    getOwnPropertyDescriptor: (_t, key) => (has(key) ? { value: ev.variable(key), enumerable: true, configurable: true, writable: false } : undefined),
  });
}

export const GLOBAL_NAMES: ReadonlySet<string> = new Set([...Object.keys(globals), 'True', 'False', 'None']);

/** dict(mapping) or dict(iterable of pairs), e.g. `dict(keys | zip(values))`. */
function dictFrom(source: unknown): Record<string, unknown> {
  if (source === undefined) return {};
  if (isMapping(source)) return { ...source };
  const out: Record<string, unknown> = {};
  for (const pair of pyIter(source)) {
    const [k, v, ...rest] = pyIter(pair);
    if (rest.length > 0 || k === undefined) throw new TemplateError('template-error', 'dict(): each element must be a (key, value) pair');
    out[pyStr(k)] = v;
  }
  return out;
}

const MAX_RANGE = 100_000;

function pyRange(args: number[]): number[] {
  const [start, stop, step] = args.length === 1 ? [0, args[0]!, 1] : [args[0]!, args[1]!, args[2] ?? 1];
  if (step === 0) throw new TemplateError('template-error', 'range() arg 3 must not be zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (out.length >= MAX_RANGE) throw new TemplateError('template-error', `range() is limited to ${MAX_RANGE} items`);
    out.push(i);
  }
  return out;
}
