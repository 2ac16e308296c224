// The in-memory inventory changes of add_host and group_by, as Ansible's add_dynamic_host and
// add_dynamic_group make them: they last for the rest of the run (later plays' patterns see them),
// and each says whether anything actually changed.
import type { Inventory, InventoryGroup, InventoryHost } from './types.js';

export interface NewHost {
  name: string;
  groups: string[];
  vars: Record<string, unknown>;
}

function groupNamed(inv: Inventory, name: string): { group: InventoryGroup; created: boolean } {
  const found = inv.groups.get(name);
  if (found) return { group: found, created: false };
  const group: InventoryGroup = { name, vars: {}, fileVars: {}, children: [], hosts: [] };
  inv.groups.set(name, group);
  // A new group belongs under `all` until another group adopts it (Ansible's reconcile).
  inv.groups.get('all')!.children.push(name);
  return { group, created: true };
}

function hasParent(inv: Inventory, name: string): boolean {
  for (const g of inv.groups.values()) if (g.name !== 'all' && g.children.includes(name)) return true;
  return false;
}

function putHostInGroup(inv: Inventory, host: InventoryHost, group: InventoryGroup): boolean {
  if (group.hosts.includes(host.name)) return false;
  group.hosts.push(host.name);
  host.groups.push(group.name);
  // A host with a group of its own leaves `ungrouped`.
  if (group.name !== 'ungrouped' && host.groups.includes('ungrouped')) {
    host.groups = host.groups.filter((g) => g !== 'ungrouped');
    const ungrouped = inv.groups.get('ungrouped')!;
    ungrouped.hosts = ungrouped.hosts.filter((h) => h !== host.name);
  }
  return true;
}

/** add_host: the host (new or known), its variables merged over its own, its groups. True when anything changed. */
export function addDynamicHost(inv: Inventory, wanted: NewHost): boolean {
  let changed = false;
  let host = inv.hosts.get(wanted.name);
  if (!host || host.implicit) {
    host = { name: wanted.name, vars: {}, fileVars: {}, groups: [] };
    inv.hosts.set(wanted.name, host);
    changed = true;
  }
  for (const [k, v] of Object.entries(wanted.vars)) {
    if (JSON.stringify(host.vars[k]) === JSON.stringify(v) && k in host.vars) continue;
    host.vars[k] = v;
    changed = true;
  }
  for (const name of wanted.groups) {
    const { group, created } = groupNamed(inv, name);
    changed = putHostInGroup(inv, host, group) || created || changed;
  }
  if (host.groups.length === 0) putHostInGroup(inv, host, groupNamed(inv, 'ungrouped').group);
  bump(inv);
  return changed;
}

/** group_by: `host` joins `group`, which becomes a child of each parent. True when anything changed. */
export function addDynamicGroup(inv: Inventory, hostName: string, groupName: string, parents: string[]): boolean {
  let changed = false;
  const { group } = groupNamed(inv, groupName);
  for (const parentName of parents) {
    const parent = groupNamed(inv, parentName);
    changed = parent.created || changed;
    if (parentName === groupName || parent.group.children.includes(groupName)) continue;
    parent.group.children.push(groupName);
    changed = true;
  }
  // Adopted by a parent other than `all`: no longer top-level.
  const all = inv.groups.get('all')!;
  if (!parents.includes('all') && hasParent(inv, groupName)) all.children = all.children.filter((c) => c !== groupName);
  const host = inv.hosts.get(hostName);
  if (host) changed = putHostInGroup(inv, host, group) || changed;
  bump(inv);
  return changed;
}

/** Anything that caches what it derived from an inventory compares this revision. */
function bump(inv: Inventory): void {
  inv.revision = (inv.revision ?? 0) + 1;
}
