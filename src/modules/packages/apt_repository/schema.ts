// apt_repository's arguments (Ansible's names; ppa: and codename are Ubuntu's and not supported).
import type { ArgsSchema } from '../../types.js';

export interface AptRepositoryArgs {
  repo: string;
  state?: 'present' | 'absent';
  mode?: string | number;
  update_cache?: boolean;
  update_cache_retries?: number;
  update_cache_retry_max_delay?: number;
  filename?: string;
  install_python_apt?: boolean;
  validate_certs?: boolean;
  codename?: string;
}

export const aptRepositorySchema: ArgsSchema = {
  type: 'object',
  description: 'Adds or removes a one-line apt source (deb / deb-src) in /etc/apt/sources.list.d.',
  additionalProperties: false,
  required: ['repo'],
  properties: {
    repo: { type: 'string', minLength: 1, description: "The source line, e.g. 'deb http://deb.debian.org/debian bookworm-backports main'." },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the source should be there.' },
    mode: { type: ['string', 'integer'], description: 'Mode of a new sources file (default 0644).' },
    update_cache: { type: 'boolean', default: true, description: 'Run apt-get update after a change.' },
    update_cache_retries: { type: 'integer', default: 5, description: 'Accepted for compatibility.' },
    update_cache_retry_max_delay: { type: 'integer', default: 12, description: 'Accepted for compatibility.' },
    filename: { type: 'string', description: "The sources file's name without .list (default: made from the URI)." },
    install_python_apt: { type: 'boolean', default: true, description: 'Accepted: ha-run needs no Python on the target.' },
    validate_certs: { type: 'boolean', default: true, description: 'Accepted for compatibility (used by ppa: lookups only).' },
    codename: { type: 'string', description: 'Accepted for compatibility (ppa: only).' },
  },
};
