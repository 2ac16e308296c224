// --list-hosts, --list-tasks, --list-tags: what would run, in ansible-playbook's layout.
import { relative } from 'node:path';
import type { Play, Playbook, Role, TaskItem } from '../playbook/types.js';
import { SecretMasker } from '../output/mask.js';
import { renderString } from './deps.js';
import { allTags, childScope, roleScope, type Scope } from './scope.js';
import { renderShown } from './task-secrets.js';
import { shouldRunByTags, type TagSelection } from './tags.js';

export type ListMode = 'hosts' | 'tasks' | 'tags';

function tagList(tags: Iterable<string>): string {
  return `[${[...tags].sort().join(', ')}]`;
}

interface Listed {
  name: string;
  tags: string[];
}

/** As ansible-playbook lists it: a named task of a role as `role : name`, an unnamed one by its action alone. */
function listedName(name: string | undefined, action: string, role: { name: string } | undefined): string {
  if (name === undefined) return action;
  return role ? `${role.name} : ${name}` : name;
}

function walk(items: readonly TaskItem[], scope: Scope, sel: TagSelection, out: Listed[]): void {
  for (const it of items) {
    if (it.kind === 'block') {
      // ansible-playbook lists a block's own tasks, not its rescue or always sections.
      walk(it.block, childScope(scope, it), sel, out);
    } else if (it.kind === 'include_role' && it.static) {
      // import_role: its tasks are part of the play, listed one by one.
      if (it.included) walk(it.included.tasks, childScope(childScope(scope, it), it.included.keywords), sel, out);
    } else if (it.kind === 'include_role' || it.kind === 'include_tasks') {
      // Dynamic: what they include is only known at run time, so the include itself is listed.
      const tags = allTags(scope, it);
      if (shouldRunByTags(tags, sel)) out.push({ name: listedName(it.name, it.kind, it.role), tags });
    } else {
      const tags = allTags(scope, it);
      if (!shouldRunByTags(tags, sel)) continue;
      out.push({ name: listedName(it.name, it.module, it.role), tags });
    }
  }
}

export function playTasks(play: Play, sel: TagSelection): Listed[] {
  const out: Listed[] = [];
  const scope: Scope = { keywords: [play] };
  walk(play.preTasks, scope, sel, out);
  const listRole = (role: Role): void => {
    role.dependencies?.forEach(listRole);
    walk(role.tasks, roleScope(scope, role), sel, out);
  };
  play.roles.forEach(listRole);
  walk(play.tasks, scope, sel, out);
  walk(play.postTasks, scope, sel, out);
  return out;
}

/** The playbook path as the user likely wrote it: relative to the working directory when inside it. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** The play's name rendered with its vars and -e, as ansible-playbook shows it (as written if that fails);
 *  secrets it reads are masked at any length, as in a task's output. */
function shownPlayName(play: Play, extraVars: Record<string, unknown>, masker: SecretMasker): string {
  const raw = play.name ?? play.hosts;
  try {
    const vars = { ...play.vars, ...extraVars };
    return renderShown(raw, masker, vars);
  } catch {
    return raw;
  }
}

/** The listing, with every secret `masker` knows (see learn-secrets.ts) masked. */
export function formatListing(mode: ListMode, playbook: Playbook, hostsPerPlay: string[][], sel: TagSelection, extraVars: Record<string, unknown> = {}, masker = new SecretMasker()): string {
  const lines = ['', `playbook: ${shownPath(playbook.file)}`];
  playbook.plays.forEach((play, i) => {
    lines.push('', `  play #${i + 1} (${play.hosts}): ${shownPlayName(play, extraVars, masker)}\tTAGS: ${tagList(play.tags)}`);
    const tasks = playTasks(play, sel);
    if (mode === 'hosts') {
      const hosts = hostsPerPlay[i] ?? [];
      lines.push(`    pattern: ['${play.hosts}']`, `    hosts (${hosts.length}):`, ...hosts.map((h) => `      ${h}`));
    } else if (mode === 'tasks') {
      lines.push('    tasks:', ...tasks.map((t) => `      ${t.name}\tTAGS: ${tagList(t.tags)}`));
    } else {
      const all = new Set(tasks.flatMap((t) => t.tags));
      lines.push(`      TASK TAGS: ${tagList(all)}`);
    }
  });
  return masker.maskString(lines.join('\n') + '\n');
}
