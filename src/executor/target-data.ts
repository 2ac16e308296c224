// Target data is data (see src/template/unsafe.ts): a module's result becomes variables (register,
// facts, changed_when/until's view, ansible_failed_result) only through here, as unsafe text that
// no later template renders. Every module is covered unless it declares that its result is the
// controller's own rendered values (resultIsControllerData: set_fact and include_vars).
import type { ModuleResult } from '../modules/types.js';
import { findModule, markUnsafe, withoutUnsafe } from './deps.js';

/** The result as variables see it. */
export function resultAsVariable(module: string, result: ModuleResult): ModuleResult {
  return findModule(module)?.resultIsControllerData ? result : (markUnsafe(result) as ModuleResult);
}

/**
 * The rendered arguments as the module gets them: plain text, as a module on the target would, unless the
 * module's arguments become variables as they are (keepsUnsafeArgs: set_fact keeps unsafe values unsafe).
 */
export function argumentsFor(module: string, rendered: Record<string, unknown>): Record<string, unknown> {
  return findModule(module)?.keepsUnsafeArgs ? rendered : (withoutUnsafe(rendered) as Record<string, unknown>);
}
