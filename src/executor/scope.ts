// The keywords a task inherits from its play, role, blocks and includes, and how they combine:
// `when` and `tags` accumulate; every other keyword is the innermost one that is set.
import type { InheritableKeywords, Role, Task } from '../playbook/types.js';
import { HaRunError } from '../errors.js';
import { ancestry } from '../playbook/roles.js';
import { booleanOf, isOmit } from './deps.js';

export interface Scope {
  /** Outermost (play) first. */
  keywords: InheritableKeywords[];
  role?: Role;
  /** Per-host variables of include_tasks / include_role (their vars + the loop item). */
  includeParams?: Map<string, Record<string, unknown>>;
  /** Inside a block that has a rescue: a failure here is not (yet) fatal for any_errors_fatal. */
  rescuable?: boolean;
  /** Running a handler (the tasks of an include_tasks handler too): reported as handlers, not filtered by tags. */
  handler?: boolean;
}

export function childScope(parent: Scope, keywords: InheritableKeywords, extra: Partial<Scope> = {}): Scope {
  return {
    keywords: [...parent.keywords, keywords],
    role: extra.role ?? parent.role,
    includeParams: extra.includeParams ?? parent.includeParams,
    rescuable: extra.rescuable ?? parent.rescuable,
    handler: extra.handler ?? parent.handler,
  };
}

type Single = Exclude<keyof InheritableKeywords, 'when' | 'tags' | 'vars' | 'notify'>;

/** The innermost value of a keyword, task first. */
export function effective<K extends Single>(scope: Scope, task: InheritableKeywords, key: K): InheritableKeywords[K] {
  if (task[key] !== undefined) return task[key];
  for (let i = scope.keywords.length - 1; i >= 0; i--) {
    const v = scope.keywords[i]![key];
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Like effective, for keywords that may be templates: each value is rendered, and one that renders to
 * `omit` counts as not written there, so the next one out applies (as Ansible resets an omitted keyword).
 */
export function effectiveRendered<K extends Single>(scope: Scope, task: InheritableKeywords, key: K, render: (value: unknown) => unknown): unknown {
  for (const k of [task, ...[...scope.keywords].reverse()]) {
    if (k[key] === undefined) continue;
    const value = render(k[key]);
    if (!isOmit(value)) return value;
  }
  return undefined;
}

/** A rendered boolean keyword (`become: "{{ flag }}"`): Ansible's yes/no words, or an error naming the keyword. */
export function keywordBoolean(keyword: string, value: unknown): boolean {
  const b = booleanOf(value);
  if (b === undefined) throw new HaRunError('invalid-keyword', `the field '${keyword}' has an invalid value (${String(value)}) and could not be converted to a boolean`);
  return b;
}

/** The handlers a task notifies: its own, or else those of the innermost block or import_tasks that names some. */
export function notifiedBy(scope: Scope, task: Task): string[] {
  if (task.notify.length > 0) return task.notify;
  for (let i = scope.keywords.length - 1; i >= 0; i--) {
    const names = scope.keywords[i]!.notify;
    if (names !== undefined) return names;
  }
  return [];
}

/** Every condition from the outermost scope in, each once (the loader may already have copied them down). */
export function allConditions(scope: Scope, task: InheritableKeywords): string[] {
  const seen = new Set<string>();
  for (const k of [...scope.keywords, task]) for (const c of k.when ?? []) seen.add(typeof c === 'string' ? c : String(c));
  return [...seen];
}

export function allTags(scope: Scope, task: InheritableKeywords): string[] {
  const tags = new Set<string>();
  for (const k of [...scope.keywords, task]) for (const t of k.tags ?? []) tags.add(String(t));
  return [...tags];
}

/** Block and include-level vars (everything inside the play), outer to inner; the play's own vars are apart. */
export function blockVars(scope: Scope): Record<string, unknown>[] {
  return scope.keywords.slice(1).map((k) => k.vars ?? {});
}

/** The scope of a role's tasks: the keywords of each role whose dependencies brought it, outermost first, then its own. */
export function roleScope(base: Scope, role: Role): Scope {
  return ancestry(role).reduce((scope, r) => childScope(scope, r.keywords, { role: r }), base);
}
