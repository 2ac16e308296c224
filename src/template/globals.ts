// Names every template can use without defining them: omit, lookup/query/q, range, dict, namespace.
import { TemplateError } from './errors.js';
import { lookupValue, queryValue } from './lookups.js';
import { OMIT } from './omit.js';
import { PyCallable } from './python.js';
import type { Evaluator } from './types.js';

export const globals: Record<string, (ev: Evaluator) => unknown> = {
  omit: () => OMIT,
  lookup: (ev) => new PyCallable('lookup', (args, kwargs) => lookupValue(args, kwargs, ev)),
  query: (ev) => new PyCallable('query', (args, kwargs) => queryValue(args, kwargs, ev)),
  q: (ev) => new PyCallable('q', (args, kwargs) => queryValue(args, kwargs, ev)),
  range: () => new PyCallable('range', (args) => pyRange(args.map(Number))),
  dict: () => new PyCallable('dict', (args, kwargs) => ({ ...(args[0] as object | undefined), ...kwargs })),
  namespace: () => new PyCallable('namespace', (_args, kwargs) => ({ ...kwargs })),
};

export const GLOBAL_NAMES: ReadonlySet<string> = new Set([...Object.keys(globals), 'True', 'False', 'None']);

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
