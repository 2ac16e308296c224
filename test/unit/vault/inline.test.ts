// `vault encrypt_string` output reads back as the `!vault` value it encrypts.
import { afterEach, describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/source/yaml.js';
import { formatVaultString } from '../../../src/vault/inline.js';
import { encryptVaultText, VaultKeyring } from '../../../src/vault/keyring.js';
import { useVaultKeyring } from '../../../src/vault/session.js';

const secret = { id: 'default', password: Buffer.from('pw-1234') };

afterEach(() => useVaultKeyring(undefined));

describe('encrypt_string output', () => {
  it('is a `NAME: !vault |` block indented ten spaces that parses back to the plaintext', () => {
    const block = formatVaultString(encryptVaultText(Buffer.from('s3cr3t: with colon'), secret), 'db_password');
    const lines = block.split('\n');
    expect(lines[0]).toBe('db_password: !vault |');
    expect(lines[1]).toBe('          $ANSIBLE_VAULT;1.1;AES256');
    expect(lines.slice(1).every((l) => /^ {10}\S+$/.test(l))).toBe(true);
    useVaultKeyring(new VaultKeyring([secret]));
    expect(parseYaml(block + '\n', 'vars.yml').value).toEqual({ db_password: 's3cr3t: with colon' });
  });
});
