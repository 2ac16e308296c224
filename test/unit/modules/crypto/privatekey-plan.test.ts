// openssl_privatekey's plan: a new key only when the one there does not match, with the reason.
import { describe, expect, it } from 'vitest';
import { privateKeyModule } from '../../../../src/modules/crypto/openssl_privatekey/module.js';
import { generateScript, type PrivateKeyFacts } from '../../../../src/modules/crypto/openssl_privatekey/plan.js';
import type { PrivateKeyArgs } from '../../../../src/modules/crypto/openssl_privatekey/schema.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { absent, caKey, caKeyLocked, dir, file, noKey, rsaKey } from './fixture-facts.js';

const rsa = `${dir}/srv.key`;
const ec = `${dir}/ca.key`;
const facts = (path: string, key = rsaKey, mode = 0o600): PrivateKeyFacts => ({ file: key.exists ? file(path, mode) : absent(path), key });

describePlan<PrivateKeyArgs, PrivateKeyFacts>(privateKeyModule, [
  { name: 'the RSA 2048 key is there', args: { path: rsa, size: 2048 }, facts: facts(rsa), expect: 'ok' },
  { name: 'the ECC key with its passphrase is there', args: { path: ec, type: 'ECC', curve: 'secp256r1', passphrase: 'capass12345' }, facts: facts(ec, caKey), expect: 'ok' },
  { name: 'P-256 names the same curve', args: { path: ec, type: 'ECC', curve: 'P-256', passphrase: 'capass12345' }, facts: facts(ec, caKey), expect: 'ok' },
  { name: 'no key yet', args: { path: rsa }, facts: facts(rsa, noKey), expect: ['generate RSA 4096 private key (no key yet)'] },
  { name: 'another size', args: { path: rsa, size: 4096 }, facts: facts(rsa), expect: ['generate RSA 4096 private key (size differs: RSA 2048 -> RSA 4096)'] },
  { name: 'another type', args: { path: rsa, type: 'Ed25519' }, facts: facts(rsa), expect: ['generate Ed25519 private key (type differs: RSA 2048 -> Ed25519)'] },
  { name: 'another curve', args: { path: ec, type: 'ECC', curve: 'secp384r1', passphrase: 'capass12345' }, facts: facts(ec, caKey), expect: [/\(curve differs: ECC secp256r1 -> ECC secp384r1\)/] },
  { name: 'a passphrase is asked, the key has none', args: { path: rsa, size: 2048, passphrase: 'x' }, facts: facts(rsa), expect: [/with a passphrase \(the key has no passphrase and one is given\)/] },
  { name: 'the key has a passphrase, none is given', args: { path: ec, type: 'ECC', curve: 'secp256r1' }, facts: facts(ec, caKeyLocked), expect: [/\(the key is protected by a passphrase and none is given\)/] },
  { name: 'regenerate=fail refuses instead', args: { path: ec, type: 'ECC', curve: 'secp256r1', regenerate: 'fail' }, facts: facts(ec, caKeyLocked), expect: { error: /Unable to read the key .*set regenerate to full_idempotence/ } },
  { name: 'partial_idempotence does not replace a key over its passphrase', args: { path: ec, type: 'ECC', curve: 'secp256r1', regenerate: 'partial_idempotence' }, facts: facts(ec, caKeyLocked), expect: { error: /Unable to read the key/ } },
  { name: 'regenerate=never keeps a key of another size', args: { path: rsa, size: 4096, regenerate: 'never' }, facts: facts(rsa), expect: 'ok' },
  { name: 'regenerate=always', args: { path: rsa, size: 2048, regenerate: 'always' }, facts: facts(rsa), expect: [/\(regenerate=always\)/] },
  { name: 'force', args: { path: rsa, size: 2048, force: true }, facts: facts(rsa), expect: [/\(force\)/] },
  { name: 'format pkcs8 asked, the key is PKCS#1', args: { path: rsa, size: 2048, format: 'pkcs8' }, facts: facts(rsa), expect: [/\(format differs: pkcs1 -> pkcs8\)/] },
  { name: 'only the mode differs (default 0600)', args: { path: rsa, size: 2048 }, facts: facts(rsa, rsaKey, 0o644), expect: ['mode 0644 → 0600'] },
  { name: 'a mode asked for', args: { path: rsa, size: 2048, mode: '0640' }, facts: facts(rsa), expect: ['mode 0600 → 0640'] },
  { name: 'absent removes it', args: { path: rsa, state: 'absent' }, facts: facts(rsa), expect: [`remove ${rsa}`] },
  { name: 'absent and gone', args: { path: rsa, state: 'absent' }, facts: facts(rsa, noKey), expect: 'ok' },
  { name: 'ECC without a curve', args: { path: ec, type: 'ECC' }, facts: facts(ec, noKey), expect: { error: /curve is required/ } },
]);

describe('openssl_privatekey: generating', () => {
  it('writes PKCS#1 for RSA, with the passphrase from fd 3 (the task stdin), never on the command line', () => {
    const script = generateScript({ path: rsa, size: 2048, passphrase: 'sekret' });
    expect(script).toBe('openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 | openssl pkey -traditional -aes256 -passout fd:3 -out "$t"');
    const [change] = privateKeyModule.plan({ path: rsa, size: 2048, passphrase: 'sekret' }, facts(rsa, noKey));
    const op = change!.ops.at(-1)!;
    expect(op.kind === 'exec' && op.command).not.toContain('sekret');
    expect(op.kind === 'exec' && op.stdin).toBe('sekret\n');
    expect(op.kind === 'exec' && op.command).toContain('chmod 0600 "$t"');
  });
  it('writes PKCS#8 for Ed25519 and named curves for ECC', () => {
    expect(generateScript({ path: rsa, type: 'Ed25519' })).toBe('openssl genpkey -algorithm ED25519 | openssl pkey -out "$t"');
    expect(generateScript({ path: ec, type: 'ECC', curve: 'secp256r1' })).toContain('ec_paramgen_curve:prime256v1 -pkeyopt ec_param_enc:named_curve');
  });
  it('refuses DSA', () => {
    expect(() => generateScript({ path: rsa, type: 'DSA' })).toThrow(/DSA is not supported/);
  });
});
