// hostname: the host's name, set as Ansible sets it on Debian (see plan.ts), with Ansible's facts.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { hostnameFact, type HostnameFacts } from './facts.js';
import { hostnameAsk, planHostname } from './plan.js';
import { hostnameSchema, type HostnameArgs } from './schema.js';

export const hostnameModule: DeclarativeModule<HostnameArgs, HostnameFacts> = {
  kind: 'declarative',
  name: 'hostname',
  schema: hostnameSchema,
  setsVars: 'gathered-facts',

  gather: (ctx, args) => probeOf(ctx.conn).get(hostnameFact, hostnameAsk(args)),

  plan: planHostname,

  result(args, after) {
    const domain = after.fqdn.split('.').slice(1).join('.');
    const facts = { hostname: args.name.split('.')[0], nodename: args.name, fqdn: after.fqdn, domain };
    return { name: args.name, facts, ansible_facts: Object.fromEntries(Object.entries(facts).map(([k, v]) => [`ansible_${k}`, v])) };
  },
};
