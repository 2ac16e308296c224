// systemd's arguments, Ansible's names (name/service/unit, daemon_reload/daemon-reload, ...).
import type { ArgsSchema } from '../../types.js';
import { oneOf } from '../../schema-rules.js';
import type { SystemctlOptions } from '../systemctl.js';

export type UnitState = 'started' | 'stopped' | 'restarted' | 'reloaded';

export interface SystemdArgs extends SystemctlOptions {
  name?: string;
  service?: string;
  unit?: string;
  state?: UnitState;
  enabled?: boolean;
  masked?: boolean;
  daemon_reload?: boolean;
  'daemon-reload'?: boolean;
  daemon_reexec?: boolean;
  'daemon-reexec'?: boolean;
}

/** The unit named, whichever alias named it. */
export function unitOf(args: SystemdArgs): string | undefined {
  return args.name ?? args.service ?? args.unit;
}

const needsName = (keys: string[]) => ({
  description: `name is required with ${keys.join(', ')}`,
  if: { anyOf: keys.map((k) => ({ required: [k] })) },
  then: oneOf('name', 'service', 'unit'),
});

export const stateProperty = {
  type: 'string',
  enum: ['started', 'stopped', 'restarted', 'reloaded'],
  description: 'started/stopped change only when needed; restarted and reloaded always act (a stopped unit is started).',
};

export const systemdSchema: ArgsSchema = {
  type: 'object',
  description: 'Controls systemd units: start, stop, restart, reload, enable, mask, daemon-reload.',
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: "The unit, e.g. 'nginx' or 'nginx.service' (aliases: service, unit)." },
    service: { type: 'string', description: 'Alias of name.' },
    unit: { type: 'string', description: 'Alias of name.' },
    state: stateProperty,
    enabled: { type: 'boolean', description: 'Whether the unit starts at boot.' },
    masked: { type: 'boolean', description: 'Whether the unit is masked (cannot be started at all).' },
    daemon_reload: { type: 'boolean', default: false, description: 'Run daemon-reload before anything else (not a change by itself; skipped in check mode).' },
    'daemon-reload': { type: 'boolean', description: 'Alias of daemon_reload.' },
    daemon_reexec: { type: 'boolean', default: false, description: 'Run daemon-reexec before anything else (not a change by itself; skipped in check mode).' },
    'daemon-reexec': { type: 'boolean', description: 'Alias of daemon_reexec.' },
    scope: { type: 'string', enum: ['system', 'user', 'global'], default: 'system', description: "Which manager: the system's, the connecting user's (--user), or all users' (--global)." },
    no_block: { type: 'boolean', default: false, description: 'Do not wait for the job to finish (--no-block).' },
    force: { type: 'boolean', description: 'Override existing symlinks (--force).' },
  },
  allOf: [oneOf('state', 'enabled', 'masked', 'daemon_reload', 'daemon-reload', 'daemon_reexec', 'daemon-reexec'), needsName(['state', 'enabled', 'masked'])],
};
