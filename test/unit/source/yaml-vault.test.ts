// YAML loading with vault secrets: `!vault` values and vaulted files read as their plaintext, which is
// remembered as a secret; a wrong password is an error where the value is written, never the ciphertext.
import { afterEach, describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/source/yaml.js';
import { encryptVaultText, VaultKeyring } from '../../../src/vault/keyring.js';
import { onRevealed } from '../../../src/vault/revealed.js';
import { useVaultKeyring } from '../../../src/vault/session.js';
import { formatVaultString } from '../../../src/vault/inline.js';

const prod = { id: 'prod', password: Buffer.from('prod-password') };
const dev = { id: 'dev', password: Buffer.from('dev-password') };
const indent = (text: string, n: number) => text.replace(/^/gm, ' '.repeat(n));

afterEach(() => useVaultKeyring(undefined));

function revealedDuring(fn: () => void): string[] {
  const seen: string[] = [];
  const stop = onRevealed((v) => seen.push(v));
  seen.length = 0; // only what this call reveals
  fn();
  stop();
  return seen;
}

describe('YAML with vault secrets', () => {
  it('a `!vault` value reads as its plaintext (nested, in a list) and is remembered as a secret', () => {
    const block = formatVaultString(encryptVaultText(Buffer.from('db-pass-4242'), prod), 'password');
    useVaultKeyring(new VaultKeyring([dev, prod]));
    let loaded: ReturnType<typeof parseYaml> | undefined;
    const revealed = revealedDuring(() => (loaded = parseYaml(`db:\n  user: app\n${indent(block, 2)}\n`, 'vars.yml')));
    expect(loaded!.diagnostics).toEqual([]);
    expect(loaded!.value).toEqual({ db: { user: 'app', password: 'db-pass-4242' } });
    expect(revealed).toEqual(['db-pass-4242']);
  });

  it('a vaulted file reads as the YAML inside; every value in it is a secret', () => {
    const text = encryptVaultText(Buffer.from('api_token: tok-998877\nport: 8443\nusers: [alice-admin]\n'), prod);
    useVaultKeyring(new VaultKeyring([prod]));
    let loaded: ReturnType<typeof parseYaml> | undefined;
    const revealed = revealedDuring(() => (loaded = parseYaml(text, 'group_vars/all.yml')));
    expect(loaded!.value).toEqual({ api_token: 'tok-998877', port: 8443, users: ['alice-admin'] });
    expect(revealed.sort()).toEqual(['8443', 'alice-admin', 'tok-998877']);
  });

  it('a wrong password is an error at the value (or at the file), naming the vault ids tried', () => {
    const block = formatVaultString(encryptVaultText(Buffer.from('x-secret'), prod), 'token');
    useVaultKeyring(new VaultKeyring([dev]));
    const value = parseYaml(`${block}\n`, 'vars.yml');
    expect(value.diagnostics).toEqual([
      expect.objectContaining({
        code: 'vault-value',
        location: { file: 'vars.yml', line: 1, col: 8 },
        message: "`!vault` value: cannot decrypt: wrong vault password (tried vault id 'dev'; it was encrypted for vault id 'prod')",
      }),
    ]);
    const file = parseYaml(encryptVaultText(Buffer.from('a: 1\n'), prod), 'secrets.yml');
    expect(file.value).toBeUndefined();
    expect(file.diagnostics).toEqual([expect.objectContaining({ code: 'vault-file', location: { file: 'secrets.yml', line: 1, col: 1 } })]);
    expect(file.diagnostics[0]!.message).toContain("tried vault id 'dev'");
  });

  it('problems inside a vaulted file are reported at their place in the plaintext', () => {
    useVaultKeyring(new VaultKeyring([prod]));
    const file = parseYaml(encryptVaultText(Buffer.from('a: 1\nb: [\n'), prod), 'secrets.yml');
    expect(file.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', location: { file: 'secrets.yml' } });
  });
});
