// Where a vault password comes from, as written on the command line: `--vault-id LABEL@SOURCE` (SOURCE a
// file, an executable or `prompt`), `--vault-password-file SOURCE` and `--ask-vault-pass` (the default id).
import { DEFAULT_VAULT_ID } from './envelope.js';

export interface VaultIdSpec {
  id: string;
  /** A file path, or 'prompt'. */
  source: string;
}

export const PROMPT_SOURCE = 'prompt';

/** `label@source`; a bare value is the source of the default id (`prompt` alone asks). */
export function parseVaultId(text: string): VaultIdSpec {
  const at = text.indexOf('@');
  if (at === -1) return { id: DEFAULT_VAULT_ID, source: text };
  return { id: text.slice(0, at) || DEFAULT_VAULT_ID, source: text.slice(at + 1) };
}

export interface VaultCliOptions {
  vaultId?: string[];
  vaultPasswordFile?: string[];
  askVaultPass?: boolean;
}

/** Every source the options name, in the order Ansible reads them: ids, then password files, then the prompt. */
export function vaultIdSpecs(o: VaultCliOptions): VaultIdSpec[] {
  const specs = (o.vaultId ?? []).map(parseVaultId);
  for (const file of o.vaultPasswordFile ?? []) specs.push({ id: DEFAULT_VAULT_ID, source: file });
  if (o.askVaultPass && !specs.some((s) => s.source === PROMPT_SOURCE)) specs.push({ id: DEFAULT_VAULT_ID, source: PROMPT_SOURCE });
  return specs;
}
