// The vault secrets of this process. A command reads them once from its options (before any file is
// loaded); every YAML load then decrypts with them, wherever in the program it happens.
import { VaultKeyring } from './keyring.js';

let active: VaultKeyring | undefined;

export function useVaultKeyring(keyring: VaultKeyring | undefined): void {
  active = keyring;
}

/** Undefined when no vault password was given at all. */
export function activeVaultKeyring(): VaultKeyring | undefined {
  return active;
}
