// human_to_bytes and human_readable: sizes as people write them ('2 MB', '1.5G') and back, with
// binary multiples and Ansible's rules for which suffixes mean bytes and which bits.
import { TemplateError } from '../errors.js';
import { PyFloat } from '../py-float.js';
import { pyStr, truthy } from '../python.js';
import type { FilterDef } from '../types.js';

/** Largest first, as the search for a unit goes. */
const UNITS: readonly [string, number][] = [
  ['Y', 2 ** 80], ['Z', 2 ** 70], ['E', 2 ** 60], ['P', 2 ** 50], ['T', 2 ** 40], ['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10], ['B', 1],
];

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(n: number): number {
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The number of bytes (or bits, with isbits) a size like '10M', '1.5 GB' or '3 bytes' stands for. */
export function humanToBytes(value: unknown, defaultUnit?: unknown, isbits = false): number {
  const text = pyStr(value);
  const refuse = (): never => {
    throw new TemplateError('template-error', `human_to_bytes() can't interpret following string: ${text}`);
  };
  const match = /^\s*(\d*\.?\d*)\s*([A-Za-z]+)?/.exec(text);
  if (!match || match[1] === '' || match[1] === '.') return refuse();
  const amount = Number(match[1]);
  const unit = match[2] ?? (defaultUnit === undefined || defaultUnit === null ? undefined : pyStr(defaultUnit));
  if (unit === undefined || unit === '') return roundHalfEven(amount);
  const key = unit[0]!.toUpperCase();
  const factor = UNITS.find(([name]) => name === key)?.[1] ?? refuse();
  // 'KB' means kilobytes and 'Kb' kilobits: the second letter must say which was asked for.
  const [letter, word] = isbits ? ['b', 'bit'] : ['B', 'byte'];
  if (unit.length > 1 && !unit.toLowerCase().includes(word) && unit[1] !== letter) refuse();
  return roundHalfEven(amount * factor);
}

/** '1.43 MB' for 1500000: the largest unit the size reaches (or the one asked for), two decimals. */
export function humanReadable(value: unknown, isbits = false, unit?: unknown): string {
  const size = value instanceof PyFloat ? value.value : value;
  if (typeof size !== 'number') {
    throw new TemplateError('template-error', `human_readable() failed on bad input: expected a number, got ${pyStr(value)}`);
  }
  const base = isbits ? 'bits' : 'Bytes';
  const wanted = unit === undefined || unit === null ? undefined : pyStr(unit).toUpperCase();
  const [name, factor] = UNITS.find(([n, f]) => (wanted === undefined ? size >= f : wanted === n)) ?? UNITS[UNITS.length - 1]!;
  return `${(size / factor).toFixed(2)} ${factor === 1 ? base : `${name}${base[0]}`}`;
}

export const bytesFilters: Record<string, FilterDef> = {
  human_to_bytes: { fn: (v, [defaultUnit, isbits], kw) => humanToBytes(v, kw.default_unit ?? defaultUnit, truthy(kw.isbits ?? isbits)) },
  human_readable: { fn: (v, [isbits, unit], kw) => humanReadable(v, truthy(kw.isbits ?? isbits), kw.unit ?? unit) },
};
