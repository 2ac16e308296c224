// setup: gather facts about the target (one round trip, no Python) and set them on the host.
import type { ActionModule } from '../types.js';
import { gatherFactsWithWarnings } from '../../facts/gather.js';
import { fnmatchRegExp } from '../../util/fnmatch.js';

export interface SetupArgs {
  filter?: string | string[];
  gather_subset?: string | string[];
  gather_timeout?: number;
  fact_path?: string;
}

/** Facts Ansible's setup module returns under their own name; every other one gets ansible_ in front. */
const OWN_NAMES = new Set(['gather_subset', 'module_setup']);

/** The facts as a registered setup result shows them (`result.ansible_facts.ansible_hostname`). */
export function prefixedFacts(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).map(([k, v]) => [OWN_NAMES.has(k) || k.startsWith('ansible_') ? k : `ansible_${k}`, v]));
}

export const setupModule: ActionModule<SetupArgs> = {
  kind: 'action',
  name: 'setup',
  setsVars: 'gathered-facts',
  output: 'facts',
  aliases: ['gather_facts', 'ansible.builtin.gather_facts'],
  schema: {
    type: 'object',
    description: 'Gathers facts about the target (addresses, distribution, memory, CPUs, ...) into ansible_facts.',
    additionalProperties: false,
    properties: {
      filter: {
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        description: "Only facts whose name (with the ansible_ prefix) matches these globs, e.g. 'ansible_eth*'.",
      },
      gather_subset: {
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        description: 'Accepted for compatibility: ha-run gathers every fact in one round trip anyway.',
      },
      gather_timeout: { type: 'integer', minimum: 1, default: 10, description: 'Seconds before gathering gives up (the task fails).' },
      fact_path: { type: 'string', default: '/etc/ansible/facts.d', description: 'Where local facts (*.fact: JSON or INI, or executables printing it) are read from, into ansible_local.' },
    },
  },
  async run(ctx, args) {
    const gathered = await gatherFactsWithWarnings(ctx.conn, { timeoutMs: (args.gather_timeout ?? 10) * 1000, factPath: args.fact_path });
    let facts = gathered.facts;
    const filters = args.filter === undefined ? [] : (Array.isArray(args.filter) ? args.filter : [args.filter]).filter((f) => f !== '' && f !== '*');
    if (filters.length) {
      const patterns = filters.map(fnmatchRegExp);
      facts = Object.fromEntries(Object.entries(facts).filter(([k]) => patterns.some((p) => p.test(`ansible_${k}`) || p.test(k))));
    }
    // `facts` (unprefixed) is what the host keeps; the registered ansible_facts carry the prefix.
    return { changed: false, facts, ansible_facts: prefixedFacts(facts), ...(gathered.warnings.length ? { warnings: gathered.warnings } : {}) };
  },
};
