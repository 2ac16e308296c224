// Jinja2-compatible templating with Ansible's semantics. The public API of src/template/.
export type { TemplateContext } from './types.js';
export type { StringEscapes } from './parse.js';
export { TemplateError, type TemplateErrorCode } from './errors.js';
export { isTemplate } from './evaluate.js';
export { containsTemplate } from './template-scan.js';
export { renderString, renderTemplateFile, renderValue, evaluateExpression, evaluateCondition, queryLookup } from './render.js';
export { isSupportedLookup, LookupDeferred } from './lookups.js';
export { speculative } from './speculative.js';
export { ANSIBLE_SYNTAX, JINJA_SETTING_NAMES, syntaxSetting, type TemplateSyntax } from './syntax.js';
export type { TemplateFileOptions } from './types.js';
export { templateVariables, ANSIBLE_MANAGED, TEMPLATE_VARIABLE_NAMES } from './template-variables.js';
export { templateSearchPath } from './template-loader.js';
export { referencedVariables, constantKeysRead, type ReferencedVariables, type UnknownName } from './references.js';
export { OMIT, isOmit } from './omit.js';
export { markUnsafe, withoutUnsafe, isUnsafe } from './unsafe.js';
export { StrictUndefined, isUndefined } from './undefined.js';
export { shellQuote } from './filters/strings.js';
export { pyStr as toText, pyRepr, isMapping } from './python.js';
