// `meta:` actions, which steer the strategy instead of running a module on hosts.
import type { Task } from '../playbook/types.js';
import type { PlayContext } from './context.js';
import { hostsWhere } from './play-common.js';
import { flushHandlers } from './play-handlers.js';
import type { Scope } from './scope.js';

export async function runMeta(pc: PlayContext, scope: Scope, task: Task, hosts: string[]): Promise<void> {
  const action = String(task.args._raw_params ?? task.args.free_form ?? '').trim();
  const selected = await hostsWhere(pc, scope, task, hosts);
  switch (action) {
    case 'flush_handlers':
      return flushHandlers(pc, pc.batch);
    case 'end_play':
      // Every host, every remaining batch (end_batch only ends this one).
      if (selected.length > 0) pc.ended = pc.endPlay = true;
      return;
    case 'end_batch':
      if (selected.length > 0) pc.ended = true;
      return;
    case 'end_host':
      for (const h of selected) pc.run.hosts.get(h).endedPlay = true;
      return;
    case 'clear_facts':
      // Like Ansible: gathered facts go; set_fact and registered values stay.
      for (const h of selected) pc.run.hosts.get(h).facts = {};
      return;
    case 'clear_host_errors':
      for (const h of pc.batch) pc.run.hosts.get(h).failed = false;
      return;
    default:
      // noop, refresh_inventory, reset_connection: nothing to do for this executor
      return;
  }
}
