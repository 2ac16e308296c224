// include_tasks whose file name is a template: the file is only known per host at run time, so it is
// loaded (and validated, with the playbook loader's own rules) then. Static includes were loaded and
// proven before the run.
import { dirname } from 'node:path';
import { HaRunError, ValidationError, hasErrors } from '../errors.js';
import { LoadSession } from '../playbook/load-session.js';
import { normalizeTaskList } from '../playbook/normalize-tasks.js';
import { searchFile } from '../playbook/paths.js';
import { RoleLoader } from '../playbook/roles.js';
import type { RoleRef, TaskItem } from '../playbook/types.js';

export interface IncludeOrigin {
  /** The file holding the include_tasks (relative names start beside it). */
  fromFile: string;
  playbookDir: string;
  role?: RoleRef;
}

export class IncludeLoader {
  private readonly cache = new Map<string, TaskItem[]>();

  load(file: string, origin: IncludeOrigin): TaskItem[] {
    const dirs = [dirname(origin.fromFile), ...(origin.role ? [`${origin.role.path}/tasks`] : []), origin.playbookDir];
    const { found, searched } = searchFile(file, dirs);
    if (!found) throw new HaRunError('file-not-found', `tasks file '${file}' not found (looked in: ${searched.join(', ')})`);
    const cached = this.cache.get(found);
    if (cached) return cached;
    const session = new LoadSession();
    const loaded = session.read(found);
    const tasks = normalizeTaskList(loaded.value, [], {
      session,
      loaded,
      dir: dirname(found),
      playbookDir: origin.playbookDir,
      ...(origin.role ? { role: origin.role } : {}),
      stack: [origin.fromFile, found],
      roles: new RoleLoader(session, origin.playbookDir),
    });
    if (hasErrors(session.diagnostics)) throw new ValidationError(session.diagnostics);
    this.cache.set(found, tasks);
    return tasks;
  }
}
