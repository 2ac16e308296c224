// Where YAML loading meets Ansible Vault: a vault-encrypted file or a `!vault` value is decrypted with the
// vault secrets given to the command, and its values remembered as secrets. Without a usable password it
// is a validation error at its file:line:col, never the ciphertext used as a value.
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';
import { VAULT_HEADER } from '../vault/envelope.js';
import { rememberRevealed } from '../vault/revealed.js';
import { activeVaultKeyring } from '../vault/session.js';

/** How every vault-encrypted file starts (`$ANSIBLE_VAULT;1.1;AES256` and its variants). */
const VAULT_FILE_HEADER = `${VAULT_HEADER};`;

const GIVE_PASSWORD = 'give the vault password with --vault-password-file FILE, --vault-id LABEL@SOURCE or --ask-vault-pass';

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

export type Opened = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

function open(vaultText: string, what: string, code: string, location: SourceLocation): Opened {
  const keyring = activeVaultKeyring();
  if (!keyring || keyring.secrets.length === 0) return { ok: false, diagnostic: diagnostic(code, `${what}: no vault password was given to decrypt it`, location, GIVE_PASSWORD) };
  const opened = keyring.decrypt(vaultText);
  if (!opened.ok) return { ok: false, diagnostic: diagnostic(code, `${what}: cannot decrypt: ${opened.reason}`, location) };
  const text = opened.plaintext.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(opened.plaintext)) return { ok: false, diagnostic: diagnostic(code, `${what}: the decrypted content is not UTF-8 text`, location) };
  return { ok: true, text };
}

/** The plaintext of a `!vault` value at `location`, remembered as a secret. */
export function openVaultValue(ciphertext: string, location: SourceLocation): Opened {
  const opened = open(ciphertext, '`!vault` value', VAULT_VALUE_CODE, location);
  if (opened.ok) rememberRevealed(opened.text);
  return opened;
}

/** The plaintext of a whole vault-encrypted file (its values are remembered once parsed: see rememberRevealed). */
export function openVaultFile(text: string, file: string): Opened {
  return open(text, 'this file is encrypted with ansible-vault', 'vault-file', { file, line: 1, col: 1 });
}

/** A vaulted file read as data that ha-run does not decrypt on the way (a copy or template source). */
export function vaultSourceNotSupported(file: string): Diagnostic {
  return diagnostic(
    'vault-file',
    'this file is encrypted with ansible-vault: ha-run does not decrypt copy/template sources yet and would send the ciphertext',
    { file, line: 1, col: 1 },
    'keep the secret in a vaulted vars file and write it with `content:` or a template, or decrypt the source file',
  );
}
