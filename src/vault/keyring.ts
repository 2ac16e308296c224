// The vault secrets a command was given, in the order given, and the two things done with them:
// decrypting (the id the text names first, then every other one) and encrypting with one chosen id.
import { decryptAes256, encryptAes256 } from './aes256.js';
import { ExitCode, HaRunError } from '../errors.js';
import { DEFAULT_VAULT_ID, formatEnvelope, parseEnvelope, VaultFormatError } from './envelope.js';

export interface VaultSecret {
  /** The vault id label (`default` when none was given). */
  id: string;
  password: Buffer;
}

export type Decrypted = { ok: true; plaintext: Buffer; id: string } | { ok: false; reason: string };

export class VaultKeyring {
  constructor(readonly secrets: readonly VaultSecret[]) {}

  get ids(): string[] {
    return this.secrets.map((s) => s.id);
  }

  /** Never throws: a wrong password or a damaged text is a reason a person can act on. */
  decrypt(vaultText: string): Decrypted {
    try {
      const envelope = parseEnvelope(vaultText);
      if (envelope.cipher !== 'AES256') return { ok: false, reason: `unknown vault cipher '${envelope.cipher}' (only AES256 is supported)` };
      if (this.secrets.length === 0) return { ok: false, reason: 'no vault password was given' };
      const ordered = [...this.secrets].sort((a, b) => Number(b.id === envelope.label) - Number(a.id === envelope.label));
      for (const secret of ordered) {
        const plaintext = decryptAes256(envelope.body, secret.password);
        if (plaintext) return { ok: true, plaintext, id: secret.id };
      }
      const tried = `tried vault id${this.secrets.length === 1 ? '' : 's'} ${this.ids.map((id) => `'${id}'`).join(', ')}`;
      const forLabel = envelope.label ? `; it was encrypted for vault id '${envelope.label}'` : '';
      return { ok: false, reason: `wrong vault password (${tried}${forLabel})` };
    } catch (err) {
      if (err instanceof VaultFormatError) return { ok: false, reason: `damaged vault text: ${err.message}` };
      throw err;
    }
  }

  /** The secret to encrypt with: the one named by `id`, else the only one given. */
  encryptingSecret(id?: string): VaultSecret {
    if (id !== undefined) {
      const named = this.secrets.find((s) => s.id === id);
      if (!named) throw optionError(`--encrypt-vault-id '${id}' names no vault id given (known: ${this.ids.join(', ') || 'none'})`);
      return named;
    }
    if (this.secrets.length > 1) throw optionError(`several vault ids could encrypt (${this.ids.join(', ')}): choose one with --encrypt-vault-id`);
    const only = this.secrets[0];
    if (!only) throw optionError('a vault password is needed to encrypt');
    return only;
  }
}

/** The complete vault text (header, body, trailing newline) for `plaintext` under `secret`. */
export function encryptVaultText(plaintext: Buffer, secret: VaultSecret): string {
  return formatEnvelope(encryptAes256(plaintext, secret.password), secret.id || DEFAULT_VAULT_ID);
}

const optionError = (message: string): HaRunError => new HaRunError('vault-id', message, { exitCode: ExitCode.badOptions });
