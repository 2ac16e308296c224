// Reading and writing what the vault commands work on: `-` is stdin or stdout; a file is replaced whole
// (temp file beside it, then rename), so an interrupted write leaves the old file, never half of the new.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ExitCode, HaRunError } from '../errors.js';
import { InputFileError, MAX_INPUT_BYTES, readRegularFile } from '../source/read-file.js';

export const STDIO = '-';

export function readInput(file: string): Buffer {
  try {
    // A named file must be a regular one (a FIFO or device would block or never end); stdin is read as it comes.
    return file === STDIO ? readFileSync(0) : readRegularFile(file, MAX_INPUT_BYTES);
  } catch (err) {
    if (err instanceof InputFileError) throw new HaRunError('vault-file', `cannot read ${file}: ${err.message}`, { exitCode: ExitCode.error });
    const code = (err as NodeJS.ErrnoException).code;
    throw new HaRunError('vault-file', `cannot read ${file === STDIO ? 'stdin' : file}: ${code === 'ENOENT' ? 'file not found' : (code ?? String(err))}`, { exitCode: ExitCode.error });
  }
}

/** Writes `data` to `file` (stdout for `-`) with mode 0600, as ansible-vault leaves what it writes: plaintext or not, it is private. */
export function writeOutput(file: string, data: Buffer | string): void {
  if (file === STDIO) {
    process.stdout.write(data);
    return;
  }
  const temp = join(dirname(file), `.${basename(file)}.ha-run-vault-${randomBytes(6).toString('hex')}`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new HaRunError('vault-file', `cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
