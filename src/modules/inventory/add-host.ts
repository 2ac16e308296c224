// add_host: adds a host (and its groups and variables) to the run's inventory, for later plays. Like
// Ansible it runs once per task, not once per host (trait bypassHostLoop); loop it to add several.
import { splitHostPort } from '../../inventory/address.js';
import { ModuleFailure } from '../failure.js';
import type { ActionModule } from '../types.js';

type AddHostArgs = Record<string, unknown>;

const NAME_KEYS = ['name', 'hostname', 'host'];
const GROUP_KEYS = ['groupname', 'groups', 'group'];
/** Not host variables: the arguments that name the host and its groups. */
const SPECIAL = new Set(['name', 'hostname', 'groupname', 'groups']);

function groupList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') return value.split(',').map((g) => g.trim());
  if (Array.isArray(value)) return value.map((g) => String(g).trim());
  throw new ModuleFailure('Groups must be specified as a list.');
}

export const addHostModule: ActionModule<AddHostArgs> = {
  kind: 'action',
  name: 'add_host',
  controllerOnly: true,
  changesInventory: true,
  bypassHostLoop: true,
  schema: {
    type: 'object',
    description: 'Adds a host to the inventory for the rest of the run, with groups and variables (every other argument is a host variable).',
    additionalProperties: true,
    anyOf: [{ required: ['name'] }, { required: ['hostname'] }, { required: ['host'] }],
    properties: {
      name: { type: 'string', description: 'The host to add (`host:port` sets its port). Aliases: hostname, host.' },
      hostname: { type: 'string', description: 'Alias of name.' },
      host: { type: 'string', description: 'Alias of name.' },
      groups: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'Groups to put it in (a list or a comma-separated string). Aliases: group, groupname.' },
      group: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'Alias of groups.' },
      groupname: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'Alias of groups.' },
    },
  },
  async run(_ctx, args) {
    const written = NAME_KEYS.map((k) => args[k]).find((v) => v !== undefined);
    if (written === undefined) throw new ModuleFailure('name, host or hostname needs to be provided');
    const { pattern, port } = splitHostPort(String(written));
    const groups = [...new Set(groupList(GROUP_KEYS.map((k) => args[k]).find((v) => v !== undefined)))];
    const hostVars = Object.fromEntries(Object.entries(args).filter(([k]) => !SPECIAL.has(k)));
    if (port !== undefined) hostVars.ansible_ssh_port = port;
    return { changed: false, add_host: { host_name: pattern, groups, host_vars: hostVars } };
  },
};
