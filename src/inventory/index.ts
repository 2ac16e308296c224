// The inventory API other parts of ha-run use: load, relate, select, merge vars, print.
export type { Inventory, InventoryGroup, InventoryHost } from './types.js';
export { loadInventory, type LoadedInventory } from './load.js';
export { loadVarsBeside, loadVarsFile, type VarsBeside, type Vars } from './vars-dirs.js';
export { groupsOf, groupsMap, groupHosts, groupDepths, sortGroups, parentsMap } from './relations.js';
export { hostVars, hostVarLayers, type VarLayer, type VarLayerKind } from './host-vars.js';
export { selectHosts, splitHostPattern, readLimit, type SelectOptions } from './patterns.js';
export { expandHostRange, HostRangeError } from './ranges.js';
export { listInventory, graphInventory, displayedHostVars, ansibleJson } from './listing.js';
