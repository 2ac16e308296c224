// A task's connection variables, resolved per task as Ansible does: each one rendered like any other
// template (with the variables of the host it belongs to), then the connection keywords (connection,
// remote_user, port) below them and the command line's -c/-u/--private-key/-T below both.
import { BadConnectionVarsError, CONNECTION_VARIABLES, renderValue } from './deps.js';
import { errorMessage } from './outcomes.js';

type Vars = Record<string, unknown>;

/** The become variables read for a task (besides `ansible_become`, a condition evaluated by the executor). */
export const BECOME_VARIABLES = { user: ['ansible_become_user'], password: ['ansible_become_password', 'ansible_become_pass'], method: ['ansible_become_method'] } as const;

/** Every variable the connection or become reads: all are rendered for every task, used or not (as in Ansible). */
const RENDERED = [...Object.values(CONNECTION_VARIABLES), ...Object.values(BECOME_VARIABLES)].flat();

/** Values that are secrets once rendered: masked in all output from the moment they are known. */
export const SECRET_VARIABLES: readonly string[] = [...CONNECTION_VARIABLES.password, ...CONNECTION_VARIABLES.passphrase, ...BECOME_VARIABLES.password];

export interface ConnectionKeywords {
  connection?: string;
  remoteUser?: string;
  port?: number | string;
}

/** The connection keywords as the variables they stand for, rendered with the task's variables. */
export function keywordVars(keywords: ConnectionKeywords, vars: Vars, host: string): Vars {
  const out: Vars = {};
  const set = (name: string, keyword: string, value: unknown) => {
    if (value !== undefined) out[name] = rendered(value, vars, `${keyword} for ${host}`, host);
  };
  set('ansible_connection', 'connection', keywords.connection);
  set('ansible_user', 'remote_user', keywords.remoteUser);
  set('ansible_port', 'port', keywords.port);
  return out;
}

/**
 * The connection and become variables of `host` (the host connected to), each rendered with `context`
 * (its variables), over `fallbacks` (keywords first, then the command line, both already final): a small
 * object that says everything about the task's connection, with `inventory_hostname` set to `host`.
 */
export function renderConnectionVars(host: string, context: Vars, fallbacks: Vars[] = []): Vars {
  const out: Vars = {};
  for (const layer of [...fallbacks].reverse()) Object.assign(out, defined(layer));
  for (const name of RENDERED) {
    const value = context[name];
    if (value !== undefined && value !== null) out[name] = rendered(value, context, `${name} for ${host}`, host);
  }
  out.inventory_hostname = host;
  return out;
}

function rendered(value: unknown, vars: Vars, what: string, host: string): unknown {
  try {
    return renderValue(value, { vars });
  } catch (err) {
    throw new BadConnectionVarsError(host, `${what} cannot be rendered: ${errorMessage(err)}`, undefined, { unreachable: false });
  }
}

function defined(vars: Vars): Vars {
  return Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined && v !== null));
}
