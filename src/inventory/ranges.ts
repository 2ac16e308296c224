// Host ranges as Ansible writes them: `node[1:3]`, `web[01:10:2]` (zero-padded), `db-[a:c]`, several per name.

export class HostRangeError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
    this.name = 'HostRangeError';
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** A typo like `[1:100000000]` must not freeze the machine. */
export const MAX_RANGE_HOSTS = 100_000;

export function hasHostRange(name: string): boolean {
  return name.includes('[');
}

/** Expands every `[begin:end(:step)]` in `name`; a name without one is returned as is. Throws HostRangeError. */
export function expandHostRange(name: string): string[] {
  const out: string[] = [];
  expandInto(name, name, out);
  return out;
}

function expandInto(name: string, original: string, out: string[]): void {
  const open = name.indexOf('[');
  if (open === -1) {
    out.push(name);
    return;
  }
  const close = name.indexOf(']', open);
  if (close === -1) throw new HostRangeError(`host range in '${original}' has '[' without a closing ']'`, original);
  const head = name.slice(0, open);
  const tail = name.slice(close + 1);
  for (const item of rangeItems(name.slice(open + 1, close), original)) {
    expandInto(head + item + tail, original, out);
    if (out.length > MAX_RANGE_HOSTS) throw new HostRangeError(`host range in '${original}' expands to more than ${MAX_RANGE_HOSTS} hosts`, original);
  }
}

function rangeItems(spec: string, original: string): string[] {
  const bounds = spec.split(':');
  if (bounds.length !== 2 && bounds.length !== 3) {
    throw new HostRangeError(`host range '[${spec}]' in '${original}' must be [begin:end] or [begin:end:step]`, original);
  }
  const begin = bounds[0] === '' ? '0' : bounds[0]!;
  const end = bounds[1]!;
  const stepText = bounds[2] ?? '1';
  if (end === '') throw new HostRangeError(`host range '[${spec}]' in '${original}' has no end value`, original);
  if (!/^\d+$/.test(stepText) || Number(stepText) === 0) {
    throw new HostRangeError(`host range '[${spec}]' in '${original}' needs a positive whole step, not '${stepText}'`, original);
  }
  const step = Number(stepText);
  const padded = begin.length > 1 && begin.startsWith('0');
  if (padded && begin.length !== end.length) {
    throw new HostRangeError(`host range '[${spec}]' in '${original}': zero-padded begin and end must have the same width`, original);
  }
  const beginLetter = begin.length === 1 ? LETTERS.indexOf(begin) : -1;
  const endLetter = end.length === 1 ? LETTERS.indexOf(end) : -1;
  if (beginLetter !== -1 && endLetter !== -1) {
    if (beginLetter > endLetter) throw new HostRangeError(`host range '[${spec}]' in '${original}' must have begin <= end`, original);
    const items: string[] = [];
    for (let i = beginLetter; i <= endLetter; i += step) items.push(LETTERS[i]!);
    return items;
  }
  if (!/^\d+$/.test(begin) || !/^\d+$/.test(end)) {
    throw new HostRangeError(`host range '[${spec}]' in '${original}' must be numbers or single letters`, original);
  }
  const from = Number(begin);
  const to = Number(end);
  // Ansible silently yields no hosts here; that is always a typo, so say so.
  if (from > to) throw new HostRangeError(`host range '[${spec}]' in '${original}' must have begin <= end`, original);
  if ((to - from) / step >= MAX_RANGE_HOSTS) {
    throw new HostRangeError(`host range in '${original}' expands to more than ${MAX_RANGE_HOSTS} hosts`, original);
  }
  const items: string[] = [];
  for (let i = from; i <= to; i += step) items.push(padded ? String(i).padStart(begin.length, '0') : String(i));
  return items;
}
