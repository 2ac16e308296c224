// Target data is data (see src/template/unsafe.ts): a module's result becomes variables (register,
// facts, changed_when/until's view, ansible_failed_result) only through here, as unsafe text that
// no later template renders. Every module is covered unless it is one of the two whose results are
// the controller's own rendered values (Ansible's "clean facts" actions).
import type { ModuleResult } from '../modules/types.js';
import { findModule, markUnsafe, withoutUnsafe } from './deps.js';

const CONTROLLER_VALUES = new Set(['set_fact', 'include_vars']);

function keepsControllerValues(module: string): boolean {
  return CONTROLLER_VALUES.has(findModule(module)?.name ?? module);
}

/** The result as variables see it. */
export function resultAsVariable(module: string, result: ModuleResult): ModuleResult {
  return keepsControllerValues(module) ? result : (markUnsafe(result) as ModuleResult);
}

/**
 * The rendered arguments as the module gets them: plain text, as a module on the target would. set_fact
 * keeps unsafe values unsafe, since its arguments become variables as they are.
 */
export function argumentsFor(module: string, rendered: Record<string, unknown>): Record<string, unknown> {
  return (findModule(module)?.name ?? module) === 'set_fact' ? rendered : (withoutUnsafe(rendered) as Record<string, unknown>);
}
