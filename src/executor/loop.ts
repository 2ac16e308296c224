// Loops: the rendered `loop` / `with_*` value → the list of items, and the variables each item sees
// (item or loop_var, index_var, ansible_loop with extended, ansible_loop_var).
import { HaRunError } from '../errors.js';
import type { LoopControl, Task } from '../playbook/types.js';
import type { TemplateContext } from '../template/index.js';
import { isMapping, markUnsafe, pyRepr, queryLookup, renderString, TemplateError, withoutUnsafe } from './deps.js';

export type LoopForm = NonNullable<Task['loopForm']>;

/**
 * The loop's items, or undefined when the task is to be skipped: as Ansible does, a loop that names an
 * undefined variable fails the task only if its conditions, evaluated without an item, hold (or cannot
 * be evaluated); `when: false` with such a loop skips it.
 */
export function itemsUnlessSkipped(render: () => unknown[], conditionsFalse: () => boolean): unknown[] | undefined {
  try {
    return render();
  } catch (err) {
    if (!(err instanceof TemplateError) || err.code !== 'undefined-variable') throw err;
    let skip = false;
    try {
      skip = conditionsFalse();
    } catch {
      // the conditions need the item: the loop's own error is the one to report
    }
    if (skip) return undefined;
    throw err;
  }
}

/**
 * The items to loop over. `with_*` are lookups, and a lookup's result is unsafe (never rendered
 * again), as in Ansible; `loop:` items are as safe as the values they came from.
 */
export function loopItems(value: unknown, form: LoopForm = 'loop', ctx: TemplateContext = { vars: {} }): unknown[] {
  const items = itemsOf(value, form, ctx);
  return form === 'loop' ? items : (markUnsafe(items) as unknown[]);
}

function itemsOf(value: unknown, form: LoopForm, ctx: TemplateContext): unknown[] {
  switch (form) {
    case 'loop':
      if (!Array.isArray(value)) {
        throw new HaRunError('bad-loop', `Invalid data passed to 'loop', it requires a list, got this instead: ${itemLabel(value)}`, {
          hint: 'use a list, or a filter that makes one (e.g. dict2items)',
        });
      }
      return value;
    case 'with_list':
      // Ansible's `list` lookup: a lone value is a list of one; a mapping is refused with its message.
      if (isMapping(value)) throw new HaRunError('bad-loop', 'with_list expects a list');
      return Array.isArray(value) ? value : [value];
    case 'with_items':
      // Ansible's `items` lookup flattens one level, and a lone value is a list of one.
      if (value === null || value === undefined) return [];
      // A mapping is iterated as Python iterates it: its keys.
      if (isMapping(value)) return Object.keys(value);
      return (Array.isArray(value) ? value : [value]).flatMap((v) => (Array.isArray(v) ? v : [v]));
    default:
      return lookupItems(form.slice('with_'.length), value, ctx);
  }
}

/**
 * `with_<name>`: lookup <name> run on the loop's value (a lone value is a list of one term), as Ansible
 * does; a failure is the lookup's own message, as in Ansible, which the task's failure names already.
 */
function lookupItems(name: string, value: unknown, ctx: TemplateContext): unknown[] {
  // Ansible hands a mapping to the lookup as it is, and indexed_items wants a list.
  if (name === 'indexed_items' && isMapping(value)) throw new HaRunError('bad-loop', 'with_indexed_items expects a list');
  const terms = Array.isArray(value) ? value : [value];
  try {
    return queryLookup(name, terms, ctx);
  } catch (err) {
    if (err instanceof HaRunError) throw new HaRunError('bad-loop', err.message, { hint: err.hint });
    throw err;
  }
}

/** Where `with_first_found` looks, by the task's action as Ansible decides it: the first of template, var, file in its name; else files. */
export function lookupSubdirFor(action: string): 'files' | 'templates' | 'vars' {
  if (action.includes('template')) return 'templates';
  if (action.includes('var')) return 'vars';
  return 'files';
}

/** loop_control with `loop_var` and `index_var` rendered: both may be templates (`loop_var: "{{ name }}"`), as in Ansible. */
export function withRenderedNames(lc: LoopControl | undefined, vars: Record<string, unknown>): LoopControl | undefined {
  if (!lc) return lc;
  const render = (name: string | undefined) => (name !== undefined && name.includes('{') ? String(renderString(name, { vars })) : name);
  const rendered: LoopControl = { ...lc };
  const loopVar = render(lc.loopVar);
  const indexVar = render(lc.indexVar);
  if (loopVar !== undefined) rendered.loopVar = loopVar;
  if (indexVar !== undefined) rendered.indexVar = indexVar;
  return rendered;
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
      // Absent, not None, at the ends: `ansible_loop.previtem is undefined` on the first item, as in Ansible.
      ...(index > 0 ? { previtem: items[index - 1] } : {}),
      ...(index < n - 1 ? { nextitem: items[index + 1] } : {}),
    };
  }
  return vars;
}

/** How an item shows up in output: `(item=...)`, text as it is and anything else as Python prints it, as Ansible shows it (loop_control.label replaces it). */
export function itemLabel(item: unknown): string {
  item = withoutUnsafe(item);
  if (typeof item === 'string') return item;
  try {
    return pyRepr(item);
  } catch {
    return JSON.stringify(item) ?? String(item);
  }
}
