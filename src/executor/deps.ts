// Everything the executor uses from its sibling layers, in one place: the seams of the pipeline.
export { containsTemplate, referencedVariables, queryLookup, renderValue, renderString, renderTemplateFile, evaluateExpression, evaluateCondition, templateSearchPath, TemplateError, isOmit, OMIT, markUnsafe, withoutUnsafe, isUnsafe, speculative, pyRepr, isMapping } from '../template/index.js';
export { mergeVars, magicVars, groupNames } from '../vars/index.js';
export { selectHosts, groupsMap, hostVars as inventoryHostVars } from '../inventory/index.js';
export { ConnectionPool } from '../connection/pool.js';
export { withBecome } from '../connection/become.js';
export { BadConnectionVarsError, ConnectionError } from '../connection/errors.js';
export { CONNECTION_VARIABLES } from '../connection/settings.js';
export { findModule } from '../modules/registry.js';
export { runModule } from '../modules/run.js';
export { validateAgainstSchema } from '../schema/validate.js';
export { booleanOf, coerceToSchema } from '../schema/coerce.js';
