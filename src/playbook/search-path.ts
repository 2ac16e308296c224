// Where a task's relative controller paths (files, templates, vars, lookups) are looked for: one list
// for the checks before the run and for the run itself, and the task's `ansible_search_path`.
import { dirname, join } from 'node:path';
import type { Role, Task } from './types.js';

/**
 * Ansible's order: the task's role, then the roles whose dependencies brought it (nearest first), the
 * directory of the file the task is written in (a role's tasks/, an included file's), the playbook's
 * directory. A dependency role thus finds what its dependent role ships.
 */
export function taskSearchPath(task: Pick<Task, 'role' | 'location'>, role: Role | undefined, playbookDir: string): string[] {
  const dependents: string[] = [];
  for (let r = role; r; r = r.parent) dependents.push(r.ref.path);
  const taskDir = task.location.file ? dirname(task.location.file) : undefined;
  return [...new Set([task.role?.path, ...dependents, taskDir, playbookDir].filter((d): d is string => d !== undefined))];
}

/** Each search directory's `kind` folder (`templates`, `files`, `vars`), then the directory itself. */
export function controllerDirs(kind: string, searchPath: string[]): string[] {
  return searchPath.flatMap((base) => [join(base, kind), base]);
}
