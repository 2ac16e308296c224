// Jinja2's StrictUndefined as Ansible uses it: looking up something missing yields this marker,
// which travels through attribute lookups (`foo.bar.baz` stays "'foo' is undefined") and fails as
// soon as it is printed, compared, iterated or passed to a filter other than `default`.
import { TemplateError } from './errors.js';

export class StrictUndefined {
  /** Where in the template the missing thing was looked up (1-based), once known. */
  line?: number;
  col?: number;
  constructor(
    readonly message: string,
    /** Where the missing thing was needed, when that is not the template being rendered. */
    readonly hint?: string,
  ) {}
}

export function isUndefined(value: unknown): value is StrictUndefined {
  return value instanceof StrictUndefined;
}

export function undefinedError(value: StrictUndefined): TemplateError {
  return new TemplateError('undefined-variable', value.message, { line: value.line, col: value.col, hint: value.hint });
}

/** Throws when `value` is undefined; returns it otherwise (for operands that must be real). */
export function defined<T>(value: T): Exclude<T, StrictUndefined> {
  if (value instanceof StrictUndefined) throw undefinedError(value);
  return value as Exclude<T, StrictUndefined>;
}

/** Like defined(), through lists and dicts too: results handed to the executor hold no undefined. */
export function deepDefined<T>(value: T, depth = 0): T {
  if (value instanceof StrictUndefined) throw undefinedError(value);
  if (depth > 100 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) value.forEach((v) => deepDefined(v, depth + 1));
  else if (Object.getPrototypeOf(value) === Object.prototype) Object.values(value).forEach((v) => deepDefined(v, depth + 1));
  return value;
}
