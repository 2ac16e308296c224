// Which reporters a run gets: the live view on a terminal, plain lines in CI and pipes, JSON lines on
// request; always the full log file. All of them behind the secret masker.
import { AdhocReporter } from './adhoc.js';
import { colourWanted } from './colour.js';
import { jsonReporter } from './json.js';
import { JunitReporter } from './junit.js';
import { LiveReporter } from './live.js';
import { openRunLog } from './log-file.js';
import { SecretMasker } from './mask.js';
import { maskedReporter } from './masked.js';
import { PlainReporter } from './plain.js';
import { fanOut, type Reporter } from './reporter.js';
import { withEndEvents } from './task-ends.js';
import { terminalSafeReporter } from './terminal-safe.js';

export interface ReporterChoice {
  json: boolean;
  verbosity: number;
  write?: (s: string) => void;
  /** Defaults to stdout being a terminal and CI unset. */
  live?: boolean;
  /** Ad-hoc runs print like `ansible` (a block per host, no banners or recap). */
  adhoc?: boolean;
  /** Where the log goes (`.ha-run/logs` under it); defaults to the working directory. */
  logDir?: string;
  /** The log file itself (ansible.cfg log_path), appended to; wins over logDir. */
  logPath?: string;
  /** `--junit FILE`: a JUnit XML report written at the end of the run. */
  junit?: string;
  /** Hosts worked on at once: the live view shows the others as queued. */
  forks?: number;
}

/** Writes to stdout; when the reader goes away (`| head`), output stops quietly and the run goes on. */
let stdoutOpen: boolean | undefined;
export function stdoutWriter(): (s: string) => void {
  if (stdoutOpen === undefined) {
    stdoutOpen = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') stdoutOpen = false;
    });
  }
  return (s) => {
    if (stdoutOpen) process.stdout.write(s);
  };
}

export function createReporters(choice: ReporterChoice): { reporter: Required<Reporter>; masker: SecretMasker; logFile?: string; close(): Promise<void> } {
  const write = choice.write ?? stdoutWriter();
  const masker = new SecretMasker();
  const log = openRunLog(choice.logDir, new Date(), choice.logPath);
  const reporters: Reporter[] = [log.reporter];
  // A terminal that reports no width (a pty without a size, as `script` gives) would get the live view
  // wrapped a character per line: plain lines read better there, and on a TERM=dumb terminal (no cursor moves).
  const live = choice.live ?? (process.stdout.isTTY === true && !process.env.CI && process.env.TERM !== 'dumb' && (process.stdout.columns ?? 0) >= 40);
  if (choice.junit) reporters.push(new JunitReporter(choice.junit));
  if (choice.json) reporters.push(jsonReporter(write));
  // What a person reads shows a target's control characters as escapes; JSON keeps the data.
  else if (choice.adhoc) reporters.push(terminalSafeReporter(new AdhocReporter(write)));
  else if (live) reporters.push(terminalSafeReporter(new LiveReporter(write, choice)));
  else reporters.push(terminalSafeReporter(new PlainReporter({ write, verbosity: choice.verbosity, colour: colourWanted(process.stdout.isTTY === true) })));
  return {
    reporter: maskedReporter(withEndEvents(fanOut(reporters)), masker),
    masker,
    ...(log.path ? { logFile: log.path } : {}),
    close: async () => log.close(),
  };
}
