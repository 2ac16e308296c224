// Ansible Vault is not supported yet: a `!vault` value or a vault-encrypted file is refused where it is
// read (a validation error at its file:line:col), never used as the ciphertext it holds.
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';

/** How every vault-encrypted file starts (`$ANSIBLE_VAULT;1.1;AES256` and its variants). */
const VAULT_FILE_HEADER = '$ANSIBLE_VAULT;';

const INSTEAD =
  "give the secret another way until ha-run has a vault: -e @secrets.yml from a file kept out of version control (mode 0600), or lookup('env', 'NAME'); `ansible-vault decrypt` turns a vaulted file back into plain text";

/** Ansible's `!vault` values keep their ciphertext, so that `ha-run inventory` can list them as ansible-inventory does. */
export class VaultText {
  constructor(readonly ciphertext: string) {}
  toJSON(): Record<string, string> {
    return { __ansible_vault: this.ciphertext };
  }
}

export function isVaultEncrypted(text: string): boolean {
  return text.trimStart().startsWith(VAULT_FILE_HEADER);
}

/** Its code: listing an inventory shows `!vault` values, as ansible-inventory does, without decrypting them. */
export const VAULT_VALUE_CODE = 'vault-value';

/** A `!vault` value at `location`. */
export function vaultValueNotSupported(location: SourceLocation): Diagnostic {
  return diagnostic(VAULT_VALUE_CODE, '`!vault` value: ha-run cannot decrypt Ansible Vault yet', location, INSTEAD);
}

/** A whole file encrypted with ansible-vault. */
export function vaultFileNotSupported(file: string): Diagnostic {
  return diagnostic('vault-file', 'this file is encrypted with ansible-vault: ha-run cannot decrypt Ansible Vault yet', { file, line: 1, col: 1 }, INSTEAD);
}
