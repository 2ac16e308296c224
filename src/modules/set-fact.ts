// set_fact: set host variables (facts) from the task's (templated) arguments.
import type { ActionModule } from './types.js';

export type SetFactArgs = Record<string, unknown> & { cacheable?: boolean };

export const setFactModule: ActionModule<SetFactArgs> = {
  kind: 'action',
  name: 'set_fact',
  controllerOnly: true,
  schema: {
    type: 'object',
    description: 'Sets variables on the host for the rest of the run: each key becomes a fact.',
    minProperties: 1,
    properties: {
      cacheable: { type: 'boolean', default: false, description: 'Accepted for compatibility (ha-run has no fact cache).' },
    },
    propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'Variable names: letters, digits and _.' },
  },
  async run(_ctx, args) {
    const { cacheable: _cacheable, ...facts } = args;
    return { changed: false, facts, ansible_facts: facts };
  },
};
