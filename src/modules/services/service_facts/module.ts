// service_facts: every service the target knows, as Ansible shapes ansible_facts.services
// (name -> {name, state, status, source}; sysv entries have no status). Read-only, one round trip.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { ActionModule } from '../../types.js';
import { listUnitsFact, mergeServices, statusAllFact, unitFilesFact } from './facts.js';

export const serviceFactsModule: ActionModule<Record<string, never>> = {
  kind: 'action',
  readsOnly: true,
  name: 'service_facts',
  setsVars: 'named-facts',
  schema: {
    type: 'object',
    description: 'Reads the services the target knows (init scripts and systemd units) into ansible_facts.services.',
    additionalProperties: false,
    properties: {},
  },
  async run(ctx) {
    const [sysv, units, files] = await probeOf(ctx.conn).many(ask(statusAllFact, undefined), ask(listUnitsFact, undefined), ask(unitFilesFact, undefined));
    const services = mergeServices(sysv, units, files);
    if (Object.keys(services).length === 0) {
      return { changed: false, skipped: true, msg: 'Failed to find any services. This can be due to privileges or some other configuration issue.' };
    }
    return { changed: false, facts: { services }, ansible_facts: { services } };
  },
};
