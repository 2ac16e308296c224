// assemble with remote_src: false reads the fragments on the controller. A vault-encrypted fragment is
// decrypted with the run's vault password (decrypt: true, as Ansible's default), and its plaintext
// becomes a secret that output masks.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile, MAX_TRANSFER_SOURCE_BYTES } from '../../../source/read-file.js';
import { isVaultEncrypted } from '../../../source/vault.js';
import { activeVaultKeyring } from '../../../vault/session.js';
import { rememberRevealed } from '../../../vault/revealed.js';
import { ModuleFailure } from '../../failure.js';
import type { Fragment } from './join.js';

/** The fragments of a controller directory (already found by the module's file lookup). */
export function localFragments(dir: string, decrypt: boolean): Fragment[] {
  if (!statSync(dir).isDirectory()) throw new ModuleFailure(`Source (${dir}) is not a directory`, { src: dir });
  return readdirSync(dir, { encoding: 'buffer' }).map((name) => {
    const path = join(dir, name.toString('utf8'));
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      // a dangling link is no file
    }
    if (!isFile) return { name, isFile };
    return { name, isFile, content: decrypt ? decrypted(path, readRegularFile(path, MAX_TRANSFER_SOURCE_BYTES)) : readRegularFile(path, MAX_TRANSFER_SOURCE_BYTES) };
  });
}

function decrypted(path: string, data: Buffer): Buffer {
  const text = data.toString('utf8');
  if (!isVaultEncrypted(text)) return data;
  const keyring = activeVaultKeyring();
  if (!keyring || keyring.secrets.length === 0) throw new ModuleFailure(`the fragment ${path} is vault-encrypted and no vault password was given to decrypt it`);
  const opened = keyring.decrypt(text);
  if (!opened.ok) throw new ModuleFailure(`the fragment ${path} cannot be decrypted: ${opened.reason}`);
  rememberRevealed(opened.plaintext.toString('utf8'));
  return opened.plaintext;
}
