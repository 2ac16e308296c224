// random and shuffle: with a seed, Python's generator seeded the same way, so the result is the one
// Ansible renders (a cron minute spread by host name stays put); without one, the system's randomness.
import { randomInt } from 'node:crypto';
import { PythonRandom, randrange, shuffled, type Draws } from '../../util/python-random.js';
import { TemplateError } from '../errors.js';
import { isMapping, pyStr, truthy } from '../python.js';
import type { FilterDef } from '../types.js';

const systemRandom: Draws = { below: (n) => randomInt(n) };

function generator(seed: unknown): Draws {
  if (seed === undefined || seed === null) return systemRandom;
  if (typeof seed === 'number' && Number.isInteger(seed)) return new PythonRandom(seed);
  if (typeof seed === 'boolean') return new PythonRandom(seed ? 1 : 0);
  return new PythonRandom(pyStr(seed));
}

function wholeNumber(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new TemplateError('template-error', `random: ${what} must be a whole number, got ${pyStr(v)}`);
}

/** `end | random(start=0, step=1, seed=None)`: a number in range(start, end, step), or one item of a list or string. */
function randomFilter(end: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const [start = kwargs.start, step = kwargs.step, seed = kwargs.seed] = args;
  const draws = generator(seed);
  if (typeof end === 'number') {
    const from = start === undefined || start === null || start === 0 ? 0 : wholeNumber(start, 'start');
    const by = step === undefined || step === null || step === 0 ? 1 : wholeNumber(step, 'step');
    try {
      return randrange(draws, from, wholeNumber(end, 'the end'), by);
    } catch (err) {
      if (err instanceof RangeError) throw new TemplateError('template-error', `random: ${err.message}`);
      throw err;
    }
  }
  if ((start !== undefined && start !== null && truthy(start)) || (step !== undefined && step !== null && truthy(step))) {
    throw new TemplateError('template-error', 'start and step can only be used with integer values');
  }
  const items = typeof end === 'string' ? [...end] : Array.isArray(end) ? end : isMapping(end) ? Object.keys(end) : undefined;
  if (!items) throw new TemplateError('template-error', `random: cannot pick from ${pyStr(end)}`);
  if (items.length === 0) throw new TemplateError('template-error', 'random: cannot choose from an empty sequence');
  return items[draws.below(items.length)];
}

/** `list | shuffle(seed=None)`: a new list; as Ansible, a value that is not a sequence comes back as it is. */
function shuffleFilter(value: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const seed = args[0] ?? kwargs.seed;
  const items = typeof value === 'string' ? [...value] : Array.isArray(value) ? value : isMapping(value) ? Object.keys(value) : undefined;
  if (!items) return value;
  return shuffled(seed !== undefined && seed !== null && truthy(seed) ? generator(seed) : systemRandom, items);
}

export const randomFilters: Record<string, FilterDef> = {
  random: { fn: randomFilter },
  shuffle: { fn: shuffleFilter },
};
