// Reading one vault password from where a vault id points: the terminal, a file (its text, surrounding
// whitespace removed), or an executable (its stdout). An executable named `*-client` or `*-client.EXT` is
// asked for a particular id with `--vault-id LABEL`, as Ansible does.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ExitCode, HaRunError } from '../errors.js';
import type { VaultSecret } from './keyring.js';
import { askHidden } from './prompt.js';
import { PROMPT_SOURCE, type VaultIdSpec } from './vault-id.js';
import { DEFAULT_VAULT_ID } from './envelope.js';

const MAX_PASSWORD_FILE_BYTES = 1024 * 1024;

const sourceError = (message: string, hint?: string): HaRunError => new HaRunError('vault-password', message, { exitCode: ExitCode.badOptions, ...(hint ? { hint } : {}) });

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const isClientScript = (file: string): boolean => /-client(\.[^.]+)?$/.test(basename(file));

function fromExecutable(spec: VaultIdSpec): Buffer {
  const args = isClientScript(spec.source) ? ['--vault-id', spec.id] : [];
  // stdin and stderr stay the user's, so a script may ask on the terminal itself.
  const run = spawnSync(spec.source, args, { stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: MAX_PASSWORD_FILE_BYTES });
  if (run.error) throw sourceError(`vault password script ${spec.source} could not run: ${run.error.message}`);
  if (run.status !== 0) throw sourceError(`vault password script ${spec.source} (vault id '${spec.id}') exited with status ${run.status ?? run.signal}`);
  return trimBytes(run.stdout, /^[\r\n]+|[\r\n]+$/g);
}

function fromFile(spec: VaultIdSpec): Buffer {
  let stat;
  try {
    stat = statSync(spec.source);
  } catch {
    throw sourceError(`vault password file ${spec.source} (vault id '${spec.id}') not found`);
  }
  if (!stat.isFile()) throw sourceError(`vault password file ${spec.source} is not a regular file`);
  if (stat.size > MAX_PASSWORD_FILE_BYTES) throw sourceError(`vault password file ${spec.source} is ${stat.size} bytes; that is no password`);
  if (isExecutable(spec.source)) return fromExecutable(spec);
  return trimBytes(readFileSync(spec.source), /^\s+|\s+$/g);
}

function trimBytes(bytes: Buffer, edges: RegExp): Buffer {
  return Buffer.from(bytes.toString('utf8').replace(edges, ''), 'utf8');
}

async function fromPrompt(spec: VaultIdSpec, confirm: boolean): Promise<Buffer> {
  const label = spec.id === DEFAULT_VAULT_ID ? '' : ` (${spec.id})`;
  const first = await askHidden(`${confirm ? 'New ' : ''}Vault password${label}: `);
  if (confirm && (await askHidden(`Confirm ${confirm ? 'New ' : ''}Vault password${label}: `)) !== first) throw sourceError('the passwords typed do not match');
  return Buffer.from(first.trim(), 'utf8');
}

/** The secret `spec` names; `confirm` asks twice at a prompt (for a new password). */
export async function readVaultSecret(spec: VaultIdSpec, options: { confirm?: boolean } = {}): Promise<VaultSecret> {
  const password = spec.source === PROMPT_SOURCE ? await fromPrompt(spec, options.confirm === true) : fromFile(spec);
  if (password.length === 0) throw sourceError(`the vault password for vault id '${spec.id}' is empty`, spec.source === PROMPT_SOURCE ? undefined : `read from ${spec.source}`);
  return { id: spec.id, password };
}

/** Every secret `specs` name, read in order. */
export async function readVaultSecrets(specs: readonly VaultIdSpec[], options: { confirm?: boolean } = {}): Promise<VaultSecret[]> {
  const secrets: VaultSecret[] = [];
  for (const spec of specs) secrets.push(await readVaultSecret(spec, options));
  return secrets;
}
