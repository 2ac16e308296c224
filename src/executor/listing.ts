// --list-hosts, --list-tasks, --list-tags: what would run, in ansible-playbook's layout.
import { relative } from 'node:path';
import type { Play, Playbook, TaskItem } from '../playbook/types.js';
import { allTags, childScope, type Scope } from './scope.js';
import { shouldRunByTags, type TagSelection } from './tags.js';

export type ListMode = 'hosts' | 'tasks' | 'tags';

function tagList(tags: Iterable<string>): string {
  return `[${[...tags].sort().join(', ')}]`;
}

interface Listed {
  name: string;
  tags: string[];
}

function walk(items: readonly TaskItem[], scope: Scope, sel: TagSelection, out: Listed[]): void {
  for (const it of items) {
    if (it.kind === 'block') {
      const inner = childScope(scope, it);
      walk([...it.block, ...it.rescue, ...it.always], inner, sel, out);
    } else if (it.kind === 'include_role') {
      if (it.included) walk(it.included.tasks, childScope(childScope(scope, it), it.included.keywords), sel, out);
    } else if (it.kind === 'include_tasks') {
      const tags = allTags(scope, it);
      if (shouldRunByTags(tags, sel)) out.push({ name: it.name ?? `include_tasks: ${it.file}`, tags });
    } else {
      const tags = allTags(scope, it);
      if (!shouldRunByTags(tags, sel)) continue;
      const name = it.name ?? it.module;
      out.push({ name: it.role ? `${it.role.name} : ${name}` : name, tags });
    }
  }
}

export function playTasks(play: Play, sel: TagSelection): Listed[] {
  const out: Listed[] = [];
  const scope: Scope = { keywords: [play] };
  walk(play.preTasks, scope, sel, out);
  for (const role of play.roles) walk(role.tasks, childScope(scope, role.keywords, { role }), sel, out);
  walk(play.tasks, scope, sel, out);
  walk(play.postTasks, scope, sel, out);
  return out;
}

/** The playbook path as the user likely wrote it: relative to the working directory when inside it. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function formatListing(mode: ListMode, playbook: Playbook, hostsPerPlay: string[][], sel: TagSelection): string {
  const lines = ['', `playbook: ${shownPath(playbook.file)}`];
  playbook.plays.forEach((play, i) => {
    lines.push('', `  play #${i + 1} (${play.hosts}): ${play.name ?? play.hosts}\tTAGS: ${tagList(play.tags)}`);
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
  return lines.join('\n') + '\n';
}
