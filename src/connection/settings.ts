// Ansible's connection variables (already merged for one host) -> the settings a transport needs.
// Reads the environment and the ssh client configuration (~/.ssh/config, /etc/ssh/ssh_config or -F FILE);
// key files are opened when connecting.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SourceLocation } from '../errors.js';
import { CONNECT_TIMEOUT_SECONDS } from './connect-timeout.js';
import { BadConnectionVarsError } from './errors.js';
import { CONFIG_FILE_OPTION, proxyJumpHops, sshOptions, type JumpHost } from './ssh-args.js';
import { lookupHostConfig, sshConfigFiles, type HostSshConfig, type SshConfigFile, type SshConfigValue } from './ssh-config/lookup.js';
import { expandTokens, type TokenValues } from './ssh-config/tokens.js';
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
  /** What turned trustOnFirstUse on, for each recorded key's announcement (default --trust-new-host-keys). */
  trustedBy?: string;
  /** ssh options from ansible.cfg (ssh_args...), below each host's ansible_ssh_common_args/extra_args. */
  sshArgs?: string;
  /** The ssh client configuration files to read instead of ~/.ssh/config and /etc/ssh/ssh_config. */
  sshConfigFiles?: SshConfigFile[];
}

export interface SshSettings {
  host: string;
  address: string;
  port: number;
  user: string;
  /** Explicit key files (ansible_ssh_private_key_file, IdentityFile); their problems are errors. */
  keyFiles: string[];
  /** IdentityFile lines of the ssh config: tried after keyFiles; missing or unusable ones are skipped (and
   *  said so when authentication fails), as ssh does. */
  configKeyFiles?: string[];
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
  /** Attempts to connect after a failed one (ansible_ssh_retries): only when the host could not be reached. */
  retries: number;
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
  retries: ['ansible_ssh_retries'],
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

function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
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
export function portSetting(vars: Record<string, unknown>, host: string, fallback?: { name: string; value: string }): number {
  const port = setting(vars, CONNECTION_VARIABLES.port) ?? fallback;
  return port ? integer(host, port.name, port.value, 1, 65535) : 22;
}

export function resolveSshSettings(
  vars: Record<string, unknown>,
  options: ConnectOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): SshSettings {
  const host = hostName(vars, options);
  const home = env.HOME || homedir();
  const localUser = env.USER ?? 'root';
  const argsText = [...CONNECTION_VARIABLES.sshArgs.map((name) => str(vars, [name])), options.sshArgs].filter(Boolean).join(' ');
  const ssh = sshArgOptions(host, argsText);
  // ssh is given ansible_host (else the inventory name) and matches it against the config's Host lines.
  const explicitAddress = str(vars, CONNECTION_VARIABLES.address);
  const destination = explicitAddress ?? host;
  const configFile = ssh.get(CONFIG_FILE_OPTION);
  const files = options.sshConfigFiles ?? sshConfigFiles(home, configFile === undefined ? undefined : resolve(expandHome(configFile, home)));
  const config = readHostConfig(host, destination, files, home);
  // The command line's -o options come before the config files (ssh: first value wins).
  const pick = (keyword: string, what = keyword): { name: string; value: string } | undefined => {
    const fromArgs = ssh.get(keyword.toLowerCase());
    if (fromArgs !== undefined) return { name: `${what} in ansible_ssh_common_args/ansible_ssh_extra_args`, value: fromArgs };
    const fromConfig = config.values.get(keyword.toLowerCase());
    return fromConfig ? { name: `${what} (${where(fromConfig.at)})`, value: fromConfig.args.join(' ') } : undefined;
  };

  const hostNameLine = config.values.get('hostname');
  const configHostName = hostNameLine ? tokens(host, hostNameLine, { host: destination, original: destination, remoteUser: '', localUser, port: 22, home }) : undefined;
  const address = explicitAddress !== undefined ? (configHostName ?? explicitAddress) : (ssh.get('hostname') ?? configHostName ?? host);
  const port = portSetting(vars, host, pick('Port'));
  const user = str(vars, CONNECTION_VARIABLES.user) ?? pick('User')?.value ?? localUser;
  const tokenValues = { host: address, original: destination, remoteUser: user, localUser, port, home };

  const explicitKeys = [str(vars, CONNECTION_VARIABLES.keyFile), ssh.get('identityfile')].filter((k): k is string => k !== undefined).map((k) => expandHome(k, home));
  const configKeys = config.identityFiles.map((f) => tokens(host, f, tokenValues));
  const sshDir = join(home, '.ssh');
  const defaultKeyFiles = explicitKeys.length > 0 || configKeys.length > 0 ? [] : ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(sshDir, f));
  const identitiesOnly = flag(host, pick('IdentitiesOnly'));

  const jumps = jumpHosts(host, pick('ProxyJump'), files, home, localUser);
  const proxyCommand = pick('ProxyCommand');
  if (proxyCommand && proxyCommand.value.toLowerCase() !== 'none' && jumps.length === 0) {
    throw invalid(host, `ProxyCommand is not supported (host ${host}, from ${proxyCommand.name})`, 'use ProxyJump (-J, or ProxyJump in the ssh config) instead');
  }

  // StrictHostKeyChecking=accept-new (or no) asks for exactly what trust-on-first-use does; a changed key
  // is refused either way. The option, the host's ssh args or its ssh config can turn it on.
  const strict = pick('StrictHostKeyChecking');
  const strictValue = strict?.value.toLowerCase();
  const trustedBy =
    options.trustOnFirstUse === true ? (options.trustedBy ?? '--trust-new-host-keys')
    : strictValue === 'accept-new' || strictValue === 'no' || strictValue === 'off' ? `StrictHostKeyChecking=${strictValue} in ${ssh.has('stricthostkeychecking') ? sshArgsNaming(vars, 'stricthostkeychecking') : strict!.name.replace(/^StrictHostKeyChecking \((.*)\)$/, '$1')}`
    : undefined;
  const trustOnFirstUse = trustedBy !== undefined;
  const knownHostsSetting = pick('UserKnownHostsFile');
  const knownHostsFile = options.knownHostsFile ?? (knownHostsSetting ? tokens(host, { args: [knownHostsSetting.value.split(/\s+/)[0]!] }, tokenValues) : join(sshDir, 'known_hosts'));
  const timeout = setting(vars, CONNECTION_VARIABLES.timeout) ?? pick('ConnectTimeout');
  const connectTimeoutMs = options.connectTimeoutMs ?? (timeout ? integer(host, timeout.name, timeout.value, CONNECT_TIMEOUT_SECONDS.min, CONNECT_TIMEOUT_SECONDS.max) * 1000 : 10_000);
  const alive = pick('ServerAliveInterval');
  const retries = setting(vars, CONNECTION_VARIABLES.retries);

  return {
    host,
    address,
    port,
    user,
    keyFiles: explicitKeys,
    ...(configKeys.length > 0 ? { configKeyFiles: configKeys } : {}),
    defaultKeyFiles,
    passphrase: str(vars, CONNECTION_VARIABLES.passphrase),
    password: str(vars, CONNECTION_VARIABLES.password),
    agent: identitiesOnly ? undefined : env.SSH_AUTH_SOCK || undefined,
    jumps,
    knownHostsFile: expandHome(knownHostsFile, home),
    globalKnownHostsFiles: options.knownHostsFile || knownHostsSetting ? [] : ['/etc/ssh/ssh_known_hosts'],
    trustOnFirstUse,
    ...(trustedBy ? { trustedBy } : {}),
    ...(options.onHostKeyRecorded ? { onHostKeyRecorded: options.onHostKeyRecorded } : {}),
    connectTimeoutMs,
    keepaliveIntervalMs: alive ? integer(host, alive.name, alive.value, 0, 86400) * 1000 : 15_000,
    commandTimeoutMs: options.commandTimeoutMs,
    retries: retries ? integer(host, retries.name, retries.value, 0, 100) : 0,
  };
}

function where(at: SourceLocation): string {
  return `${at.file}:${at.line}`;
}

/** The ssh config for `destination`; its problems are the host's bad settings (nothing was tried yet). */
function readHostConfig(host: string, destination: string, files: SshConfigFile[], home: string): HostSshConfig {
  const config = lookupHostConfig(destination, files, home);
  const problem = config.problems[0];
  if (problem) throw invalid(host, `${problem.at ? `${where(problem.at)}:${problem.at.col}: ` : ''}${problem.message}`, 'fix the ssh client configuration (ssh_config(5))');
  return config;
}

function tokens(host: string, value: SshConfigValue | { args: string[]; at?: SourceLocation }, v: TokenValues): string {
  const out = expandTokens(value.args.join(' '), v);
  if (typeof out === 'string') return out;
  throw invalid(host, `${value.at ? `${where(value.at)}:${value.at.col}: ` : ''}${out.error}`);
}

function flag(host: string, value: { name: string; value: string } | undefined): boolean {
  if (value === undefined) return false;
  const v = value.value.toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  throw invalid(host, `${value.name} for ${host} must be yes or no, got ${JSON.stringify(value.value)}`);
}

/** ProxyJump's hops (`[user@]host[:port]`), each completed from the ssh config of its own name (HostName, Port, User, IdentityFile). */
function jumpHosts(host: string, proxyJump: { name: string; value: string } | undefined, files: SshConfigFile[], home: string, localUser: string): JumpHost[] {
  if (proxyJump === undefined) return [];
  const written = proxyJumpHops(proxyJump.value);
  if (written === undefined) throw invalid(host, `ProxyJump '${proxyJump.value}' for ${host} is not [user@]host[:port] (${proxyJump.name})`);
  if (written === 'none') return [];
  return written.map((hop) => {
    const c = readHostConfig(host, hop.address, files, home);
    const get = (k: string) => c.values.get(k)?.args.join(' ');
    const base = { host: hop.address, original: hop.address, remoteUser: '', localUser, port: 22, home };
    const address = c.values.has('hostname') ? tokens(host, c.values.get('hostname')!, base) : hop.address;
    const portText = get('port');
    const port = hop.port ?? (portText === undefined ? 22 : integer(host, `Port of jump host ${hop.address}`, portText, 1, 65535));
    // As ssh's own hop (`ssh -l USER -W ...`): the user written in ProxyJump, else the hop's User in the
    // config, else the local user; never the target's user (ansible_user / -u are the target's).
    const user = hop.user ?? get('user') ?? localUser;
    const keyFiles = c.identityFiles.map((f) => tokens(host, f, { ...base, host: address, remoteUser: user, port }));
    return { user, address, port, ...(keyFiles.length > 0 ? { keyFiles } : {}) };
  });
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

