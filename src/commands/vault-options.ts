// The vault options every command that reads playbooks or inventories takes (--vault-id,
// --vault-password-file, --ask-vault-pass), and turning them into the process's vault secrets.
import type { Command } from 'commander';
import { VaultKeyring } from '../vault/keyring.js';
import { readVaultSecrets } from '../vault/password-source.js';
import { useVaultKeyring } from '../vault/session.js';
import { vaultIdSpecs, type VaultCliOptions } from '../vault/vault-id.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function withVaultOptions(cmd: Command): Command {
  return cmd
    .option('--vault-id <id>', 'a vault id: LABEL@SOURCE, SOURCE a password file, an executable or `prompt` (repeatable)', collect)
    .option('--vault-password-file <file>', 'vault password file, or an executable that prints the password (repeatable)', collect)
    .option('-J, --ask-vault-pass', 'ask for the vault password on the terminal');
}

/** Reads every vault password the options name, before any file is loaded; a run without them decrypts nothing. */
export async function useVaultOptions(o: VaultCliOptions): Promise<VaultKeyring | undefined> {
  const specs = vaultIdSpecs(o);
  const keyring = specs.length === 0 ? undefined : new VaultKeyring(await readVaultSecrets(specs));
  useVaultKeyring(keyring);
  return keyring;
}
