// Reads back a JSON event log: what `--json` printed, or a run's log file (the same lines). Line by line,
// so a big run's log is never held whole; each event keeps its line number for messages.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ExitCode, HaRunError } from '../errors.js';
import { InputFileError, openRegularFile } from '../source/read-file.js';
import { EVENTS_SCHEMA_VERSION } from './json.js';

export interface LoggedEvent {
  event: string;
  /** 1-based line of the file. */
  line: number;
  data: Record<string, unknown>;
}

/** An event log that cannot be used: exit 4 (invalid input), at file:line when a line is at fault, else naming the file. */
export function badEventLog(file: string, message: string, line?: number, hint?: string): HaRunError {
  const where = line === undefined ? { message: `${file}: ${message}` } : { message, location: { file, line, col: 1 } };
  return new HaRunError('invalid-event-log', where.message, { exitCode: ExitCode.invalidInput, ...('location' in where ? { location: where.location } : {}), ...(hint ? { hint } : {}) });
}

export async function readEventLog(file: string): Promise<LoggedEvent[]> {
  let fd: number;
  try {
    fd = openRegularFile(file).fd;
  } catch (err) {
    if (err instanceof InputFileError) throw badEventLog(file, `cannot read the event log: ${err.message}`);
    throw err;
  }
  const events: LoggedEvent[] = [];
  const lines = createInterface({ input: createReadStream('', { fd, encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badEventLog(file, 'not a JSON event line', n, 'give the output of `ha-run ... --json` (or the run log), one JSON object per line');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || typeof (parsed as { event?: unknown }).event !== 'string') {
      throw badEventLog(file, 'not an ha-run event: a JSON object with "event" is expected', n);
    }
    const data = parsed as Record<string, unknown>;
    if (data.schema_version !== EVENTS_SCHEMA_VERSION) {
      throw badEventLog(file, `event schema_version ${JSON.stringify(data.schema_version)}: this ha-run reads version ${EVENTS_SCHEMA_VERSION}`, n, 'merge logs with the ha-run version that wrote them');
    }
    events.push({ event: data.event as string, line: n, data });
  }
  return events;
}
