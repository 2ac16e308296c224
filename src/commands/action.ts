// Wraps every command's action: turns known errors into clear messages and exit codes, never a stack trace.
import { ExitCode, HaRunError, ValidationError, type ExitCodeValue } from '../errors.js';
import { formatDiagnostic, sortDiagnostics, sourceReader } from '../output/diagnostics.js';

export type CommandAction<A extends unknown[]> = (...args: A) => Promise<ExitCodeValue | number | void>;

export function action<A extends unknown[]>(fn: CommandAction<A>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? ExitCode.ok;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

/** Prints an error the way a person can act on it; returns the exit code it deserves. */
export function reportError(err: unknown, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (err instanceof ValidationError) {
    const read = sourceReader();
    for (const d of sortDiagnostics(err.diagnostics)) write(formatDiagnostic(d, read) + '\n\n');
    write(`ha-run: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof HaRunError) {
    write(formatDiagnostic(err.toDiagnostic()) + '\n');
    return err.exitCode;
  }
  // A bug in ha-run, not the user's fault: say so, and show the trace only when asked.
  const detail = process.env.HA_RUN_DEBUG ? `\n${(err as Error)?.stack ?? String(err)}` : ' (set HA_RUN_DEBUG=1 for details)';
  write(`ha-run: internal error: ${(err as Error)?.message ?? String(err)}${detail}\n`);
  return ExitCode.internal;
}
