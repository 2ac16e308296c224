// add_host and group_by results become changes of the run's inventory (see inventory/runtime-changes.ts);
// the change, not the module, decides `changed` (the executor applies it per loop item, as Ansible's strategy does).
import { addDynamicGroup, addDynamicHost } from '../inventory/runtime-changes.js';
import type { ModuleResult } from '../modules/types.js';
import type { PlayContext } from './context.js';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function applyOne(pc: PlayContext, host: string, r: ModuleResult): boolean {
  const inv = pc.run.inventory;
  if (isRecord(r.add_host)) {
    const { host_name, groups, host_vars } = r.add_host;
    return addDynamicHost(inv, { name: String(host_name), groups: (groups as string[]) ?? [], vars: isRecord(host_vars) ? host_vars : {} });
  }
  if (typeof r.add_group === 'string') return addDynamicGroup(inv, host, r.add_group, (r.parent_groups as string[]) ?? ['all']);
  return false;
}

export function applyInventoryChanges(pc: PlayContext, host: string, result: ModuleResult): void {
  if (result.failed || result.skipped) return;
  result.changed = applyOne(pc, host, result);
}
