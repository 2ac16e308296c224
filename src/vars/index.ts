// Variable precedence and magic variables. The public API of src/vars/.
export { mergeVars, precedenceLevels, type VarScopes, type Vars, type PrecedenceLevel } from './precedence.js';
export { groupOrder } from './group-order.js';
export { magicVars, groupNames, hostvarsMapping, renderedView, MAGIC_VARIABLE_NAMES, type MagicInput } from './magic.js';
export { lazyMapping } from './lazy-mapping.js';
