// What a string template becomes in Ansible 2.14 with jinja2_native off (Templar.template and
// do_template, ansible_eval_concat), for task arguments and for variables whose values are templates:
//  1. exactly `{{ name }}` (one trailing newline allowed: Python's `$`) naming a variable whose value
//     is a number or a boolean yields that value untouched, a null yields null;
//  2. otherwise the template is rendered to text, Jinja dropping one trailing newline of the source;
//     text that starts with '[' or '{', or is exactly True/False, is read back as a Python literal
//     when it is one (JSON's true/false/null allowed), except when it is the direct result of a
//     filter Ansible marks as text (string, to_json, to_yaml, ...);
//  3. a result that is still text gets back the trailing newlines Jinja dropped.
// So `content: "{{ item }}\n"` with item 2 is the number 2, and `"{{ n + 1 }}"` is the text '6'.
import type { Evaluation } from './evaluate.js';
import { parseTemplate, type TNode } from './parse.js';
import { PyFloat } from './py-float.js';
import { isLazy, isMapping, pyStr } from './python.js';
import { literalEval, NOT_LITERAL } from './python-literal.js';
import { ANSIBLE_SYNTAX, type TemplateSyntax } from './syntax.js';
import type { TemplateContext } from './types.js';
import { deepDefined } from './undefined.js';
import { markUnsafe } from './unsafe.js';
import { UnsafeText } from '../source/yaml.js';

// Ansible's SINGLE_VAR: ^{{\s*(\w*)\s*}}$ where `$` also matches before a final newline.
const SINGLE_VARIABLE = /^\{\{\s*([\p{L}\p{N}_]*)\s*\}\}\n?$/u;
// C.STRING_TYPE_FILTERS: their results are NativeJinjaText, never re-read as literals.
const TEXT_FILTERS = new Set(['string', 'to_json', 'to_nice_json', 'to_yaml', 'to_nice_yaml', 'ppretty', 'json']);

/** The value of a template; unsafe when the template read unsafe data (see unsafe.ts). */
export function templateValue(source: string, ev: Evaluation): unknown {
  const value = valueOf(source, ev);
  return ev.readUnsafe ? markUnsafe(value) : value;
}

function valueOf(source: string, ev: Evaluation): unknown {
  const single = SINGLE_VARIABLE.exec(source)?.[1];
  if (single !== undefined && hasVariable(ev.ctx.vars, single)) {
    const raw = ev.ctx.vars[single];
    if (typeof raw === 'number' || raw instanceof PyFloat || typeof raw === 'boolean' || raw === null) return raw;
  }
  const syntax = ev.ctx.syntax ?? ANSIBLE_SYNTAX;
  const root = parseTemplate(withoutTrailingNewline(source), ev.ctx.stringEscapes, syntax);
  const only = singleExpression(root);
  let text: string;
  if (only) {
    const value = deepDefined(ev.expr(only));
    if (isTextFilter(only)) return restoreTrailingNewlines(source, finalize(value), syntax);
    // literal_eval(repr(value)) gives plain data back unchanged: skip the round trip. Lazy
    // hostvars stay lazy (Ansible's own result for them is a quirk not worth copying).
    if (isLazy(value) || ((Array.isArray(value) || isMapping(value)) && isPlainData(value))) return value;
    text = finalize(value);
  } else {
    text = ev.renderText(root);
  }
  const value = readBackLiteral(text);
  return typeof value === 'string' ? restoreTrailingNewlines(source, value, syntax) : value;
}

/** The settings a template file (or text rendered as one) is read with. */
export function fileSyntaxOf(ctx: TemplateContext): Readonly<TemplateSyntax> {
  return ctx.fileSyntax ?? ctx.syntax ?? ANSIBLE_SYNTAX;
}

/** Text rendering with Jinja's and Ansible's trailing newline handling (do_template without convert_data). */
export function templateText(source: string, ev: Evaluation, escapes = ev.ctx.stringEscapes): string {
  const syntax = fileSyntaxOf(ev.ctx);
  const text = syntax.keepTrailingNewline ? source : withoutTrailingNewline(source);
  return restoreTrailingNewlines(source, ev.renderText(parseTemplate(text, escapes, syntax)), syntax);
}

/** ansible_eval_concat's conversion of the rendered text. */
export function readBackLiteral(text: string): unknown {
  if (!(text.startsWith('[') || text.startsWith('{') || text === 'True' || text === 'False')) return text;
  const value = literalEval(text);
  return value === NOT_LITERAL ? text : value;
}

function hasVariable(vars: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(vars, name) || (isLazy(vars) && name in vars);
}

/** Jinja2 (keep_trailing_newline off) drops one newline at the end of the source. */
function withoutTrailingNewline(source: string): string {
  return source.replace(/(?:\r\n|\r|\n)$/, '');
}

/** Ansible gives the result as many trailing newlines as the source had (counting \n only, as it does). */
function restoreTrailingNewlines(source: string, result: string, syntax: Readonly<TemplateSyntax>): string {
  const missing = trailingNewlines(source) - trailingNewlines(result);
  return missing > 0 ? result + syntax.newlineSequence.repeat(missing) : result;
}

function trailingNewlines(s: string): number {
  let n = 0;
  while (n < s.length && s[s.length - 1 - n] === '\n') n++;
  return n;
}

/** The expression when the template is exactly one `{{ expr }}`. */
function singleExpression(root: TNode): TNode | undefined {
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only?.typename !== 'Output' || only.children.length !== 1) return undefined;
  const node = only.children[0] as TNode;
  return node.typename === 'TemplateData' ? undefined : node;
}

function isTextFilter(node: TNode): boolean {
  while (node.typename === 'Group' && node.children?.length === 1) node = node.children[0];
  if (node.typename !== 'Filter') return false;
  return TEXT_FILTERS.has(String(node.name.value).replace(/^ansible\.(builtin|legacy)\./, ''));
}

/** Jinja's finalize in Ansible: None prints as ''. */
function finalize(value: unknown): string {
  return value === null ? '' : pyStr(value);
}

/** Lists and dicts of strings, finite numbers, booleans and null: what repr and literal_eval round-trip. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || value instanceof UnsafeText || typeof value === 'boolean') return true;
  if (typeof value === 'number' || value instanceof PyFloat) return Number.isFinite(Number(value));
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (isMapping(value) && !isLazy(value)) return Object.values(value).every((v) => isPlainData(v, depth + 1));
  return false;
}
