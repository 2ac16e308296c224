// service's arguments, Ansible's names.
import type { ArgsSchema } from '../../types.js';
import { oneOf } from '../../schema-rules.js';
import { stateProperty, type UnitState } from '../systemd/schema.js';

export interface ServiceArgs {
  name: string;
  state?: UnitState;
  enabled?: boolean;
  pattern?: string;
  sleep?: number;
  arguments?: string;
  args?: string;
  runlevel?: string;
  use?: string;
}

export const serviceSchema: ArgsSchema = {
  type: 'object',
  description: 'Controls a service through systemd where it runs, otherwise through its /etc/init.d script (update-rc.d for enabled).',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'The service, e.g. nginx.' },
    state: stateProperty,
    enabled: { type: 'boolean', description: 'Whether the service starts at boot.' },
    pattern: { type: 'string', description: "Without systemd: the service runs when a line of `ps auxww` contains this (for scripts without a usable 'status')." },
    sleep: { type: 'integer', description: 'Without systemd: seconds between stop and start on restart.' },
    arguments: { type: 'string', description: "Without systemd: extra words for the init script's command line (alias: args)." },
    args: { type: 'string', description: 'Alias of arguments.' },
    runlevel: { type: 'string', default: 'default', description: 'Accepted for compatibility (OpenRC only in Ansible); not used on Debian.' },
    use: { type: 'string', default: 'auto', description: "The service manager: auto (the service_mgr fact, else PID 1), systemd, or sysvinit/service for the init scripts." },
  },
  allOf: [oneOf('state', 'enabled')],
};
