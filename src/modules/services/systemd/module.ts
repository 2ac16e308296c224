// systemd / systemd_service: a unit's running state, enablement and mask through systemctl.
// daemon_reload and daemon_reexec run first (what systemd reports depends on them) and, as in
// Ansible, are no change by themselves.
import type { Change, DeclarativeModule } from '../../types.js';
import { systemctl } from '../systemctl.js';
import { gatherUnit, type UnitFacts } from './gather.js';
import { planUnit, unitResult } from './plan.js';
import { systemdSchema, unitOf, type SystemdArgs } from './schema.js';

/** Nothing to read when only daemon_reload/daemon_reexec were asked for. */
export type SystemdFacts = UnitFacts | undefined;

function daemonSteps(args: SystemdArgs): Change[] {
  const steps: Change[] = [];
  for (const verb of ['daemon-reload', 'daemon-reexec'] as const) {
    const key = verb === 'daemon-reload' ? 'daemon_reload' : 'daemon_reexec';
    if (args[key] || args[verb]) steps.push({ summary: verb, ops: [{ kind: 'exec', command: `${systemctl(args)} ${verb}` }] });
  }
  return steps;
}

export const systemdModule: DeclarativeModule<SystemdArgs, SystemdFacts> = {
  kind: 'declarative',
  name: 'systemd',
  aliases: ['systemd_service', 'ansible.builtin.systemd_service', 'ansible.legacy.systemd_service'],
  schema: systemdSchema,
  prelude: daemonSteps,

  async gather(ctx, args) {
    const unit = unitOf(args);
    return unit === undefined ? undefined : gatherUnit(ctx, { unit, scope: args.scope, no_block: args.no_block, force: args.force });
  },

  plan(args, facts) {
    const unit = unitOf(args);
    if (unit === undefined || facts === undefined) return [];
    return planUnit({ ...args, unit }, facts);
  },

  result(args, after, changes, before) {
    return unitResult({ ...args, unit: unitOf(args) }, before ?? after, changes);
  },
};
