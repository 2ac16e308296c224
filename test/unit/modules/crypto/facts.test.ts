// The crypto family's fact parsers, given output recorded on a lab host (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateKey, privateKeyWithPassphrase, x509Content, x509File } from '../../../../src/modules/crypto/facts.js';
import { describePublicKey } from '../../../../src/modules/crypto/public-key.js';
import { describeFact } from '../../../kit/fact-cases.js';

export const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const pem = (text: string, label: string) => new RegExp(`-----BEGIN ${label}-----\\n[\\s\\S]*?-----END ${label}-----\\n`).exec(text)![0];

const dir = '/tmp/harun-crypto-manual';

describeFact(privateKey, [
  { name: 'no key file', args: { path: `${dir}/nope.key` }, stdout: recorded('key-absent.txt'), expect: { exists: false, encrypted: false } },
  {
    name: 'an RSA key without a passphrase',
    args: { path: `${dir}/srv.key` },
    stdout: recorded('key-rsa.txt'),
    expect: { exists: true, label: 'RSA PRIVATE KEY', encrypted: false, publicKey: pem(recorded('key-rsa.txt'), 'PUBLIC KEY'), readError: undefined },
  },
  {
    name: 'an encrypted key read without its passphrase',
    args: { path: `${dir}/ca.key` },
    stdout: recorded('key-ec-encrypted-no-passphrase.txt'),
    expect: { exists: true, label: 'EC PRIVATE KEY', encrypted: true, publicKey: undefined, readError: `Could not read key from ${dir}/ca.key` },
  },
  {
    name: 'a CSR is not a key',
    args: { path: `${dir}/srv.csr` },
    stdout: recorded('key-not-a-key.txt'),
    expect: { exists: true, label: 'CERTIFICATE REQUEST', encrypted: false, publicKey: undefined, readError: `Could not read key from ${dir}/srv.csr` },
  },
  { name: 'a key this user cannot read is a failure, never a reason to replace it', args: { path: '/k' }, stdout: 'state=unreadable\n', expect: { error: /The private key \/k exists but cannot be read/ } },
  { name: 'the script failed', args: { path: '/x' }, stdout: 'boom', rc: 2, expect: { error: /could not read the private key \/x: boom/ } },
]);

describeFact(privateKeyWithPassphrase, [
  {
    name: 'an encrypted ECC key read with its passphrase',
    args: { path: `${dir}/ca.key`, passphrase: 'capass12345' },
    stdout: recorded('key-ec-encrypted-with-passphrase.txt'),
    expect: { exists: true, label: 'EC PRIVATE KEY', encrypted: true, publicKey: pem(recorded('key-ec-encrypted-with-passphrase.txt'), 'PUBLIC KEY'), readError: undefined },
  },
]);

describe('the private key fact', () => {
  it('gives the passphrase on stdin, never in the script', () => {
    const args = { path: '/k', passphrase: 'p4ss-w0rd' };
    expect(privateKeyWithPassphrase.script(args)).not.toContain('p4ss-w0rd');
    expect(privateKeyWithPassphrase.input!(args)).toBe('p4ss-w0rd\n');
    expect(privateKey.input).toBeUndefined();
  });
  it('reads type, size and curve from the public half', () => {
    expect(describePublicKey(pem(recorded('key-rsa.txt'), 'PUBLIC KEY'))).toMatchObject({ type: 'RSA', size: 2048 });
    expect(describePublicKey(pem(recorded('key-ec-encrypted-with-passphrase.txt'), 'PUBLIC KEY'))).toMatchObject({ type: 'ECC', size: 256, curve: 'secp256r1' });
  });
});

describe('fact: the certificate or CSR (recorded)', () => {
  it('a CSR: subject, extensions, public key, valid signature', () => {
    const csr = x509File.parse(recorded('csr-server.txt'), { path: `${dir}/srv.csr`, kind: 'csr' }, 0);
    expect(csr.signatureOk).toBe(true);
    expect(csr.parsed!.subject).toEqual([['CN', 'srv.example.com']]);
    expect(csr.parsed!.extensions).toEqual({
      'X509v3 Subject Alternative Name': { critical: false, value: 'DNS:srv.example.com, IP Address:10.9.8.7' },
      'X509v3 Extended Key Usage': { critical: false, value: 'TLS Web Server Authentication' },
    });
    expect(Object.keys(csr.parsed!.pem).sort()).toEqual(['CERTIFICATE REQUEST', 'PUBLIC KEY']);
  });
  it('a CA CSR: critical basic constraints and key usage', () => {
    const csr = x509File.parse(recorded('csr-ca.txt'), { path: `${dir}/ca.csr`, kind: 'csr' }, 0);
    expect(csr.parsed!.extensions['X509v3 Basic Constraints']).toEqual({ critical: true, value: 'CA:TRUE' });
    expect(csr.parsed!.extensions['X509v3 Key Usage']).toEqual({ critical: true, value: 'Certificate Sign, CRL Sign' });
  });
  it('a certificate: issuer, subject, key identifiers', () => {
    const cert = x509File.parse(recorded('cert-server.txt'), { path: `${dir}/srv.crt`, kind: 'certificate' }, 0);
    expect(cert.parsed!.issuer).toEqual([['CN', 'Harun Test CA']]);
    expect(cert.parsed!.subject).toEqual([['CN', 'srv.example.com']]);
    expect(cert.parsed!.extensions['X509v3 Authority Key Identifier']!.value).toBe('38:BB:5D:B2:D0:9D:90:66:10:C7:2B:0F:C4:C8:E7:DC:0C:A7:20:14');
    expect(cert.parsed!.pem.CERTIFICATE).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });
  it('a file openssl cannot read as a certificate', () => {
    expect(x509File.parse(recorded('cert-not-a-cert.txt'), { path: `${dir}/srv.csr`, kind: 'certificate' }, 0)).toEqual({
      exists: true,
      readError: `Could not read certificate from ${dir}/srv.csr`,
    });
  });
  it('no file', () => {
    expect(x509File.parse('state=absent\n', { path: '/x', kind: 'csr' }, 0)).toEqual({ exists: false });
  });
  it('content goes to openssl on stdin', () => {
    const args = { path: 'content', kind: 'csr' as const, content: '-----BEGIN CERTIFICATE REQUEST-----\n' };
    expect(x509Content.input!(args)).toBe(args.content);
    expect(x509Content.script(args)).not.toContain('BEGIN');
  });
});
