// A host's inventory-level variables, merged in Ansible's order (VARIABLE_PRECEDENCE, hash_behaviour=replace):
//   all (inline) < other groups (inline, by depth/priority/name) < group_vars/all < group_vars/<group> (same order)
//   < host (inline) < host_vars/<host>.
// Playbook-level group_vars/host_vars slot in between; src/vars/ builds the full order from these layers.
import { groupsOf } from './relations.js';
import type { Inventory } from './types.js';

export type VarLayerKind = 'all_inventory' | 'groups_inventory' | 'all_plugins_inventory' | 'groups_plugins_inventory' | 'host_inventory' | 'host_plugins_inventory';

export interface VarLayer {
  kind: VarLayerKind;
  /** The group or host the variables belong to. */
  name: string;
  vars: Record<string, unknown>;
}

/** The layers, lowest precedence first. Empty layers are left out. */
export function hostVarLayers(inventory: Inventory, host: string): VarLayer[] {
  const entry = inventory.hosts.get(host);
  if (!entry) return [];
  const groups = groupsOf(inventory, host).filter((g) => g !== 'all');
  const all = inventory.groups.get('all')!;
  const layers: VarLayer[] = [
    { kind: 'all_inventory', name: 'all', vars: all.vars },
    ...groups.map((g): VarLayer => ({ kind: 'groups_inventory', name: g, vars: inventory.groups.get(g)!.vars })),
    { kind: 'all_plugins_inventory', name: 'all', vars: all.fileVars },
    ...groups.map((g): VarLayer => ({ kind: 'groups_plugins_inventory', name: g, vars: inventory.groups.get(g)!.fileVars })),
    { kind: 'host_inventory', name: host, vars: entry.vars },
    { kind: 'host_plugins_inventory', name: host, vars: entry.fileVars },
  ];
  return layers.filter((l) => Object.keys(l.vars).length > 0);
}

/** The host's merged inventory variables (what `ansible-inventory --host` prints). */
export function hostVars(inventory: Inventory, host: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of hostVarLayers(inventory, host)) Object.assign(merged, layer.vars);
  return merged;
}
