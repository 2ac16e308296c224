// Loops: the rendered `loop` / `with_*` value → the list of items, and the variables each item sees
// (item or loop_var, index_var, ansible_loop with extended, ansible_loop_var).
import { HaRunError } from '../errors.js';
import type { LoopControl, Task } from '../playbook/types.js';

export type LoopForm = NonNullable<Task['loopForm']>;

function describe(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

export function loopItems(value: unknown, form: LoopForm = 'loop'): unknown[] {
  switch (form) {
    case 'loop':
    case 'with_list':
      if (!Array.isArray(value)) {
        throw new HaRunError('bad-loop', `Invalid data passed to '${form}', it requires a list, got this instead: ${describe(value)}`, {
          hint: form === 'loop' ? 'use a list, or a filter that makes one (e.g. dict2items)' : undefined,
        });
      }
      return value;
    case 'with_items':
      // Ansible's `items` lookup flattens one level, and a lone value is a list of one.
      if (value === null || value === undefined) return [];
      return (Array.isArray(value) ? value : [value]).flatMap((v) => (Array.isArray(v) ? v : [v]));
    case 'with_dict':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new HaRunError('bad-loop', `with_dict expects a dict, got: ${describe(value)}`);
      }
      return Object.entries(value).map(([key, v]) => ({ key, value: v }));
    case 'with_sequence':
      return sequence(value);
    case 'with_fileglob':
      throw new HaRunError('bad-loop', 'with_fileglob is not supported; use loop with a list of files');
  }
}

/** `with_sequence: start=1 end=3 format=node%d` (or `count=`). */
function sequence(value: unknown): string[] {
  const spec: Record<string, string> = {};
  for (const part of String(value).trim().split(/\s+/)) {
    const [k, v] = part.split('=');
    if (k && v !== undefined) spec[k] = v;
    else if (k) {
      // short form: `1-5` or `1-5/2`
      const m = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(k);
      if (m) Object.assign(spec, { start: m[1], end: m[2], stride: m[3] ?? '1' });
    }
  }
  const start = Number(spec.start ?? 1);
  const stride = Number(spec.stride ?? 1);
  const end = spec.count !== undefined ? start + (Number(spec.count) - 1) * stride : Number(spec.end);
  if (![start, stride, end].every(Number.isFinite) || stride === 0) {
    throw new HaRunError('bad-loop', `with_sequence: cannot read start/end/stride/count from ${describe(value)}`);
  }
  const format = spec.format ?? '%d';
  const out: string[] = [];
  for (let n = start; stride > 0 ? n <= end : n >= end; n += stride) out.push(format.replace(/%0?(\d*)[dxXo]/, (m, w: string) => String(n).padStart(Number(w || 0), m.includes('%0') ? '0' : ' ')));
  return out;
}

export function loopVarName(lc: LoopControl | undefined): string {
  return lc?.loopVar ?? 'item';
}

/** Variables a loop iteration adds: the item, its index, `ansible_loop` (extended) and `ansible_loop_var`. */
export function itemVars(items: readonly unknown[], index: number, lc: LoopControl | undefined): Record<string, unknown> {
  const name = loopVarName(lc);
  const vars: Record<string, unknown> = { [name]: items[index], ansible_loop_var: name };
  if (lc?.indexVar) vars[lc.indexVar] = index;
  if (lc?.extended) {
    const n = items.length;
    vars.ansible_loop = {
      ...(lc.extendedAllitems === false ? {} : { allitems: items }),
      index: index + 1,
      index0: index,
      revindex: n - index,
      revindex0: n - index - 1,
      first: index === 0,
      last: index === n - 1,
      length: n,
      previtem: index > 0 ? items[index - 1] : undefined,
      nextitem: index < n - 1 ? items[index + 1] : undefined,
    };
  }
  return vars;
}

/** How an item shows up in output: `(item=...)` (the label when loop_control.label is set). */
export function itemLabel(item: unknown): string {
  if (typeof item === 'string') return item;
  return JSON.stringify(item) ?? String(item);
}
