// The full log of a run: every event as a JSON line (secrets already masked by the caller), in a file
// only its owner can read. Its path is printed when something fails.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';

/** `.ha-run/logs/` under the working directory when writable, else the temp dir; or `file` (log_path),
 *  appended to as Ansible's log_path is. */
export function openRunLog(cwd = process.cwd(), now = new Date(), file?: string): { path: string; reporter: Reporter; close(): void } {
  const name = `run-${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.jsonl`;
  const places = file ? [{ dir: dirname(file), path: file, flags: 'a' }] : [join(cwd, '.ha-run', 'logs'), join(tmpdir(), 'ha-run-logs')].map((dir) => ({ dir, path: join(dir, name), flags: 'wx' }));
  for (const { dir, path, flags } of places) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const fd = openSync(path, flags, 0o600);
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
