// The connection a task uses on a host: delegated or not, play connection keywords, become (keyword or
// ansible_become* vars) and environment applied as decorators; and where controller files are found.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Connection } from '../connection/types.js';
import { HaRunError } from '../errors.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateCondition, renderString, renderValue, withBecome } from './deps.js';
import { environmentStrings, lazyConnection, withEnvironment } from './environment.js';
import { effective, effectiveRendered, keywordBoolean, type Scope } from './scope.js';
import { taskVars } from './task-vars.js';

type Vars = Record<string, unknown>;

/** Ansible truthiness for keyword values that may be templates (`ignore_errors: "{{ x }}"`). */
export function truthy(value: unknown, vars: Vars): boolean {
  if (typeof value === 'string') return evaluateCondition(value, { vars });
  return Boolean(value);
}

/** Where a module looks for controller files: the role's kind dir, the role, the playbook's kind dir, the playbook dir. */
/** Where a task's relative controller paths are looked for, in Ansible's order: its role, then the playbook's directory. */
export function searchPaths(pc: PlayContext, scope: Scope, task: Pick<Task, 'role'>): string[] {
  const rolePath = task.role?.path ?? scope.role?.ref.path;
  return rolePath ? [rolePath, pc.play.playbookDir] : [pc.play.playbookDir];
}

export function fileFinder(pc: PlayContext, scope: Scope, task: Task) {
  const bases = searchPaths(pc, scope, task);
  return (kind: 'files' | 'templates' | 'vars' | 'tasks', path: string): string => {
    if (isAbsolute(path)) return path;
    const dirs = bases.flatMap((base) => [join(base, kind), base]);
    for (const d of dirs) {
      const candidate = join(d, path);
      if (existsSync(candidate)) return candidate;
    }
    throw new HaRunError('file-not-found', `could not find '${path}' in ${dirs.join(', ')}`);
  };
}

/** The connection a task uses on a host: delegated or not, with become and environment applied. */
export async function connectionFor(pc: PlayContext, scope: Scope, task: Task, host: string, vars: Vars): Promise<{ conn: Connection; delegatedTo?: string }> {
  const { run } = pc;
  let target = host;
  let connVars: Vars = vars;
  const delegate = effective(scope, task, 'delegateTo');
  if (delegate) {
    target = renderString(String(delegate), { vars });
    if (target !== host) {
      if (run.inventory.hosts.has(target)) connVars = taskVars(pc, scope, task, target);
      else if (['localhost', '127.0.0.1', '::1'].includes(target)) connVars = { ansible_connection: 'local', inventory_hostname: target };
      else connVars = { ...vars, ansible_host: target, inventory_hostname: target };
    }
  }
  // Play keywords `connection:` and `remote_user:` apply unless the host's variables say otherwise.
  if (connVars.ansible_connection === undefined && pc.play.connection) connVars = { ...connVars, ansible_connection: pc.play.connection };
  if (connVars.ansible_user === undefined && pc.play.remoteUser) connVars = { ...connVars, ansible_user: pc.play.remoteUser };
  // Below both: the command line's -u, -c, --private-key and -T (Ansible: options < keywords < variables).
  for (const [name, value] of Object.entries(run.options.connectionDefaults ?? {})) {
    if (connVars[name] === undefined) connVars = { ...connVars, [name]: value };
  }
  if (target === 'localhost' && !run.inventory.hosts.has('localhost') && connVars.ansible_connection === undefined) {
    connVars = { ...connVars, ansible_connection: 'local' };
  }
  let conn = lazyConnection(target, () => run.pool.get(target, connVars));

  const render = (value: unknown): unknown => renderValue(value, { vars });
  const becomeKeyword = effectiveRendered(scope, task, 'become', render);
  const become = becomeKeyword !== undefined ? keywordBoolean('become', becomeKeyword) : truthy(vars.ansible_become ?? false, vars);
  if (become) {
    const user = effectiveRendered(scope, task, 'becomeUser', render) ?? vars.ansible_become_user;
    const password = vars.ansible_become_password ?? vars.ansible_become_pass;
    conn = withBecome(conn, {
      user: user === undefined ? undefined : renderString(String(user), { vars }),
      password: password === undefined ? undefined : String(password),
    });
  }
  const env: Vars = {};
  for (const k of [...scope.keywords, task]) if (k.environment) Object.assign(env, renderValue(k.environment, { vars }) as Vars);
  conn = withEnvironment(conn, environmentStrings(env));
  return { conn, delegatedTo: target === host ? undefined : target };
}
