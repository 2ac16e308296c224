// set_fact: set host variables (facts) from the task's (templated) arguments.
import type { ActionModule } from '../types.js';

export type SetFactArgs = Record<string, unknown> & { cacheable?: boolean };

export const setFactModule: ActionModule<SetFactArgs> = {
  kind: 'action',
  name: 'set_fact',
  setsVars: 'host-facts',
  definesVars: 'argument-names',
  controllerOnly: true,
  resultIsControllerData: true,
  keepsUnsafeArgs: true,
  schema: {
    type: 'object',
    description: 'Sets variables on the host for the rest of the run: each key becomes a fact.',
    minProperties: 1,
    properties: {
      cacheable: { type: 'boolean', default: false, description: 'Accepted for compatibility (ha-run has no fact cache).' },
    },
    // A name may be a template (`"{{ prefix }}_port": 80`): it is checked again once rendered.
    propertyNames: { pattern: '^([A-Za-z_][A-Za-z0-9_]*|.*\\{\\{.*)$', description: 'Variable names: letters, digits and _.' },
  },
  async run(_ctx, args) {
    const { cacheable: _cacheable, ...given } = args;
    const facts = Object.fromEntries(Object.entries(given).map(([name, value]) => [name, factValue(value)]));
    return { changed: false, ansible_facts: facts };
  },
};

/** Words Ansible's set_fact turns into booleans (only these, compared as written but in any case). */
const BOOLEAN_WORDS: Record<string, boolean> = { true: true, yes: true, false: false, no: false };

/** `x=false` (and any value that is exactly such a word, rendered or not) is a boolean fact, as in Ansible. */
function factValue(value: unknown): unknown {
  return typeof value === 'string' && Object.hasOwn(BOOLEAN_WORDS, value.toLowerCase()) ? BOOLEAN_WORDS[value.toLowerCase()] : value;
}
