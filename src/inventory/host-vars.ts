// A host's inventory-level variables, merged in Ansible's order (VARIABLE_PRECEDENCE, hash_behaviour=replace):
//   all (inline) < other groups (inline, by depth/priority/name) < group_vars/all < group_vars/<group> (same order)
//   < host (inline) < host_vars/<host>;
// with a playbook's group_vars/host_vars, each of those comes right after its inventory counterpart.
// src/vars/ builds the full order (facts, play vars, ...) on top.
import { groupsOf } from './relations.js';
import type { Inventory } from './types.js';

export type VarLayerKind =
  | 'all_inventory'
  | 'groups_inventory'
  | 'all_plugins_inventory'
  | 'all_plugins_play'
  | 'groups_plugins_inventory'
  | 'groups_plugins_play'
  | 'host_inventory'
  | 'host_plugins_inventory'
  | 'host_plugins_play';

/** group_vars/ and host_vars/ beside the playbook (loadVarsBeside), when there is one. */
export interface PlaybookVars {
  groupVars: Map<string, Record<string, unknown>>;
  hostVars: Map<string, Record<string, unknown>>;
}

export interface VarLayer {
  kind: VarLayerKind;
  /** The group or host the variables belong to. */
  name: string;
  vars: Record<string, unknown>;
}

/** The layers, lowest precedence first. Empty layers are left out. */
export function hostVarLayers(inventory: Inventory, host: string, playbook?: PlaybookVars): VarLayer[] {
  const entry = inventory.hosts.get(host);
  if (!entry) return [];
  const groups = groupsOf(inventory, host).filter((g) => g !== 'all');
  const all = inventory.groups.get('all')!;
  const layers: VarLayer[] = [
    { kind: 'all_inventory', name: 'all', vars: all.vars },
    ...groups.map((g): VarLayer => ({ kind: 'groups_inventory', name: g, vars: inventory.groups.get(g)!.vars })),
    { kind: 'all_plugins_inventory', name: 'all', vars: all.fileVars },
    { kind: 'all_plugins_play', name: 'all', vars: playbook?.groupVars.get('all') ?? {} },
    ...groups.map((g): VarLayer => ({ kind: 'groups_plugins_inventory', name: g, vars: inventory.groups.get(g)!.fileVars })),
    ...groups.map((g): VarLayer => ({ kind: 'groups_plugins_play', name: g, vars: playbook?.groupVars.get(g) ?? {} })),
    { kind: 'host_inventory', name: host, vars: entry.vars },
    { kind: 'host_plugins_inventory', name: host, vars: entry.fileVars },
    { kind: 'host_plugins_play', name: host, vars: playbook?.hostVars.get(host) ?? {} },
  ];
  return layers.filter((l) => Object.keys(l.vars).length > 0);
}

/** The host's merged inventory variables (what `ansible-inventory --host [--playbook-dir]` prints). */
export function hostVars(inventory: Inventory, host: string, playbook?: PlaybookVars): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of hostVarLayers(inventory, host, playbook)) Object.assign(merged, layer.vars);
  return merged;
}
