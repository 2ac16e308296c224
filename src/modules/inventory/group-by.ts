// group_by: puts the host in a group named by a key (usually templated from facts), for later plays.
// The executor makes the change in the run's inventory (trait changesInventory) and decides `changed`.
import type { ActionModule } from '../types.js';

export interface GroupByArgs {
  key: string;
  parents?: string | string[];
}

export const groupByModule: ActionModule<GroupByArgs> = {
  kind: 'action',
  name: 'group_by',
  controllerOnly: true,
  changesInventory: true,
  schema: {
    type: 'object',
    description: 'Adds the host to a group named by `key`, for the rest of the run (later plays can target it).',
    additionalProperties: false,
    required: ['key'],
    properties: {
      key: { type: 'string', description: 'The group name (spaces become dashes).' },
      parents: {
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        default: ['all'],
        description: 'Groups the new group becomes a child of.',
      },
    },
  },
  async run(_ctx, args) {
    const parents = args.parents === undefined ? ['all'] : typeof args.parents === 'string' ? [args.parents] : args.parents;
    return { changed: false, add_group: args.key.replace(/ /g, '-'), parent_groups: parents.map((p) => p.replace(/ /g, '-')) };
  },
};
