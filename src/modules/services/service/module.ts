// service: on a host that booted with systemd it is the systemd module (Ansible's service action
// hands over name, state and enabled); elsewhere it drives the /etc/init.d script, through the
// `service` command when present, and update-rc.d for enabled.
import { ask, type FactRequest } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule, ModuleContext } from '../../types.js';
import { managerFromVars, serviceManagerFact } from '../manager.js';
import { initScriptFact, rcLinksFact, type RcLinks } from '../sysv-facts.js';
import { gatherUnit, type UnitFacts } from '../systemd/gather.js';
import { planUnit, unitResult } from '../systemd/plan.js';
import { processesFact, runningFromStatus, serviceCommandFact, statusFact, type StatusAnswer } from './facts.js';
import { planSysv, sysvResult, type SysvFacts, type SysvWish } from './plan.js';
import { serviceSchema, type ServiceArgs } from './schema.js';

export type ServiceFacts = { kind: 'systemd'; unit: UnitFacts } | { kind: 'sysv'; sysv: SysvFacts };

function wish(args: ServiceArgs): SysvWish {
  return { name: args.name, state: args.state, enabled: args.enabled, sleep: args.sleep, arguments: args.arguments ?? args.args };
}

async function usesSystemd(ctx: ModuleContext, use: string): Promise<boolean> {
  if (use !== 'auto') return use === 'systemd';
  return (managerFromVars(ctx.vars) ?? (await probeOf(ctx.conn).get(serviceManagerFact, undefined))) === 'systemd';
}

async function gatherSysv(ctx: ModuleContext, args: ServiceArgs): Promise<SysvFacts> {
  const requests: FactRequest[] = [ask(initScriptFact, args.name), ask(serviceCommandFact, undefined)];
  if (args.enabled !== undefined) requests.push(ask(rcLinksFact('update-rc.d'), args.name));
  if (args.state !== undefined) requests.push(args.pattern !== undefined ? ask(processesFact, undefined) : ask(statusFact, wish(args)));
  const answers = (await probeOf(ctx.conn).many(...requests)) as unknown[];
  const facts: SysvFacts = { initScript: answers.shift() as boolean, viaService: answers.shift() as boolean };
  if (args.enabled !== undefined) facts.links = answers.shift() as RcLinks;
  // Without a script the status says nothing (the plan reports the service missing).
  if (args.state !== undefined && facts.initScript) {
    const answer = answers.shift();
    facts.running =
      args.pattern !== undefined ? (answer as string[]).some((line) => line.includes(args.pattern!)) : runningFromStatus(args.name, answer as StatusAnswer);
  }
  return facts;
}

export const serviceModule: DeclarativeModule<ServiceArgs, ServiceFacts> = {
  kind: 'declarative',
  name: 'service',
  schema: serviceSchema,

  async gather(ctx, args) {
    if (await usesSystemd(ctx, args.use ?? 'auto')) return { kind: 'systemd', unit: await gatherUnit(ctx, { unit: args.name }) };
    return { kind: 'sysv', sysv: await gatherSysv(ctx, args) };
  },

  plan(args, facts) {
    if (facts.kind === 'systemd') return planUnit({ unit: args.name, state: args.state, enabled: args.enabled }, facts.unit);
    return planSysv(wish(args), facts.sysv);
  },

  result(args, after, changes, before = after) {
    if (before.kind === 'systemd') return unitResult({ unit: args.name, state: args.state, enabled: args.enabled }, before.unit, changes);
    return sysvResult(wish(args));
  },
};
