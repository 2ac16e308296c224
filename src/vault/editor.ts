// Editing plaintext for `vault create` and `vault edit`: $EDITOR on a 0600 file in a private 0700
// directory, overwritten and removed afterwards whatever happens, so the plaintext does not stay on disk.
import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, HaRunError } from '../errors.js';
import { shlexSplit } from '../util/shlex.js';

function editorCommand(): string[] {
  const words = shlexSplit(process.env.EDITOR || 'vi');
  return words.length > 0 ? words : ['vi'];
}

/** Zeroes a file's bytes before it is removed (a best effort: journaling file systems may keep copies). */
function scrub(file: string): void {
  try {
    const fd = openSync(file, 'r+');
    try {
      const size = fstatSync(fd).size;
      writeSync(fd, Buffer.alloc(size), 0, size, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Gone already: nothing to scrub.
  }
}

/** What the user saved after editing `initial`; `name` gives the temp file its extension (for syntax colours). */
export function editInTempFile(initial: Buffer, name: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-vault-'));
  const file = join(dir, name.replace(/[^\w.-]/g, '_') || 'vault');
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, initial);
    } finally {
      closeSync(fd);
    }
    const [command, ...args] = editorCommand() as [string, ...string[]];
    // Ctrl-C in the editor reaches this process too: it must not end it before the plaintext is removed.
    const ignore = (): void => {};
    process.on('SIGINT', ignore);
    let run;
    try {
      run = spawnSync(command, [...args, file], { stdio: 'inherit' });
    } finally {
      process.off('SIGINT', ignore);
    }
    if (run.error) throw new HaRunError('vault-editor', `cannot start the editor '${command}': ${run.error.message}`, { exitCode: ExitCode.error, hint: 'set EDITOR to an editor that is installed' });
    if (run.status !== 0) throw new HaRunError('vault-editor', `the editor '${command}' exited with status ${run.status ?? run.signal}; nothing was saved`);
    return readFileSync(file);
  } finally {
    scrub(file);
    rmSync(dir, { recursive: true, force: true });
  }
}
