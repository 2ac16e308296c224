// The public rendering entry points: strings, deep values, bare expressions and conditions.
import { UnsafeText } from '../source/yaml.js';
import { inExpression, TemplateError } from './errors.js';
import { Evaluation, isTemplate } from './evaluate.js';
import { loopLookupValue } from './lookups.js';
import { parseExpression } from './parse.js';
import { isMapping, pyStr, truthy } from './python.js';
import { templateText, templateValue } from './template-value.js';
import type { TemplateContext, TemplateFileOptions } from './types.js';
import { isUnsafeContainer } from './unsafe.js';
import { deepDefined } from './undefined.js';

export function renderString(template: string, ctx: TemplateContext): string {
  if (!isTemplate(template)) return template;
  return templateText(template, new Evaluation(ctx));
}

/**
 * Renders the text of a template file as the template module does: Jinja2's string escapes, the
 * `#jinja2:` first line honoured, includes found in `ctx.templateDirs`, always rendered (custom
 * delimiters may hide from a quick look).
 */
export function renderTemplateFile(source: string, ctx: TemplateContext, options: Omit<TemplateFileOptions, 'templateDirs'> = {}): string {
  return new Evaluation(ctx).renderFile(source, { ...options, templateDirs: ctx.templateDirs });
}

/**
 * Renders deeply: arrays, objects (keys too) and strings, each string to the value Ansible 2.14
 * gives it (see template-value.ts). `!unsafe` values are returned untouched.
 */
export function renderValue<T = unknown>(value: T, ctx: TemplateContext): unknown {
  const walk = (v: unknown): unknown => {
    if (v instanceof UnsafeText || isUnsafeContainer(v)) return v;
    if (typeof v === 'string') {
      if (!isTemplate(v)) return v;
      return templateValue(v, new Evaluation(ctx));
    }
    if (Array.isArray(v)) return v.map(walk);
    if (isMapping(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [isTemplate(k) ? pyStr(walk(k)) : k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Evaluates a bare expression (no `{{ }}`) to its value; `escapes` reads its own string literals only. */
export function evaluateExpression(expr: string, ctx: TemplateContext, escapes = ctx.stringEscapes): unknown {
  const node = parseExpression(expr, escapes);
  try {
    return deepDefined(new Evaluation(ctx).expr(node));
  } catch (err) {
    throw inExpression(err);
  }
}

/**
 * `when`, `changed_when`, `failed_when`, `until`: a bare expression with Python truthiness.
 * Like Ansible, a condition written with `{{ }}` is rendered first; a resulting string is then
 * evaluated as an expression itself ("{{ flag }}" with flag='False' is false).
 */
export function evaluateCondition(cond: string | boolean, ctx: TemplateContext): boolean {
  if (typeof cond === 'boolean') return cond;
  // YAML can hand us `when: 1` or `when: null`; judge such values as Python would.
  if (typeof cond !== 'string') return truthy(cond);
  let expr: unknown = cond;
  if (isTemplate(cond)) {
    expr = renderValue(cond, ctx);
    // Text made from target data is never evaluated as an expression (Ansible refuses it too).
    if (expr instanceof UnsafeText) throw new TemplateError('template-error', 'Conditional is marked as unsafe, and cannot be evaluated.');
    if (typeof expr !== 'string') return truthy(expr);
  }
  const text = String(expr).trim();
  if (text === '') return false;
  // Ansible evaluates a condition inside `{% if %}`, where Jinja2 decodes the escapes of string
  // literals ('\t' is a tab); only `{{ }}` keeps them as written.
  return truthy(evaluateExpression(text, ctx, 'python'));
}

/** Runs lookup `name` on already-rendered terms, as a `with_<name>` loop does: always a list. */
export function queryLookup(name: string, terms: unknown[], ctx: TemplateContext): unknown[] {
  return loopLookupValue(name, terms, new Evaluation(ctx));
}
