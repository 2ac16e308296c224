// Which places of a playbook Ansible certainly evaluates on every run: a problem found there (an
// undefined variable, an unknown filter) certainly fails the run, so it is an error before connecting.
// A problem anywhere else (a task under `when`, a loop, ignore_errors, a rescued block, a handler, a
// variable's value that may never be read, a task name) is only a warning: Ansible may well run the
// playbook to its end, and ha-run then fails at run time exactly where Ansible would.
import { shouldRunByTags, type TagSelection } from '../../executor/tags.js';
import type { PathSegment } from '../../source/yaml.js';
import { sourceOf } from '../source-map.js';
import type { InheritableKeywords, Play, Playbook, Role, TaskItem } from '../types.js';

/** Keys whose values are names, labels or lazily read variables: a problem there never certainly fails. */
const NEVER_CERTAIN_KEYS = new Set(['name', 'vars', 'tags', 'notify', 'listen', 'register', 'loop_control', 'block', 'rescue', 'always']);

interface Reach {
  /** The item is reached on every run and its loop fails it (not forgiven, no `when` that Ansible then checks first). */
  head: boolean;
  /** Its `when` is evaluated (reached, and no loop that may be empty). */
  condition: boolean;
  /** Its module arguments and other keywords are evaluated too, and a failure there is not forgiven. */
  body: boolean;
}

export interface RunCertainty {
  /** Is the YAML value at `path` in `file` certainly evaluated by every run? */
  at(file: string, path: readonly PathSegment[]): boolean;
  /** Is this task or include certainly run, its arguments evaluated (a template file it renders, the file it includes)? */
  runs(item: TaskItem): boolean;
}

/** A guard that makes everything below it uncertain: a condition, a loop, or failures that are forgiven. */
function guards(k: InheritableKeywords & { loop?: unknown }): boolean {
  return k.when.length > 0 || k.loop !== undefined || (k.ignoreErrors !== undefined && k.ignoreErrors !== false);
}

export function runCertainty(playbook: Playbook, playHasHosts: readonly boolean[], tags: TagSelection = { only: [], skip: [] }): RunCertainty {
  const reach = new Map<string, Reach>();
  const certain = new Set<TaskItem>();
  const note = (item: object, r: Reach): void => {
    const src = sourceOf(item);
    if (!src) return;
    const key = keyOf(src.loaded.file, src.path);
    const was = reach.get(key);
    // A file included from several places: certain if any of them reaches it for sure.
    reach.set(key, { head: r.head || (was?.head ?? false), condition: r.condition || (was?.condition ?? false), body: r.body || (was?.body ?? false) });
  };

  const visitItems = (items: readonly TaskItem[], reached: boolean, tagsAbove: readonly string[]): void => {
    for (const item of items) visitItem(item, reached, tagsAbove);
  };
  const visitItem = (item: TaskItem, reached: boolean, tagsAbove: readonly string[]): void => {
    const itemTags = [...tagsAbove, ...item.tags];
    const head = reached && shouldRunByTags(itemTags, tags);
    const body = head && !guards(item);
    // A loop that may be empty, or ignore_errors (which forgives a failing condition too), makes `when` uncertain.
    const forgiving = item.ignoreErrors !== undefined && item.ignoreErrors !== false;
    note(item, { head: head && !forgiving && item.when.length === 0, condition: head && !forgiving && !('loop' in item && item.loop !== undefined), body });
    if (body) certain.add(item);
    if (item.kind === 'block') {
      // A failure in a block with a rescue is forgiven; the rescue runs only after one.
      visitItems(item.block, body && item.rescue.length === 0, itemTags);
      visitItems(item.rescue, false, itemTags);
      visitItems(item.always, body, itemTags);
    } else if (item.kind === 'include_tasks') {
      visitItems(item.tasks ?? [], body && !(item.apply && guards(item.apply)), itemTags);
    } else if (item.kind === 'include_role' && item.included) {
      visitRole(item.included, body && !(item.apply && guards(item.apply)), itemTags);
    }
  };
  const visitRole = (role: Role, reached: boolean, tagsAbove: readonly string[]): void => {
    const roleTags = [...tagsAbove, ...role.keywords.tags];
    const inside = reached && !guards(role.keywords);
    for (const dep of role.dependencies ?? []) visitRole(dep, inside, roleTags);
    visitItems(role.tasks, inside, roleTags);
    // Handlers run only when notified.
    visitItems(role.handlers, false, roleTags);
  };

  // A play's host pattern is rendered before anything runs.
  const plays = new Set<string>();
  playbook.plays.forEach((play: Play, i) => {
    const src = sourceOf(play);
    if (src) plays.add(keyOf(src.loaded.file, src.path));
    const reached = (playHasHosts[i] ?? false) && !guards(play);
    for (const role of play.roles) visitRole(role, reached, play.tags);
    for (const list of [play.preTasks, play.tasks, play.postTasks]) visitItems(list, reached, play.tags);
    visitItems(play.handlers, false, play.tags);
  });

  return {
    at(file, path) {
      for (let depth = path.length - 1; depth >= 0; depth--) {
        if (path[depth] === 'hosts' && plays.has(keyOf(file, path.slice(0, depth)))) return true;
        const r = reach.get(keyOf(file, path.slice(0, depth)));
        if (!r) continue;
        const key = path[depth];
        if (typeof key !== 'string' || NEVER_CERTAIN_KEYS.has(key)) return false;
        if (key === 'loop' || key.startsWith('with_')) return r.head;
        return key === 'when' ? r.condition : r.body;
      }
      return false;
    },
    runs: (item) => certain.has(item),
  };
}

function keyOf(file: string, path: readonly PathSegment[]): string {
  return `${file}\0${path.join('\0')}`;
}
