// The connection a task uses on a host: delegated or not, play connection keywords, become (keyword or
// ansible_become* vars) and environment applied as decorators.
import type { ConnectionTarget } from '../connection/target.js';
import type { Connection } from '../connection/types.js';
import { HaRunError } from '../errors.js';
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { evaluateCondition, renderString, renderValue, withBecome } from './deps.js';
import { keywordVars, renderConnectionVars, SECRET_VARIABLES } from './connection-vars.js';
import { environmentStrings, lazyConnection, mergedEnvironment, withEnvironment } from './environment.js';
import { effective, effectiveRendered, keywordBoolean, type Scope } from './scope.js';
import { taskVars } from './task-vars.js';

type Vars = Record<string, unknown>;

/** Ansible truthiness for keyword values that may be templates (`ignore_errors: "{{ x }}"`). */
export function truthy(value: unknown, vars: Vars): boolean {
  if (typeof value === 'string') return evaluateCondition(value, { vars });
  return Boolean(value);
}

/** The connection a task uses on a host: delegated or not, with become and environment applied. Its
 *  variables are rendered and checked here, for every task (as Ansible does), before anything connects. */
export async function connectionFor(
  pc: PlayContext,
  scope: Scope,
  task: Task,
  host: string,
  vars: Vars,
  /** What the decorators wrap instead of the pool's connection (look-ahead records through it). */
  openBase?: (target: string, endpoint: ConnectionTarget) => Connection,
): Promise<{ conn: Connection; delegatedTo?: string }> {
  const { run } = pc;
  const { target, context } = delegation(pc, scope, task, host, vars);
  const keywords = keywordVars(
    { connection: effective(scope, task, 'connection'), remoteUser: effective(scope, task, 'remoteUser'), port: effective(scope, task, 'port') },
    vars,
    host,
  );
  // Ansible: command-line options < keywords < variables.
  const connVars = renderConnectionVars(target, context, [keywords, run.options.connectionDefaults ?? {}]);
  if (target === 'localhost' && !run.inventory.hosts.has('localhost') && connVars.ansible_connection === undefined) {
    connVars.ansible_connection = 'local';
  }
  for (const name of SECRET_VARIABLES) if (connVars[name] !== undefined) run.masker.add(String(connVars[name]));
  const endpoint = run.pool.resolve(target, connVars);
  let conn = openBase ? openBase(target, endpoint) : lazyConnection(target, () => run.pool.open(endpoint));

  const render = (value: unknown): unknown => renderValue(value, { vars });
  const becomeKeyword = effectiveRendered(scope, task, 'become', render);
  const become = becomeKeyword !== undefined ? keywordBoolean('become', becomeKeyword) : truthy(context.ansible_become ?? false, context);
  if (become) {
    const method = effectiveRendered(scope, task, 'becomeMethod', render) ?? connVars.ansible_become_method ?? 'sudo';
    if (method !== 'sudo') {
      throw new HaRunError('become-method-unsupported', `become method '${String(method)}' is not available in ha-run: it becomes another user with sudo only`, {
        hint: 'use become_method: sudo (the target needs sudo), or log in as that user with remote_user',
      });
    }
    const keyword = effectiveRendered(scope, task, 'becomeUser', render);
    const user = keyword ?? connVars.ansible_become_user;
    const password = connVars.ansible_become_password ?? connVars.ansible_become_pass;
    conn = withBecome(conn, {
      user: user === undefined ? undefined : String(user),
      password: password === undefined ? undefined : String(password),
    });
  }
  const written = [...scope.keywords, task].flatMap((k) => (k.environment === undefined ? [] : [k.environment]));
  conn = withEnvironment(conn, environmentStrings(mergedEnvironment(written, render)));
  return { conn, delegatedTo: target === host ? undefined : target };
}

/**
 * Where a task runs: its host, or its `delegate_to` target; and `context`, the variables its connection and
 * become settings come from and are rendered with: the target's own for an inventory host, else the host's
 * with a local connection (implicit localhost) or the target as address, except `inventory_hostname`, which
 * stays the host the task runs for (as Ansible renders them).
 */
function delegation(pc: PlayContext, scope: Scope, task: Task, host: string, vars: Vars): { target: string; context: Vars } {
  const delegate = effective(scope, task, 'delegateTo');
  const target = delegate ? renderString(String(delegate), { vars }) : host;
  if (target === host) return { target, context: vars };
  let targetVars: Vars;
  if (pc.run.inventory.hosts.has(target)) targetVars = taskVars(pc, scope, task, target);
  else if (['localhost', '127.0.0.1', '::1'].includes(target)) targetVars = { ...vars, ansible_connection: 'local', inventory_hostname: target };
  else {
    targetVars = { ...vars, ansible_host: target, inventory_hostname: target };
    // The implicit localhost's own `local` is not the connection to another address.
    if (host === 'localhost' && !pc.run.inventory.hosts.has(host) && targetVars.ansible_connection === 'local') delete targetVars.ansible_connection;
  }
  return { target, context: { ...targetVars, inventory_hostname: host } };
}
