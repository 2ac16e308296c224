// Template problems carry a stable code and, when known, the line/col inside the template text
// (callers add the file position of the YAML value the template came from).
import { HaRunError } from '../errors.js';

export type TemplateErrorCode = 'undefined-variable' | 'template-syntax' | 'template-error';

export class TemplateError extends HaRunError {
  /** 1-based line inside the template text, when known. */
  readonly line?: number;
  /** 1-based column inside the template text, when known. */
  readonly col?: number;

  constructor(code: TemplateErrorCode, message: string, options: { line?: number; col?: number; hint?: string; cause?: unknown } = {}) {
    super(code, message, { hint: options.hint, cause: options.cause });
    this.name = 'TemplateError';
    this.line = options.line;
    this.col = options.col;
  }
}

/** Bare expressions are parsed as `{{ expr }}`: columns on the first line move back by that prefix. */
export const EXPRESSION_PREFIX = '{{ ';

export function inExpression(err: unknown): unknown {
  if (!(err instanceof TemplateError) || err.line !== 1 || err.col === undefined) return err;
  return new TemplateError(err.code as TemplateErrorCode, err.message, {
    line: 1,
    col: Math.max(1, err.col - EXPRESSION_PREFIX.length),
    hint: err.hint,
    cause: err.cause,
  });
}
