// pam_limits' arguments (community.general's names).
import type { ArgsSchema } from '../../types.js';
import { exclusive } from '../../schema-rules.js';

export const LIMIT_ITEMS = ['core', 'data', 'fsize', 'memlock', 'nofile', 'rss', 'stack', 'cpu', 'nproc', 'as', 'maxlogins', 'maxsyslogins', 'priority', 'locks', 'sigpending', 'msgqueue', 'nice', 'rtprio', 'chroot'] as const;
export const LIMIT_TYPES = ['soft', 'hard', '-'] as const;

export interface PamLimitsArgs {
  domain: string;
  limit_type: (typeof LIMIT_TYPES)[number];
  limit_item: (typeof LIMIT_ITEMS)[number];
  value: string;
  use_max?: boolean;
  use_min?: boolean;
  backup?: boolean;
  dest?: string;
  comment?: string;
}

export const pamLimitsSchema: ArgsSchema = {
  type: 'object',
  description: 'Sets one limit (domain, type, item, value) in /etc/security/limits.conf or another limits file.',
  additionalProperties: false,
  required: ['domain', 'limit_type', 'limit_item', 'value'],
  properties: {
    domain: { type: 'string', description: "Who the limit is for: a user, '@group', '*', a uid/gid range." },
    limit_type: { type: 'string', enum: [...LIMIT_TYPES], description: 'soft, hard, or - (both).' },
    limit_item: { type: 'string', enum: [...LIMIT_ITEMS], description: 'What is limited (nofile, nproc, memlock, ...).' },
    value: { type: 'string', description: "The limit: a number, or unlimited / infinity / -1 (nice and priority: -20 to 19)." },
    use_max: { type: 'boolean', default: false, description: 'Keep the existing value when it is larger.' },
    use_min: { type: 'boolean', default: false, description: 'Keep the existing value when it is smaller.' },
    backup: { type: 'boolean', default: false, description: 'Keep the old file as dest.<timestamp>~ when it changes (registered as backup_file).' },
    dest: { type: 'string', default: '/etc/security/limits.conf', description: 'The limits file.' },
    comment: { type: 'string', default: '', description: "Comment written after the limit ('\\t#comment')." },
  },
  allOf: [exclusive('use_max', 'use_min')],
};
