// Facts for plan cases, parsed from output recorded on a lab host (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateKey, x509File, type KeyFile, type X509File } from '../../../../src/modules/crypto/facts.js';
import type { FileState } from '../../../../src/modules/files/file-probe.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

export const dir = '/tmp/harun-crypto-manual';
export const rsaKey: KeyFile = privateKey.parse(recorded('key-rsa.txt'), { path: `${dir}/srv.key` }, 0);
export const caKey: KeyFile = privateKey.parse(recorded('key-ec-encrypted-with-passphrase.txt'), { path: `${dir}/ca.key`, passphrase: 'capass12345' }, 0);
export const caKeyLocked: KeyFile = privateKey.parse(recorded('key-ec-encrypted-no-passphrase.txt'), { path: `${dir}/ca.key` }, 0);
export const noKey: KeyFile = { exists: false, encrypted: false };

const x509 = (name: string, kind: 'csr' | 'certificate'): X509File => x509File.parse(recorded(name), { path: name, kind }, 0);
export const serverCsr = x509('csr-server.txt', 'csr');
export const caCsr = x509('csr-ca.txt', 'csr');
export const serverCert = x509('cert-server.txt', 'certificate');
export const caCert = x509('cert-ca.txt', 'certificate');
export const none: X509File = { exists: false };

/** A regular file as the file probe describes it. */
export function file(path: string, mode = 0o600, owner = 'root'): FileState {
  return { path, type: 'file', exists: true, mode, owner, group: 'root', uid: 0, gid: 0 };
}
export function absent(path: string): FileState {
  return { path, type: 'absent', exists: false };
}
