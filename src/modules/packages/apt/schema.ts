// apt's arguments: Ansible's names, aliases and defaults.
import type { ArgsSchema } from '../../types.js';
import { exclusive, oneOf } from '../../schema-rules.js';

export type AptState = 'present' | 'absent' | 'latest' | 'build-dep' | 'fixed';
export type AptUpgrade = 'no' | 'yes' | 'safe' | 'full' | 'dist';

export interface AptArgs {
  name?: string[];
  pkg?: string[];
  package?: string[];
  state?: AptState;
  update_cache?: boolean;
  update_cache_retries?: number;
  update_cache_retry_max_delay?: number;
  cache_valid_time?: number;
  purge?: boolean;
  deb?: string;
  default_release?: string;
  install_recommends?: boolean;
  force?: boolean;
  upgrade?: AptUpgrade | boolean;
  dpkg_options?: string;
  autoremove?: boolean;
  autoclean?: boolean;
  fail_on_autoremove?: boolean;
  only_upgrade?: boolean;
  force_apt_get?: boolean;
  allow_unauthenticated?: boolean;
  allow_downgrade?: boolean;
  allow_downgrades?: boolean;
  policy_rc_d?: number;
  allow_change_held_packages?: boolean;
  lock_timeout?: number;
}

const names = { type: 'array', items: { type: 'string' } };
const flag = (description: string, defaultValue?: boolean) => ({ type: 'boolean', description, ...(defaultValue === undefined ? {} : { default: defaultValue }) });

export const aptSchema: ArgsSchema = {
  type: 'object',
  description: 'Manages apt packages with apt-get and dpkg (no Python on the target).',
  additionalProperties: false,
  properties: {
    name: { ...names, description: "Package names, 'name=version' (wildcards allowed) or 'name>=version'; a list or comma-separated (aliases: pkg, package)." },
    pkg: { ...names, description: 'Alias of name.' },
    package: { ...names, description: 'Alias of name.' },
    state: { type: 'string', enum: ['present', 'absent', 'latest', 'build-dep', 'fixed'], default: 'present', description: 'What the packages should be.' },
    update_cache: flag('Run apt-get update first (when the lists are older than cache_valid_time).'),
    update_cache_retries: { type: 'integer', default: 5, description: 'Accepted for compatibility; ha-run runs apt-get update once.' },
    update_cache_retry_max_delay: { type: 'integer', default: 12, description: 'Accepted for compatibility.' },
    cache_valid_time: { type: 'integer', default: 0, description: 'Update the lists only when older than this many seconds (implies update_cache).' },
    purge: flag('With state=absent, also remove configuration files.', false),
    deb: { type: 'string', description: 'Path of a .deb file on the target to install.' },
    default_release: { type: 'string', description: 'The release to prefer (apt-get -t).' },
    install_recommends: flag('Install recommended packages too (default: as apt is configured).'),
    force: flag('Force installs and removals (--force-yes, dangerous).', false),
    upgrade: {
      anyOf: [{ type: 'string', enum: ['no', 'yes', 'safe', 'full', 'dist'] }, { type: 'boolean' }],
      default: 'no',
      description: 'Upgrade installed packages: yes/safe (apt-get upgrade --with-new-pkgs), full/dist (apt-get dist-upgrade).',
    },
    dpkg_options: { type: 'string', default: 'force-confdef,force-confold', description: 'Comma-separated dpkg options.' },
    autoremove: flag('Remove packages nothing needs any more.', false),
    autoclean: flag('Delete downloaded archives that can no longer be downloaded.', false),
    fail_on_autoremove: flag('Fail rather than remove packages (--no-remove).', false),
    only_upgrade: flag('Only upgrade packages already installed.', false),
    force_apt_get: flag('Accepted: ha-run always uses apt-get.', false),
    allow_unauthenticated: flag('Allow unauthenticated packages.', false),
    allow_downgrade: flag('Allow installing an older version (aliases: allow_downgrades).', false),
    allow_downgrades: flag('Alias of allow_downgrade.'),
    allow_change_held_packages: flag('Allow changing held packages.', false),
    lock_timeout: { type: 'integer', default: 60, description: 'Seconds to wait for the dpkg lock held by another apt or dpkg before failing.' },
    policy_rc_d: { type: 'integer', description: 'Accepted for compatibility; ignored.' },
  },
  allOf: [oneOf('autoremove', 'deb', 'name', 'pkg', 'package', 'update_cache', 'upgrade', 'autoclean', 'cache_valid_time'), exclusive('deb', 'name'), exclusive('deb', 'upgrade'), exclusive('name', 'upgrade')],
};
