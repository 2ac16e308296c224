// meta: instructions for the executor (flush_handlers, end_play, ...); the executor acts on them.
import type { ActionModule } from '../types.js';

export const META_ACTIONS = [
  'noop',
  'flush_handlers',
  'refresh_inventory',
  'clear_facts',
  'clear_host_errors',
  'end_play',
  'end_host',
  'end_batch',
  'reset_connection',
] as const;
export type MetaAction = (typeof META_ACTIONS)[number];

export const metaModule: ActionModule<{ _raw_params: MetaAction }> = {
  kind: 'action',
  name: 'meta',
  playControl: true,
  freeForm: true,
  controllerOnly: true,
  schema: {
    type: 'object',
    description: 'An instruction to the playbook engine itself.',
    additionalProperties: false,
    required: ['_raw_params'],
    properties: {
      _raw_params: { type: 'string', enum: [...META_ACTIONS], description: 'The action: flush_handlers, end_play, end_host, noop, clear_facts, ...' },
    },
  },
  async run(_ctx, args) {
    return { changed: false, meta: args._raw_params };
  },
};
