// The configuration under the command line: each option left unset takes the ansible.cfg / ANSIBLE_*
// value (Ansible's order: command line > environment > file > defaults). Settings without a command-line
// option come back as `extras` for the run to apply.
import type { LoadedConfig } from './load.js';
import { describeOrigin, outputOf } from './load.js';

export interface ConfigurableOptions {
  inventory?: string[];
  forks?: string;
  user?: string;
  privateKey?: string;
  timeout?: string;
  become?: boolean;
  becomeUser?: string;
  json?: boolean;
  vaultId?: string[];
  vaultPasswordFile?: string[];
  askVaultPass?: boolean;
}

export interface ConfigExtras {
  /** become / become_user from the configuration: the plays' default, below their own keywords. */
  playBecome?: { become?: true; becomeUser?: string };
  /** Where the run's log goes (log_path). */
  logPath?: string;
  /** ssh_args, ssh_common_args and ssh_extra_args: ssh options under each host's own. */
  sshArgs?: string;
  /** Set when host_key_checking is off: says so in each recorded key's announcement. */
  trustNewHostKeysBy?: string;
  /** retries: connection attempts after a failed one, under each host's ansible_ssh_retries. */
  sshRetries?: number;
}

export const DEFAULT_FORKS = '5';

export function applyConfig<T extends ConfigurableOptions>(o: T, config: LoadedConfig): { options: T; extras: ConfigExtras } {
  const get = <V>(name: Parameters<LoadedConfig['settings']['get']>[0]) => config.settings.get(name)?.value as V | undefined;
  const options: T = { ...o };
  const inventory = get<string[]>('inventory');
  if ((options.inventory ?? []).length === 0 && inventory && inventory.length > 0) options.inventory = inventory;
  options.forks ??= String(get<number>('forks') ?? DEFAULT_FORKS);
  options.user ??= get<string>('remote_user');
  options.privateKey ??= get<string>('private_key_file');
  const timeout = get<number>('timeout');
  options.timeout ??= timeout === undefined ? undefined : String(timeout);
  const callback = get<string>('stdout_callback');
  if (options.json === undefined && callback !== undefined && outputOf(callback) === 'json') options.json = true;
  const vaultFile = get<string>('vault_password_file');
  const vaultGiven = (o.vaultId ?? []).length > 0 || (o.vaultPasswordFile ?? []).length > 0 || o.askVaultPass === true;
  if (vaultFile && !vaultGiven) options.vaultPasswordFile = [vaultFile];

  const extras: ConfigExtras = {};
  const become = get<boolean>('become');
  const becomeUser = get<string>('become_user');
  if (become === true || becomeUser !== undefined) extras.playBecome = { ...(become === true ? { become: true as const } : {}), ...(becomeUser !== undefined ? { becomeUser } : {}) };
  const logPath = get<string>('log_path');
  if (logPath) extras.logPath = logPath;
  const sshArgs = (['ssh_args', 'ssh_common_args', 'ssh_extra_args'] as const).map((n) => get<string>(n)).filter((v) => v);
  if (sshArgs.length > 0) extras.sshArgs = sshArgs.join(' ');
  const retries = get<number>('retries');
  if (retries !== undefined) extras.sshRetries = retries;
  const checking = config.settings.get('host_key_checking');
  if (checking?.value === false) extras.trustNewHostKeysBy = `host_key_checking=False (${describeOrigin(checking.origin)})`;
  return { options, extras };
}
