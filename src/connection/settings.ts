// Ansible's connection variables (already merged for one host) -> the settings a transport needs.
// Reads nothing but the environment and home directory: files are opened when connecting.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CONNECT_TIMEOUT_SECONDS } from './connect-timeout.js';
import { BadConnectionVarsError } from './errors.js';
import { parseProxyJump, sshOptions, type JumpHost } from './ssh-args.js';
import { ShlexError } from '../util/shlex.js';

export interface ConnectOptions {
  /** Inventory name of the host, for messages; defaults to `inventory_hostname`, then the address. */
  host?: string;
  /** known_hosts file to verify against and record into (wins over UserKnownHostsFile). */
  knownHostsFile?: string;
  /** Record keys of hosts not yet known (a changed key is still refused). When false, a host's
   *  `-o StrictHostKeyChecking=accept-new` still turns it on for that host. */
  trustOnFirstUse?: boolean;
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
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  commandTimeoutMs?: number;
}

export type ConnectionKind = 'ssh' | 'local';

function str(vars: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = vars[name];
    if (v !== undefined && v !== null && v !== '') return String(v);
  }
  return undefined;
}

function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

export function connectionKind(vars: Record<string, unknown>, host: string): ConnectionKind {
  const kind = str(vars, 'ansible_connection') ?? 'ssh';
  if (kind === 'ssh' || kind === 'paramiko' || kind === 'smart') return 'ssh';
  if (kind === 'local') return 'local';
  throw new BadConnectionVarsError(host, `ansible_connection '${kind}' is not supported for ${host}`, "use 'ssh' (the default) or 'local'");
}

export function hostName(vars: Record<string, unknown>, options: ConnectOptions): string {
  return options.host ?? str(vars, 'inventory_hostname', 'ansible_host') ?? 'localhost';
}

function integer(host: string, name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BadConnectionVarsError(host, `${name} for ${host} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

export function resolveSshSettings(
  vars: Record<string, unknown>,
  options: ConnectOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): SshSettings {
  const host = hostName(vars, options);
  const ssh = sshArgOptions(host, [str(vars, 'ansible_ssh_common_args'), str(vars, 'ansible_ssh_extra_args')].filter(Boolean).join(' '));
  const address = str(vars, 'ansible_host', 'ansible_ssh_host') ?? ssh.get('hostname') ?? host;
  const portText = str(vars, 'ansible_port', 'ansible_ssh_port') ?? ssh.get('port') ?? '22';
  const port = integer(host, 'ansible_port', portText, 1, 65535);
  const user = str(vars, 'ansible_user', 'ansible_ssh_user') ?? ssh.get('user') ?? env.USER ?? 'root';

  const explicitKey = str(vars, 'ansible_ssh_private_key_file', 'ansible_private_key_file') ?? ssh.get('identityfile');
  const sshDir = join(homedir(), '.ssh');
  const defaultKeyFiles = explicitKey ? [] : ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(sshDir, f));

  let jumps: JumpHost[] = [];
  const proxyJump = ssh.get('proxyjump');
  if (proxyJump !== undefined) {
    const parsed = parseProxyJump(proxyJump);
    if (parsed === undefined) {
      throw new BadConnectionVarsError(host, `ProxyJump '${proxyJump}' for ${host} is not [user@]host[:port]`);
    }
    jumps = parsed === 'none' ? [] : parsed;
  }
  if (ssh.has('proxycommand')) {
    throw new BadConnectionVarsError(host, `ProxyCommand is not supported (host ${host})`, 'use -o ProxyJump=user@host:port instead');
  }

  // StrictHostKeyChecking=accept-new (or no) asks for exactly what trust-on-first-use does; a changed key
  // is refused either way. Either the option or the host's own ssh args can turn it on.
  const strict = ssh.get('stricthostkeychecking')?.toLowerCase();
  const trustOnFirstUse = options.trustOnFirstUse === true || strict === 'accept-new' || strict === 'no' || strict === 'off';
  const knownHostsFile = options.knownHostsFile ?? (ssh.get('userknownhostsfile')?.split(/\s+/)[0]) ?? join(sshDir, 'known_hosts');
  const timeoutText = str(vars, 'ansible_ssh_timeout', 'ansible_timeout') ?? ssh.get('connecttimeout');
  const connectTimeoutMs = options.connectTimeoutMs ?? (timeoutText ? integer(host, 'ansible_ssh_timeout', timeoutText, CONNECT_TIMEOUT_SECONDS.min, CONNECT_TIMEOUT_SECONDS.max) * 1000 : 10_000);
  const alive = ssh.get('serveraliveinterval');

  return {
    host,
    address,
    port,
    user,
    keyFiles: explicitKey ? [expandHome(explicitKey)] : [],
    defaultKeyFiles,
    passphrase: str(vars, 'ansible_ssh_private_key_passphrase', 'ansible_private_key_passphrase'),
    password: str(vars, 'ansible_password', 'ansible_ssh_pass', 'ansible_ssh_password'),
    agent: env.SSH_AUTH_SOCK || undefined,
    jumps,
    knownHostsFile: expandHome(knownHostsFile),
    globalKnownHostsFiles: options.knownHostsFile || ssh.has('userknownhostsfile') ? [] : ['/etc/ssh/ssh_known_hosts'],
    trustOnFirstUse,
    connectTimeoutMs,
    keepaliveIntervalMs: alive ? integer(host, 'ServerAliveInterval', alive, 0, 86400) * 1000 : 15_000,
    commandTimeoutMs: options.commandTimeoutMs,
  };
}

function sshArgOptions(host: string, text: string): Map<string, string> {
  try {
    return sshOptions(text);
  } catch (err) {
    if (err instanceof ShlexError) throw new BadConnectionVarsError(host, `ansible_ssh_common_args/ansible_ssh_extra_args for ${host} cannot be split: ${err.message}`);
    throw err;
  }
}
