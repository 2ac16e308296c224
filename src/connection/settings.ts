// Ansible's connection variables (already merged for one host) -> the settings a transport needs.
// Reads nothing but the environment and home directory: files are opened when connecting.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CONNECT_TIMEOUT_SECONDS } from './connect-timeout.js';
import { BadConnectionVarsError } from './errors.js';
import { parseProxyJump, sshOptions, type JumpHost } from './ssh-args.js';
import { ShlexError } from '../util/shlex.js';
import type { RecordedHostKey } from './host-key-record.js';

export interface ConnectOptions {
  /** Inventory name of the host, for messages; defaults to `inventory_hostname`, then the address. */
  host?: string;
  /** known_hosts file to verify against and record into (wins over UserKnownHostsFile). */
  knownHostsFile?: string;
  /** Record keys of hosts not yet known (a changed key is still refused). When false, a host's
   *  `-o StrictHostKeyChecking=accept-new` still turns it on for that host. */
  trustOnFirstUse?: boolean;
  /** Told of every key recorded on first use (the run announces each one). */
  onHostKeyRecorded?: (record: RecordedHostKey) => void;
  connectTimeoutMs?: number;
  /** Default per-command timeout; none when omitted. */
  commandTimeoutMs?: number;
}

export interface SshSettings {
  host: string;
  address: string;
  port: number;
  user: string;
  /** Explicit key files (ansible_ssh_private_key_file, IdentityFile); their problems are errors. */
  keyFiles: string[];
  /** ~/.ssh/id_* tried when no key is given, as ssh does; unusable ones are skipped quietly. */
  defaultKeyFiles: string[];
  passphrase?: string;
  password?: string;
  /** ssh-agent socket (SSH_AUTH_SOCK). */
  agent?: string;
  jumps: JumpHost[];
  knownHostsFile: string;
  /** Read-only system-wide known hosts, consulted like ssh does. */
  globalKnownHostsFiles: string[];
  trustOnFirstUse: boolean;
  /** Why trust on first use is on, for the announcement of each recorded key. */
  trustedBy?: string;
  onHostKeyRecorded?: (record: RecordedHostKey) => void;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  commandTimeoutMs?: number;
}

export type ConnectionKind = 'ssh' | 'local';

/** The variables each connection setting is read from, Ansible's name first, then its aliases (first set wins). */
export const CONNECTION_VARIABLES = {
  connection: ['ansible_connection'],
  address: ['ansible_host', 'ansible_ssh_host'],
  port: ['ansible_port', 'ansible_ssh_port'],
  user: ['ansible_user', 'ansible_ssh_user'],
  keyFile: ['ansible_ssh_private_key_file', 'ansible_private_key_file'],
  passphrase: ['ansible_ssh_private_key_passphrase', 'ansible_private_key_passphrase'],
  password: ['ansible_password', 'ansible_ssh_pass', 'ansible_ssh_password'],
  sshArgs: ['ansible_ssh_common_args', 'ansible_ssh_extra_args'],
  timeout: ['ansible_ssh_timeout', 'ansible_timeout'],
} as const;

/** The first of `names` that is set, with the name it was found under (for messages). */
function setting(vars: Record<string, unknown>, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const v = vars[name];
    if (v !== undefined && v !== null && v !== '') return { name, value: String(v) };
  }
  return undefined;
}

function str(vars: Record<string, unknown>, names: readonly string[]): string | undefined {
  return setting(vars, names)?.value;
}

/** Settings that cannot work are the task's failure (as in Ansible), not the host's: nothing was tried yet. */
function invalid(host: string, message: string, hint?: string): BadConnectionVarsError {
  return new BadConnectionVarsError(host, message, hint, { unreachable: false });
}

function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

export function connectionKind(vars: Record<string, unknown>, host: string): ConnectionKind {
  const kind = str(vars, CONNECTION_VARIABLES.connection) ?? 'ssh';
  if (kind === 'ssh' || kind === 'paramiko' || kind === 'smart') return 'ssh';
  if (kind === 'local') return 'local';
  throw invalid(host, `ansible_connection '${kind}' is not supported for ${host}`, "use 'ssh' (the default) or 'local'");
}

export function hostName(vars: Record<string, unknown>, options: ConnectOptions): string {
  return options.host ?? str(vars, ['inventory_hostname', 'ansible_host']) ?? 'localhost';
}

function integer(host: string, name: string, raw: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(host, `${name} for ${host} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** The port the variables ask for, checked (also for a local connection, where Ansible checks it too). */
export function portSetting(vars: Record<string, unknown>, host: string, fromSshArgs?: string): number {
  const port = setting(vars, CONNECTION_VARIABLES.port) ?? optional('Port in ansible_ssh_common_args/ansible_ssh_extra_args', fromSshArgs);
  return port ? integer(host, port.name, port.value, 1, 65535) : 22;
}

export function resolveSshSettings(
  vars: Record<string, unknown>,
  options: ConnectOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): SshSettings {
  const host = hostName(vars, options);
  const ssh = sshArgOptions(host, CONNECTION_VARIABLES.sshArgs.map((name) => str(vars, [name])).filter(Boolean).join(' '));
  const address = str(vars, CONNECTION_VARIABLES.address) ?? ssh.get('hostname') ?? host;
  const port = portSetting(vars, host, ssh.get('port'));
  const user = str(vars, CONNECTION_VARIABLES.user) ?? ssh.get('user') ?? env.USER ?? 'root';

  const explicitKey = str(vars, CONNECTION_VARIABLES.keyFile) ?? ssh.get('identityfile');
  const sshDir = join(homedir(), '.ssh');
  const defaultKeyFiles = explicitKey ? [] : ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(sshDir, f));

  let jumps: JumpHost[] = [];
  const proxyJump = ssh.get('proxyjump');
  if (proxyJump !== undefined) {
    const parsed = parseProxyJump(proxyJump);
    if (parsed === undefined) {
      throw invalid(host, `ProxyJump '${proxyJump}' for ${host} is not [user@]host[:port]`);
    }
    jumps = parsed === 'none' ? [] : parsed;
  }
  if (ssh.has('proxycommand')) {
    throw invalid(host, `ProxyCommand is not supported (host ${host})`, 'use -o ProxyJump=user@host:port instead');
  }

  // StrictHostKeyChecking=accept-new (or no) asks for exactly what trust-on-first-use does; a changed key
  // is refused either way. Either the option or the host's own ssh args can turn it on.
  const strict = ssh.get('stricthostkeychecking')?.toLowerCase();
  const trustedBy =
    options.trustOnFirstUse === true ? '--trust-new-host-keys'
    : strict === 'accept-new' || strict === 'no' || strict === 'off' ? `StrictHostKeyChecking=${strict} in ${sshArgsNaming(vars, 'stricthostkeychecking')}`
    : undefined;
  const trustOnFirstUse = trustedBy !== undefined;
  const knownHostsFile = options.knownHostsFile ?? (ssh.get('userknownhostsfile')?.split(/\s+/)[0]) ?? join(sshDir, 'known_hosts');
  const timeout = setting(vars, CONNECTION_VARIABLES.timeout) ?? optional('ConnectTimeout', ssh.get('connecttimeout'));
  const connectTimeoutMs = options.connectTimeoutMs ?? (timeout ? integer(host, timeout.name, timeout.value, CONNECT_TIMEOUT_SECONDS.min, CONNECT_TIMEOUT_SECONDS.max) * 1000 : 10_000);
  const alive = ssh.get('serveraliveinterval');

  return {
    host,
    address,
    port,
    user,
    keyFiles: explicitKey ? [expandHome(explicitKey)] : [],
    defaultKeyFiles,
    passphrase: str(vars, CONNECTION_VARIABLES.passphrase),
    password: str(vars, CONNECTION_VARIABLES.password),
    agent: env.SSH_AUTH_SOCK || undefined,
    jumps,
    knownHostsFile: expandHome(knownHostsFile),
    globalKnownHostsFiles: options.knownHostsFile || ssh.has('userknownhostsfile') ? [] : ['/etc/ssh/ssh_known_hosts'],
    trustOnFirstUse,
    ...(trustedBy ? { trustedBy } : {}),
    ...(options.onHostKeyRecorded ? { onHostKeyRecorded: options.onHostKeyRecorded } : {}),
    connectTimeoutMs,
    keepaliveIntervalMs: alive ? integer(host, 'ServerAliveInterval', alive, 0, 86400) * 1000 : 15_000,
    commandTimeoutMs: options.commandTimeoutMs,
  };
}

function sshArgOptions(host: string, text: string): Map<string, string> {
  try {
    return sshOptions(text);
  } catch (err) {
    if (err instanceof ShlexError) throw invalid(host, `ansible_ssh_common_args/ansible_ssh_extra_args for ${host} cannot be split: ${err.message}`);
    throw err;
  }
}

/** Which of the ssh-args variables sets `option` (for messages). */
function sshArgsNaming(vars: Record<string, unknown>, option: string): string {
  return CONNECTION_VARIABLES.sshArgs.find((name) => str(vars, [name])?.toLowerCase().includes(option)) ?? CONNECTION_VARIABLES.sshArgs[0];
}

function optional(name: string, value: string | undefined): { name: string; value: string } | undefined {
  return value === undefined ? undefined : { name, value };
}
