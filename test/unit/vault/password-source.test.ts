// Vault passwords from files (whitespace around them removed), executables (their stdout) and client
// scripts (`*-client`, asked for one vault id), with clear errors for what cannot give a password.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVaultSecret } from '../../../src/vault/password-source.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-run-vault-pass-'));
function file(name: string, content: string, executable = false): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, executable ? 0o700 : 0o600);
  return path;
}

describe('vault password sources', () => {
  it('a file: its text without surrounding whitespace', async () => {
    const secret = await readVaultSecret({ id: 'default', source: file('pass.txt', '  hunter2 pw \n\n') });
    expect(secret).toEqual({ id: 'default', password: Buffer.from('hunter2 pw') });
  });

  it('an executable: its stdout without the line ending', async () => {
    const script = file('pass.sh', '#!/bin/sh\nprintf " from script \\n"\n', true);
    expect((await readVaultSecret({ id: 'prod', source: script })).password.toString()).toBe(' from script ');
  });

  it('a *-client script is asked for its vault id', async () => {
    const client = file('keyring-client.sh', '#!/bin/sh\necho "pw-for-$2-via-$1"\n', true);
    expect((await readVaultSecret({ id: 'prod', source: client })).password.toString()).toBe('pw-for-prod-via---vault-id');
  });

  it('refuses a missing file, an empty password and a failing script, naming the vault id', async () => {
    await expect(readVaultSecret({ id: 'prod', source: join(dir, 'nope') })).rejects.toThrow("vault password file " + join(dir, 'nope') + " (vault id 'prod') not found");
    await expect(readVaultSecret({ id: 'dev', source: file('empty.txt', '\n') })).rejects.toThrow("the vault password for vault id 'dev' is empty");
    await expect(readVaultSecret({ id: 'dev', source: file('fail.sh', '#!/bin/sh\nexit 3\n', true) })).rejects.toThrow(/\(vault id 'dev'\) exited with status 3/);
  });
});
