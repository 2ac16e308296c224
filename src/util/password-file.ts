// A password from a file, as Ansible's --*-password-file options read one: the file's text without its
// surrounding whitespace, or, when the file is executable, what it prints (it may ask on the terminal).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { ExitCode, HaRunError } from '../errors.js';

const MAX_PASSWORD_FILE_BYTES = 1024 * 1024;

export interface PasswordFileOptions {
  /** What the password is for, in messages: "vault password file x (vault id 'y')", "become password file x". */
  describe: string;
  /** Arguments for an executable (a vault `*-client` script is asked `--vault-id LABEL`). */
  args?: string[];
  code?: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function trimBytes(bytes: Buffer, edges: RegExp): Buffer {
  return Buffer.from(bytes.toString('utf8').replace(edges, ''), 'utf8');
}

export function readPasswordFile(file: string, o: PasswordFileOptions): Buffer {
  const fail = (message: string): HaRunError => new HaRunError(o.code ?? 'password-file', message, { exitCode: ExitCode.badOptions });
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw fail(`${o.describe} not found`);
  }
  if (!stat.isFile()) throw fail(`${o.describe} is not a regular file`);
  if (stat.size > MAX_PASSWORD_FILE_BYTES) throw fail(`${o.describe} is ${stat.size} bytes; that is no password`);
  if (!isExecutable(file)) return trimBytes(readFileSync(file), /^\s+|\s+$/g);
  // stdin and stderr stay the user's, so a script may ask on the terminal itself.
  const run = spawnSync(file, o.args ?? [], { stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: MAX_PASSWORD_FILE_BYTES });
  if (run.error) throw fail(`${o.describe} could not run: ${run.error.message}`);
  if (run.status !== 0) throw fail(`${o.describe} exited with status ${run.status ?? run.signal}`);
  return trimBytes(run.stdout, /^[\r\n]+|[\r\n]+$/g);
}
