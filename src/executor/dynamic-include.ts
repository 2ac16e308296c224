// include_tasks / include_role whose file or role name is a template: only known per host at run time,
// so they are loaded (and validated, with the playbook loader's own rules) then. Static includes were
// loaded and proven before the run.
import { dirname } from 'node:path';
import { HaRunError, ValidationError, hasErrors } from '../errors.js';
import { LoadSession } from '../playbook/load-session.js';
import { normalizeTaskList } from '../playbook/normalize-tasks.js';
import { searchFile } from '../playbook/paths.js';
import { RoleLoader } from '../playbook/roles.js';
import type { IncludeRole, Role, RoleRef, TaskItem } from '../playbook/types.js';
import type { LoadedYaml } from '../source/yaml.js';

export interface IncludeOrigin {
  /** The file holding the include_tasks (relative names start beside it). */
  fromFile: string;
  playbookDir: string;
  role?: RoleRef;
}

export class IncludeLoader {
  private readonly cache = new Map<string, TaskItem[]>();

  /** Where a tasks file named in an include is: beside the including file, in the role's tasks/, the playbook dir. */
  resolve(file: string, origin: IncludeOrigin): string {
    const dirs = [dirname(origin.fromFile), ...(origin.role ? [`${origin.role.path}/tasks`] : []), origin.playbookDir];
    const { found, searched } = searchFile(file, dirs);
    if (!found) throw new HaRunError('file-not-found', `tasks file '${file}' not found (looked in: ${searched.join(', ')})`);
    return found;
  }

  load(file: string, origin: IncludeOrigin): TaskItem[] {
    const found = this.resolve(file, origin);
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

  private readonly roles = new Map<string, Role>();

  /** A role named at run time (`include_role: name: "{{ x }}"`), with its tasks_from/vars_from/... choices. */
  loadRole(name: string, inc: Pick<IncludeRole, 'from' | 'location'>, playbookDir: string): Role {
    const key = [name, inc.from?.tasks, inc.from?.vars, inc.from?.defaults, inc.from?.handlers].join('\0');
    const cached = this.roles.get(key);
    if (cached) return cached;
    const session = new LoadSession();
    // Problems point at the include_role task: the role name was only known now.
    const at: LoadedYaml = { file: inc.location.file, text: '', value: undefined, diagnostics: [], locate: () => inc.location };
    const role = new RoleLoader(session, playbookDir).load(name, { ...(inc.from ? { from: inc.from } : {}), at, path: [], stack: [] });
    if (hasErrors(session.diagnostics) || !role) throw new ValidationError(session.diagnostics);
    this.roles.set(key, role);
    return role;
  }
}
