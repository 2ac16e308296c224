// The running task's controller search path (see playbook/search-path.ts) and a finder along it.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { HaRunError } from '../errors.js';
import { controllerDirs, taskSearchPath } from '../playbook/search-path.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import type { Scope } from './scope.js';

export function searchPaths(pc: PlayContext, scope: Scope, task: Pick<Task, 'role' | 'location'>): string[] {
  return taskSearchPath(task, scope.role, pc.play.playbookDir);
}

/** Finds a controller file of a kind (files/, templates/...) along the task's search path. */
export function fileFinder(pc: PlayContext, scope: Scope, task: Task) {
  const bases = searchPaths(pc, scope, task);
  return (kind: 'files' | 'templates' | 'vars' | 'tasks', path: string): string => {
    if (isAbsolute(path)) return path;
    const searched = controllerDirs(kind, bases);
    const found = searched.map((d) => join(d, path)).find((candidate) => existsSync(candidate));
    if (found !== undefined) return found;
    throw new HaRunError('file-not-found', `could not find '${path}' in ${searched.join(', ')}`);
  };
}
