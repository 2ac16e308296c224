// Reading one vault password from where a vault id points: the terminal, a file (its text, surrounding
// whitespace removed), or an executable (its stdout). An executable named `*-client` or `*-client.EXT` is
// asked for a particular id with `--vault-id LABEL`, as Ansible does.
import { basename } from 'node:path';
import { ExitCode, HaRunError } from '../errors.js';
import type { VaultSecret } from './keyring.js';
import { askHidden } from './prompt.js';
import { PROMPT_SOURCE, type VaultIdSpec } from './vault-id.js';
import { DEFAULT_VAULT_ID } from './envelope.js';
import { readPasswordFile } from '../util/password-file.js';

const sourceError = (message: string, hint?: string): HaRunError => new HaRunError('vault-password', message, { exitCode: ExitCode.badOptions, ...(hint ? { hint } : {}) });

const isClientScript = (file: string): boolean => /-client(\.[^.]+)?$/.test(basename(file));

function fromFile(spec: VaultIdSpec): Buffer {
  return readPasswordFile(spec.source, { describe: `vault password file ${spec.source} (vault id '${spec.id}')`, args: isClientScript(spec.source) ? ['--vault-id', spec.id] : [], code: 'vault-password' });
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
