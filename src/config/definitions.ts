// The ansible.cfg settings and ANSIBLE_* variables ha-run reads, each with where Ansible reads it from
// (ini section and key, environment variables), Ansible's own name (what `ansible-config dump` prints)
// and the type its value must have. Anything else found in a config file or environment is reported
// as not used by ha-run, never ignored silently.

export type SettingType =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'string' }
  /** One path; relative to the config file's directory (or the working directory for a variable). */
  | { kind: 'path' }
  /** Paths separated by `separator`, each resolved like `path`. */
  | { kind: 'paths'; separator: string }
  | { kind: 'choice'; choices: readonly string[] };

export interface SettingDefinition {
  /** ha-run's name for it (the ini key under its first section). */
  name: SettingName;
  /** Ansible's name for it, as `ansible-config dump` shows it. */
  ansibleName: string;
  ini: { section: string; key: string }[];
  /** Read in turn, the last one set wins (as Ansible reads them); the same for `ini`. */
  env: string[];
  type: SettingType;
  /** What ha-run does when nothing sets it (shown by `config dump`). */
  byDefault: string;
}

export type SettingName =
  | 'inventory'
  | 'roles_path'
  | 'forks'
  | 'remote_user'
  | 'private_key_file'
  | 'host_key_checking'
  | 'timeout'
  | 'retries'
  | 'become'
  | 'become_user'
  | 'become_method'
  | 'log_path'
  | 'stdout_callback'
  | 'ssh_args'
  | 'ssh_common_args'
  | 'ssh_extra_args'
  | 'vault_password_file';

/** become methods ha-run can use. */
export const BECOME_METHODS = ['sudo'] as const;
/** stdout callbacks and the ha-run output each one stands for. */
export const STDOUT_CALLBACKS = { default: 'text', yaml: 'text', debug: 'text', json: 'json' } as const;

const defaults = (key: string) => ({ section: 'defaults', key });
const ssh = (key: string) => ({ section: 'ssh_connection', key });
const become = (key: string) => ({ section: 'privilege_escalation', key });

export const SETTINGS: readonly SettingDefinition[] = [
  { name: 'inventory', ansibleName: 'DEFAULT_HOST_LIST', ini: [defaults('inventory')], env: ['ANSIBLE_INVENTORY'], byDefault: 'none: -i is needed', type: { kind: 'paths', separator: ',' } },
  { name: 'roles_path', ansibleName: 'DEFAULT_ROLES_PATH', ini: [defaults('roles_path')], env: ['ANSIBLE_ROLES_PATH'], byDefault: "roles/ beside the playbook, then the playbook's directory", type: { kind: 'paths', separator: ':' } },
  { name: 'forks', ansibleName: 'DEFAULT_FORKS', ini: [defaults('forks')], env: ['ANSIBLE_FORKS'], byDefault: '5', type: { kind: 'int', min: 1, max: 10_000 } },
  { name: 'remote_user', ansibleName: 'DEFAULT_REMOTE_USER', ini: [defaults('remote_user')], env: ['ANSIBLE_REMOTE_USER'], byDefault: "the ssh config's User, else the local user", type: { kind: 'string' } },
  { name: 'private_key_file', ansibleName: 'DEFAULT_PRIVATE_KEY_FILE', ini: [defaults('private_key_file')], env: ['ANSIBLE_PRIVATE_KEY_FILE'], byDefault: "the ssh config's IdentityFile, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa and ssh-agent", type: { kind: 'path' } },
  {
    name: 'host_key_checking',
    ansibleName: 'HOST_KEY_CHECKING',
    ini: [defaults('host_key_checking'), ssh('host_key_checking')],
    env: ['ANSIBLE_HOST_KEY_CHECKING', 'ANSIBLE_SSH_HOST_KEY_CHECKING'],
    byDefault: 'true: unknown and changed host keys are refused',
    type: { kind: 'bool' },
  },
  { name: 'timeout', ansibleName: 'DEFAULT_TIMEOUT', ini: [defaults('timeout'), ssh('timeout')], env: ['ANSIBLE_TIMEOUT', 'ANSIBLE_SSH_TIMEOUT'], byDefault: "the ssh config's ConnectTimeout, else 10", type: { kind: 'int', min: 1, max: 3600 } },
  {
    name: 'retries',
    ansibleName: 'reconnection_retries',
    ini: [{ section: 'connection', key: 'retries' }, ssh('retries')],
    env: ['ANSIBLE_SSH_RETRIES'],
    byDefault: '0: a host that cannot be reached is reported at once',
    type: { kind: 'int', min: 0, max: 100 },
  },
  { name: 'become', ansibleName: 'DEFAULT_BECOME', ini: [become('become')], env: ['ANSIBLE_BECOME'], byDefault: 'false', type: { kind: 'bool' } },
  { name: 'become_user', ansibleName: 'DEFAULT_BECOME_USER', ini: [become('become_user')], env: ['ANSIBLE_BECOME_USER'], byDefault: 'root', type: { kind: 'string' } },
  { name: 'become_method', ansibleName: 'DEFAULT_BECOME_METHOD', ini: [become('become_method')], env: ['ANSIBLE_BECOME_METHOD'], byDefault: 'sudo', type: { kind: 'choice', choices: BECOME_METHODS } },
  { name: 'log_path', ansibleName: 'DEFAULT_LOG_PATH', ini: [defaults('log_path')], env: ['ANSIBLE_LOG_PATH'], byDefault: '.ha-run/logs/run-*.jsonl in the working directory', type: { kind: 'path' } },
  { name: 'stdout_callback', ansibleName: 'DEFAULT_STDOUT_CALLBACK', ini: [defaults('stdout_callback')], env: ['ANSIBLE_STDOUT_CALLBACK'], byDefault: 'default: the live view on a terminal, plain lines otherwise', type: { kind: 'choice', choices: Object.keys(STDOUT_CALLBACKS) } },
  { name: 'ssh_args', ansibleName: 'ssh_args', ini: [ssh('ssh_args')], env: ['ANSIBLE_SSH_ARGS'], byDefault: 'none', type: { kind: 'string' } },
  { name: 'ssh_common_args', ansibleName: 'ssh_common_args', ini: [ssh('ssh_common_args')], env: ['ANSIBLE_SSH_COMMON_ARGS'], byDefault: 'none', type: { kind: 'string' } },
  { name: 'ssh_extra_args', ansibleName: 'ssh_extra_args', ini: [ssh('ssh_extra_args')], env: ['ANSIBLE_SSH_EXTRA_ARGS'], byDefault: 'none', type: { kind: 'string' } },
  { name: 'vault_password_file', ansibleName: 'DEFAULT_VAULT_PASSWORD_FILE', ini: [defaults('vault_password_file')], env: ['ANSIBLE_VAULT_PASSWORD_FILE'], byDefault: 'none', type: { kind: 'path' } },
];

/** ANSIBLE_* variables read elsewhere in ha-run (or that choose the file itself): not "unused". */
export const ENV_READ_ELSEWHERE: readonly string[] = ['ANSIBLE_CONFIG', 'ANSIBLE_NOCOLOR', 'ANSIBLE_FORCE_COLOR'];
