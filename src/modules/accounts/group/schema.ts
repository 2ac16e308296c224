// group's arguments, Ansible's names.
import type { ArgsSchema } from '../../types.js';

export interface GroupArgs {
  name: string;
  gid?: number;
  state?: 'present' | 'absent';
  system?: boolean;
  local?: boolean;
  non_unique?: boolean;
}

export const groupSchema: ArgsSchema = {
  type: 'object',
  description: 'Adds, changes (gid) or removes a group with groupadd, groupmod and groupdel.',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'The group.' },
    gid: { type: 'integer', description: 'Its group id.' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the group should exist.' },
    system: { type: 'boolean', default: false, description: 'Create a system group (groupadd -r): a gid from the system range.' },
    local: { type: 'boolean', default: false, description: "Use libuser's lgroupadd: not available in ha-run (fails when true)." },
    non_unique: { type: 'boolean', default: false, description: 'Allow a gid another group has (-o); needs gid.' },
  },
  allOf: [{ description: 'non_unique needs gid', if: { properties: { non_unique: { const: true } }, required: ['non_unique'] }, then: { required: ['gid'] } }],
};
