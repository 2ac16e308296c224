// `meta:` actions, which steer the strategy instead of running a module on hosts. As in Ansible's
// linear strategy, the play-wide ones (end_play, end_batch, clear_facts, clear_host_errors) run once:
// their `when` is evaluated for the first host and the action applies to every host.
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { hostsWhere, taskInfo } from './play-common.js';
import { flushHandlers } from './play-handlers.js';
import type { Scope } from './scope.js';

const PLAY_WIDE = new Set(['end_play', 'end_batch', 'clear_facts', 'clear_host_errors']);

export async function runMeta(pc: PlayContext, scope: Scope, task: Task, hosts: string[]): Promise<void> {
  const action = String(task.args._raw_params ?? task.args.free_form ?? '').trim();
  if (action === 'flush_handlers') return flushHandlers(pc, pc.batch);
  const considered = PLAY_WIDE.has(action) ? hosts.slice(0, 1) : hosts;
  const selected = await hostsWhere(pc, scope, task, considered);
  if (action === 'end_host' || PLAY_WIDE.has(action)) await reportSkipped(pc, task, considered.filter((h) => !selected.includes(h)));
  if (selected.length === 0) return;
  switch (action) {
    case 'end_play':
      // Every host, every remaining batch (end_batch only ends this one).
      pc.ended = pc.endPlay = true;
      return;
    case 'end_batch':
      pc.ended = true;
      return;
    case 'end_host':
      for (const h of selected) pc.run.hosts.get(h).endedPlay = true;
      return;
    case 'clear_facts':
      // Gathered facts go; set_fact and registered values stay (Ansible keeps them too).
      for (const h of pc.playHosts) pc.run.hosts.get(h).facts = {};
      return;
    case 'clear_host_errors':
      for (const h of pc.batch) pc.run.hosts.get(h).failed = false;
      return;
    default:
      // noop, refresh_inventory, reset_connection: nothing to do for this executor
      return;
  }
}

/** Like Ansible, a per-host meta shows the hosts its condition skipped (without counting them). */
async function reportSkipped(pc: PlayContext, task: Task, hosts: string[]): Promise<void> {
  if (hosts.length === 0) return;
  const info = taskInfo(task);
  await pc.run.report.taskStart({ task: info, hosts });
  for (const host of hosts) {
    await pc.run.report.hostResult({ host, task: info, status: 'skipped', durationMs: 0, result: { changed: false, skipped: true, skip_reason: 'Conditional result was False' } });
  }
}
