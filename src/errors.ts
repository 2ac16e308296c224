// Every user-facing problem is a Diagnostic (collected, many at once) or a HaRunError (thrown, one).
// Both carry a stable code so tests, docs and users can refer to them; a location where one applies.

/** 1-based line and column, like editors show them. */
export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export interface Diagnostic {
  /** Stable identifier, e.g. 'yaml-syntax', 'unknown-key', 'undefined-variable'. */
  code: string;
  message: string;
  location?: SourceLocation;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
  severity: 'error' | 'warning';
}

/** Exit codes, matching ansible-playbook's where Ansible has one for the same outcome. */
export const ExitCode = {
  ok: 0,
  error: 1,
  hostsFailed: 2,
  hostsUnreachable: 3,
  invalidInput: 4,
  badOptions: 5,
  interrupted: 99,
  /** Stopped by SIGTERM (what CI sends on cancel): 128 + 15, as a process killed by it would report. */
  terminated: 143,
  internal: 250,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class HaRunError extends Error {
  readonly code: string;
  readonly location?: SourceLocation;
  readonly hint?: string;
  readonly exitCode: ExitCodeValue;

  constructor(
    code: string,
    message: string,
    options: { location?: SourceLocation; hint?: string; exitCode?: ExitCodeValue; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HaRunError';
    this.code = code;
    this.location = options.location;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.error;
  }

  toDiagnostic(): Diagnostic {
    return { code: this.code, message: this.message, location: this.location, hint: this.hint, severity: 'error' };
  }
}

/** Thrown when input files are invalid: carries all the diagnostics found, not only the first. */
export class ValidationError extends HaRunError {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super('invalid-input', `${errors} problem${errors === 1 ? '' : 's'} found`, { exitCode: ExitCode.invalidInput });
    this.name = 'ValidationError';
    this.diagnostics = diagnostics;
  }
}

export function diagnostic(
  code: string,
  message: string,
  location?: SourceLocation,
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { code, message, location, hint, severity };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
