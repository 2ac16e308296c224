// The full log of a run: every event as a JSON line (secrets already masked by the caller), in a file
// only its owner can read. Its path is printed when something fails.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';

/** `.ha-run/logs/` under the working directory when writable, else the temp dir. */
export function openRunLog(cwd = process.cwd(), now = new Date()): { path: string; reporter: Reporter; close(): void } {
  const name = `run-${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.jsonl`;
  for (const dir of [join(cwd, '.ha-run', 'logs'), join(tmpdir(), 'ha-run-logs')]) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, name);
      const fd = openSync(path, 'wx', 0o600);
      let open = true;
      const reporter = jsonReporter((line) => {
        if (open) writeSync(fd, line);
      });
      return {
        path,
        reporter,
        close() {
          if (open) closeSync(fd);
          open = false;
        },
      };
    } catch {
      // try the next place
    }
  }
  const reporter = jsonReporter(() => {});
  return { path: '', reporter, close() {} };
}
