// user's arguments, Ansible's names (the BSD, macOS and Solaris-only ones are accepted and, as on
// Linux in Ansible, have no effect).
import type { ArgsSchema } from '../../types.js';
import { exclusive, oneOf } from '../../schema-rules.js';

export interface UserArgs {
  name: string;
  /** Alias of name. */
  user?: string;
  state?: 'present' | 'absent';
  uid?: number;
  non_unique?: boolean;
  group?: string;
  groups?: string[];
  append?: boolean;
  comment?: string;
  home?: string;
  shell?: string;
  password?: string;
  update_password?: 'always' | 'on_create';
  password_lock?: boolean;
  expires?: number;
  password_expire_max?: number;
  password_expire_min?: number;
  create_home?: boolean;
  createhome?: boolean;
  move_home?: boolean;
  skeleton?: string;
  umask?: string;
  system?: boolean;
  force?: boolean;
  remove?: boolean;
  generate_ssh_key?: boolean;
  ssh_key_bits?: number;
  ssh_key_type?: string;
  ssh_key_file?: string;
  ssh_key_comment?: string;
  ssh_key_passphrase?: string;
  local?: boolean;
  seuser?: string;
  login_class?: string;
  hidden?: boolean;
  profile?: string;
  authorization?: string;
  role?: string;
}

const noEffect = (what: string) => ({ description: `${what}: accepted, no effect on Linux (as in Ansible).` });

export const userSchema: ArgsSchema = {
  type: 'object',
  description: 'Adds, changes or removes a user account with useradd, usermod and userdel; password hashes go through chpasswd -e on stdin.',
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'The user (alias: user).' },
    user: { type: 'string', description: 'Alias of name.' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the account should exist.' },
    uid: { type: 'integer', description: 'Its user id.' },
    non_unique: { type: 'boolean', default: false, description: 'Allow a uid another user has (-o).' },
    group: { type: 'string', description: 'Its primary group (name or gid); must exist.' },
    groups: {
      type: 'array',
      items: { type: 'string' },
      description: "Its supplementary groups (a list, or a comma-separated string). Without append they are exactly these; '' or [] removes them all.",
    },
    append: { type: 'boolean', default: false, description: 'Add the groups to the ones it has instead of replacing them.' },
    comment: { type: 'string', description: 'The GECOS field (full name).' },
    home: { type: 'string', description: 'Its home directory.' },
    shell: { type: 'string', description: 'Its login shell.' },
    password: { type: 'string', description: 'A crypt hash (e.g. from password_hash), never a clear-text password; never shown.' },
    update_password: { type: 'string', enum: ['always', 'on_create'], default: 'always', description: 'always: set the hash when it differs; on_create: only for a new account.' },
    password_lock: { type: 'boolean', description: "Lock (true) or unlock (false) the password ('!' before the hash)." },
    expires: { type: 'number', description: 'Expiry as seconds since the epoch (the day counts); negative removes the expiry.' },
    password_expire_max: { type: 'integer', description: 'Maximum days between password changes (chage -M).' },
    password_expire_min: { type: 'integer', description: 'Minimum days between password changes (chage -m).' },
    create_home: { type: 'boolean', default: true, description: 'Create the home directory (alias: createhome); a missing one is created for an existing account too.' },
    createhome: { type: 'boolean', description: 'Alias of create_home.' },
    move_home: { type: 'boolean', default: false, description: 'When home changes, move the contents (usermod -m).' },
    skeleton: { type: 'string', description: 'The skeleton directory for a new home (useradd -k).' },
    umask: { type: 'string', description: "The new home's umask (useradd -K UMASK=)." },
    system: { type: 'boolean', default: false, description: 'Create a system account (useradd -r); only when creating.' },
    force: { type: 'boolean', default: false, description: 'With absent: userdel -f. With generate_ssh_key: replace an existing key.' },
    remove: { type: 'boolean', default: false, description: 'With absent: remove the home directory and mail spool too (userdel -r).' },
    generate_ssh_key: { type: 'boolean', description: 'Generate an SSH key pair for the user when it has none (ssh-keygen).' },
    ssh_key_bits: { type: 'integer', default: 0, description: 'Key size (0: ssh-keygen chooses).' },
    ssh_key_type: { type: 'string', default: 'rsa', description: 'Key type (rsa, ed25519, ecdsa...).' },
    ssh_key_file: { type: 'string', description: 'The private key file, relative to home or absolute (default .ssh/id_<type>).' },
    ssh_key_comment: { type: 'string', description: "The key's comment (default: 'ansible-generated on <hostname>')." },
    ssh_key_passphrase: { type: 'string', description: 'Not supported by ha-run (ssh-keygen reads it from a terminal only): fails when a key is generated.' },
    local: { type: 'boolean', description: "Use libuser's luseradd: not available in ha-run (fails when true)." },
    seuser: { type: 'string', description: 'SELinux user: not supported by ha-run (fails when given).' },
    login_class: noEffect('BSD login class'),
    hidden: { type: 'boolean', ...noEffect('macOS hidden user') },
    profile: noEffect('Solaris profile'),
    authorization: noEffect('Solaris authorization'),
    role: noEffect('Solaris role'),
  },
  allOf: [oneOf('name', 'user'), exclusive('name', 'user')],
};
