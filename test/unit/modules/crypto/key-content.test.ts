// Keys given as content (privatekey_content) and openssl_privatekey_info: the key and passphrase
// travel on stdin, never in a command; the info result as community.crypto names it, with its
// failures. Keys are the ones recorded on a lab host (fixture-facts.ts).
import { describe, expect, it } from 'vitest';
import { csrModule } from '../../../../src/modules/crypto/openssl_csr/module.js';
import type { CsrFacts } from '../../../../src/modules/crypto/openssl_csr/plan.js';
import { csrPipeModule } from '../../../../src/modules/crypto/openssl_csr_pipe/module.js';
import { privateKeyInfoModule, type PrivateKeyInfoFacts } from '../../../../src/modules/crypto/openssl_privatekey_info/module.js';
import { keyInfoFact, type KeyInfoFile } from '../../../../src/modules/crypto/openssl_privatekey_info/fact.js';
import { keyInput, keySourceFact } from '../../../../src/modules/crypto/key-source.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { absent, caKey, caKeyLocked, dir, none, rsaKey, serverCsr, file } from './fixture-facts.js';

const SECRET_PEM = '-----BEGIN PRIVATE KEY-----\nTUFERVVQU0VDUkVU\n-----END PRIVATE KEY-----\n';
const info = (key: KeyInfoFile): PrivateKeyInfoFacts => ({ key });

describePlan<Record<string, unknown>, PrivateKeyInfoFacts>(privateKeyInfoModule, [
  { name: 'a readable key: nothing to change', args: { path: `${dir}/srv.key` }, facts: info(rsaKey), expect: 'ok' },
  { name: 'consistent, as openssl pkey -check says', args: { path: `${dir}/srv.key`, check_consistency: true }, facts: info({ ...rsaKey, check: { ok: true } }), expect: 'ok' },
  { name: 'inconsistent: fails as community.crypto does', args: { path: `${dir}/srv.key`, check_consistency: true }, facts: info({ ...rsaKey, check: { ok: false, error: 'RSA key error: n does not equal p q' } }), expect: { error: /Private key is not consistent! \(openssl: RSA key error/ } },
  { name: 'missing file', args: { path: '/nope.key' }, facts: info({ exists: false, encrypted: false }), expect: { error: /Error while reading private key file from disk: \[Errno 2\] No such file or directory: '\/nope.key'/ } },
  { name: 'encrypted and no passphrase', args: { path: `${dir}/ca.key` }, facts: info(caKeyLocked), expect: { error: /Error while loading private key/ } },
  { name: 'private data is never returned', args: { path: `${dir}/srv.key`, return_private_key_data: true }, facts: info(rsaKey), expect: { error: /return_private_key_data is not supported by ha-run/ } },
]);

describe('openssl_privatekey_info result', () => {
  it("names what it read as community.crypto does", () => {
    const r = privateKeyInfoModule.result!({ path: `${dir}/srv.key`, check_consistency: true }, info({ ...rsaKey, check: { ok: true } }), []);
    expect(r).toMatchObject({ can_load_key: true, can_parse_key: true, key_is_consistent: true, type: 'RSA', public_data: { size: 2048, exponent: 65537 } });
    expect(r.public_key).toBe(rsaKey.publicKey);
    expect(Object.keys(r.public_key_fingerprints as object)).toContain('sha256');
    const ec = privateKeyInfoModule.result!({ path: `${dir}/ca.key`, passphrase: 'capass12345' }, info(caKey), []);
    expect(ec).toMatchObject({ type: 'ECC', key_is_consistent: null, public_data: { curve: 'secp256r1', exponent_size: 256 } });
  });

  it('carries can_load_key and can_parse_key on a failure', () => {
    try {
      privateKeyInfoModule.plan({ path: `${dir}/ca.key` }, info(caKeyLocked));
      expect.unreachable();
    } catch (err) {
      expect(JSON.stringify(err)).toMatch(/"can_load_key":true.*"can_parse_key":false/);
    }
  });
});

describe('keys given as content', () => {
  const args = { path: `${dir}/srv.csr`, privatekey_content: SECRET_PEM, privatekey_passphrase: 'pw', common_name: 'srv.example.com' };
  const facts: CsrFacts = { file: absent(args.path), csr: none, key: rsaKey };

  it('openssl_csr: the key and passphrase go on stdin, the command names only the scratch copy', () => {
    const [change] = csrModule.plan(args, facts);
    const op = change.ops.at(-1)!;
    expect(op.kind).toBe('exec');
    if (op.kind !== 'exec') return;
    expect(op.stdin).toBe(`pw\n${SECRET_PEM}`);
    expect(op.command).not.toContain('TUFERVVQU0VDUkVU');
    expect(op.command).toContain('-key "$w/key" -passin file:"$w/pass"');
  });

  it('openssl_csr: converged when the CSR fits the key', () => {
    expect(csrModule.plan({ ...args, subject_alt_name: ['DNS:srv.example.com', 'IP:10.9.8.7'], extended_key_usage: ['serverAuth'] }, { file: file(args.path, 0o644), csr: serverCsr, key: rsaKey })).toEqual([]);
  });

  it('openssl_csr_pipe: makes its own scratch directory and reads the key from stdin', () => {
    const [change] = csrPipeModule.plan({ privatekey_content: SECRET_PEM, common_name: 'x' }, { existing: none, key: rsaKey });
    const op = change.ops[0]!;
    if (op.kind !== 'exec') throw new Error('exec expected');
    expect(op.command).toMatch(/^umask 077; w=\$\(mktemp -d\).*trap 'rm -rf "\$w"' EXIT;.*cat > "\$w\/key"; openssl req/);
    expect(op.stdin).toBe(`\n${SECRET_PEM}`);
  });

  it('a key content fact sends the content on stdin, a path fact reads the file', () => {
    const content = keySourceFact({ content: SECRET_PEM });
    expect(content.fact.input!(content.args)).toBe(`\n${SECRET_PEM}`);
    expect(content.fact.script(content.args)).not.toContain('TUFERVVQU0VDUkVU');
    const path = keySourceFact({ path: '/k.pem' });
    expect(path.fact.input).toBeUndefined();
    expect(() => keySourceFact({})).toThrow(/one of privatekey_path or privatekey_content is required/);
    expect(keyInput({ content: 'no newline' })).toBe('\nno newline\n');
  });

  it('the info fact: content and passphrase on stdin, the check parsed', () => {
    const a = { content: SECRET_PEM, passphrase: 'pw', checkConsistency: true };
    expect(keyInfoFact.input!(a)).toBe(`pw\n${SECRET_PEM}`);
    expect(keyInfoFact.script(a)).toContain('-check -noout');
    const stdout = `state=present\nlabel=PRIVATE KEY\n${rsaKey.publicKey}check=ok\n`;
    expect(keyInfoFact.parse(stdout, a, 0)).toMatchObject({ exists: true, publicKey: rsaKey.publicKey, check: { ok: true } });
    const bad = `state=present\nlabel=PRIVATE KEY\n${rsaKey.publicKey}check=RSA key error: d e not congruent to 1\n`;
    expect(keyInfoFact.parse(bad, a, 0).check).toEqual({ ok: false, error: 'RSA key error: d e not congruent to 1' });
    expect(keyInfoFact.input!({ path: '/k', checkConsistency: false })).toBe('\n');
  });
});
