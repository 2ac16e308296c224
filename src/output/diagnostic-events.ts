// Validation problems as `--json` events: one `diagnostic` line per problem (the same fields the text
// shows: code, message, severity, file:line:col, hint), so CI reads them as it reads a run's events.
import { HaRunError, ValidationError, type Diagnostic } from '../errors.js';
import { sortDiagnostics } from './diagnostics.js';
import { eventLine } from './json.js';

export function diagnosticLines(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => eventLine('diagnostic', { code: d.code, message: d.message, severity: d.severity, ...(d.location ? { location: d.location } : {}), ...(d.hint ? { hint: d.hint } : {}) }) + '\n')
    .join('');
}

/** The problems an error stands for: all of a validation's, or the one a known error describes. */
export function diagnosticsOf(err: unknown): Diagnostic[] | undefined {
  if (err instanceof ValidationError) return err.diagnostics;
  if (err instanceof HaRunError) return [err.toDiagnostic()];
  return undefined;
}

export interface ValidateSummary {
  playbook: string;
  plays?: number;
  tasks?: number;
  hosts?: number;
}

export function validateEndLine(summary: ValidateSummary, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return eventLine('validate_end', { ...summary, valid: errors === 0, errors, warnings: diagnostics.length - errors }) + '\n';
}
