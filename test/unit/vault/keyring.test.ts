// Decrypting with several vault ids (the labelled one first, then the others) and choosing the id to encrypt with.
import { describe, expect, it } from 'vitest';
import { encryptVaultText, VaultKeyring } from '../../../src/vault/keyring.js';

const secret = (id: string, password: string) => ({ id, password: Buffer.from(password) });

describe('vault keyring', () => {
  const dev = secret('dev', 'dev-password');
  const prod = secret('prod', 'prod-password');

  it('opens text for any id it holds, and says which id opened it', () => {
    const text = encryptVaultText(Buffer.from('db'), prod);
    expect(text.startsWith('$ANSIBLE_VAULT;1.2;AES256;prod\n')).toBe(true);
    expect(new VaultKeyring([dev, prod]).decrypt(text)).toEqual({ ok: true, plaintext: Buffer.from('db'), id: 'prod' });
    // The label is only a hint: a secret under another id that matches still opens it, as in Ansible.
    expect(new VaultKeyring([secret('other', 'prod-password')]).decrypt(text)).toMatchObject({ ok: true, id: 'other' });
  });

  it('a wrong password names the ids tried and the id the text was made for', () => {
    const result = new VaultKeyring([dev]).decrypt(encryptVaultText(Buffer.from('db'), prod));
    expect(result).toEqual({ ok: false, reason: "wrong vault password (tried vault id 'dev'; it was encrypted for vault id 'prod')" });
    expect(new VaultKeyring([]).decrypt(encryptVaultText(Buffer.from('db'), prod))).toEqual({ ok: false, reason: 'no vault password was given' });
    expect(new VaultKeyring([dev]).decrypt('$ANSIBLE_VAULT;1.1;AES256\nxyz\n')).toMatchObject({ ok: false, reason: expect.stringContaining('damaged vault text') });
  });

  it('encrypts with the only id, or the one --encrypt-vault-id names; several without a choice is an error', () => {
    expect(new VaultKeyring([dev]).encryptingSecret()).toBe(dev);
    expect(new VaultKeyring([dev, prod]).encryptingSecret('prod')).toBe(prod);
    expect(() => new VaultKeyring([dev, prod]).encryptingSecret()).toThrow(/--encrypt-vault-id/);
    expect(() => new VaultKeyring([dev]).encryptingSecret('prod')).toThrow(/names no vault id given/);
  });
});
