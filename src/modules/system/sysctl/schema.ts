// sysctl's arguments (ansible.posix's names and aliases: key, val).
import type { ArgsSchema } from '../../types.js';
import { exclusive, oneOf } from '../../schema-rules.js';

export interface SysctlArgs {
  name?: string;
  key?: string;
  value?: string;
  val?: string;
  state?: 'present' | 'absent';
  reload?: boolean;
  sysctl_set?: boolean;
  ignoreerrors?: boolean;
  sysctl_file?: string;
}

export const sysctlSchema: ArgsSchema = {
  type: 'object',
  description: 'Sets a kernel parameter in a sysctl file (and, when asked, in the running kernel with sysctl -w), then reloads the file with sysctl -p.',
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'The parameter, e.g. net.ipv4.ip_forward (alias: key).' },
    key: { type: 'string', description: 'Alias of name.' },
    value: { type: 'string', description: "Its value; yes/no/true/false are written 1/0 (alias: val). Required with state: present." },
    val: { type: 'string', description: 'Alias of value.' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the parameter should be in the file.' },
    reload: { type: 'boolean', default: true, description: 'After a change, load the file with sysctl -p.' },
    sysctl_set: { type: 'boolean', default: false, description: 'Also set the running value with sysctl -w when it differs.' },
    ignoreerrors: { type: 'boolean', default: false, description: 'Ignore unknown parameters (sysctl -e).' },
    sysctl_file: { type: 'string', default: '/etc/sysctl.conf', description: 'The file that keeps the setting.' },
  },
  allOf: [oneOf('name', 'key'), exclusive('name', 'key'), exclusive('value', 'val')],
};
