// The inventory API other parts of ha-run use: load, relate, select, merge vars, print.
//
// Behaviour follows ansible-core 2.14 (checked by test/unit/inventory/compat*.test.ts and patterns.test.ts
// against Ansible's own code). Where ha-run differs, on purpose:
// - Problems are all reported, each at file:line:col; Ansible stops at the first and may fall back to
//   another inventory plugin. Unknown keys in a YAML group are errors (Ansible warns and skips them).
// - A range with begin > end is an error (Ansible silently yields no hosts); ranges stop at 100 000 hosts.
// - Static inventories only: `plugin:` files are refused, executable files are read as INI/YAML, not run.
// - Groups below the second level are walked breadth-first in definition order (Ansible: set order, random).
// - YAML dates stay strings (Ansible: date objects that print the same); INI variables need a name.
// - selectHosts invents the implicit `localhost` only when asked (implicitLocalhost: playbook runs).
// - `ha-run inventory` masks secret-named values, has --limit, and lacks --toml and --output.
export type { Inventory, InventoryGroup, InventoryHost } from './types.js';
export { loadInventory, type LoadedInventory } from './load.js';
export { filesInVarsDir, loadVarsBeside, loadVarsFile, type VarsBeside, type Vars } from './vars-dirs.js';
export { groupsOf, groupsMap, groupHosts, groupDepths, sortGroups, parentsMap } from './relations.js';
export { hostVars, hostVarLayers, type PlaybookVars, type VarLayer, type VarLayerKind } from './host-vars.js';
export { locateHostVariable } from './var-location.js';
export { selectHosts, splitHostPattern, readLimit, type SelectOptions } from './patterns.js';
export { inventoryHostCount, isImplicit, LOCALHOST_NAMES } from './implicit-localhost.js';
export { expandHostRange, HostRangeError } from './ranges.js';
export { listInventory, graphInventory, displayedHostVars, ansibleJson } from './listing.js';
