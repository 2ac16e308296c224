// Bare Jinja2 expressions in module args (debug's `var`, assert's `that`): evaluated through the
// context's templating, truth judged the way Python/Jinja2 judge it.
import type { ModuleContext } from '../types.js';

/**
 * The value of an expression. Without ctx.evaluate(), render() only gives text: going through
 * to_json and back keeps lists, dicts, numbers and booleans what they are.
 */
export function evaluateExpression(ctx: ModuleContext, expression: string): unknown {
  if (ctx.evaluate) return ctx.evaluate(expression);
  const json = ctx.render(`{{ (${expression}) | to_json }}`);
  try {
    return JSON.parse(json);
  } catch {
    return ctx.render(`{{ ${expression} }}`);
  }
}

/** Python truthiness: empty lists, dicts and strings are false ('False' as text too, from render()). */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  // A template's float 2.0 is a boxed Number (src/template/py-float.ts): judge its value.
  if (value instanceof Number) return Number(value) !== 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  if (typeof value === 'string') {
    const t = value.trim();
    return t !== '' && t !== 'False' && t !== 'false' && t !== 'None';
  }
  return Boolean(value);
}

export function evaluateCondition(ctx: ModuleContext, expression: string): boolean {
  if (ctx.evaluate) return isTruthy(ctx.evaluate(expression, { condition: true }));
  return ctx.render(`{% if ${expression} %}True{% else %}False{% endif %}`) === 'True';
}
