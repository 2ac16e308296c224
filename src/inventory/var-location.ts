// Where a host's inventory variable is written: the file, line and column of the value that wins
// for it (host vars over group vars, host_vars/ and group_vars/ files over inline values), so a
// message about a value can point at the line to change.
import type { SourceLocation } from '../errors.js';
import { hostVarLayers, type VarLayer } from './host-vars.js';
import type { Inventory } from './types.js';
import type { VarsBeside } from './vars-dirs.js';

export function locateHostVariable(inventory: Inventory, host: string, name: string, playbookVars?: VarsBeside): SourceLocation | undefined {
  const layers = hostVarLayers(inventory, host, playbookVars);
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    if (Object.hasOwn(layer.vars, name)) return locationIn(inventory, layer, name, playbookVars);
  }
  return undefined;
}

function locationIn(inventory: Inventory, layer: VarLayer, name: string, playbookVars?: VarsBeside): SourceLocation | undefined {
  const group = inventory.groups.get(layer.name);
  const host = inventory.hosts.get(layer.name);
  switch (layer.kind) {
    case 'all_inventory':
    case 'groups_inventory':
      return group?.varLocations?.[name];
    case 'all_plugins_inventory':
    case 'groups_plugins_inventory':
      return group?.fileVarLocations?.[name];
    case 'all_plugins_play':
    case 'groups_plugins_play':
      return playbookVars?.groupVarLocations?.get(layer.name)?.[name];
    case 'host_inventory':
      return host?.varLocations?.[name];
    case 'host_plugins_inventory':
      return host?.fileVarLocations?.[name];
    case 'host_plugins_play':
      return playbookVars?.hostVarLocations?.get(layer.name)?.[name];
  }
}
