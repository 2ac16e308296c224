// x509_certificate's plan for the selfsigned and ownca providers: a new certificate only when the
// one there does not match its key, CSR, signer or (ignore_timestamps=false) validity. Facts are a
// real CA and server certificate recorded on a lab host.
import { describe, expect, it } from 'vitest';
import { certificateModule } from '../../../../src/modules/crypto/x509_certificate/module.js';
import type { CertificateFacts } from '../../../../src/modules/crypto/x509_certificate/plan.js';
import type { CertificateArgs } from '../../../../src/modules/crypto/x509_certificate/schema.js';
import { certificatePipeModule, type CertificatePipeArgs } from '../../../../src/modules/crypto/x509_certificate_pipe/module.js';
import type { IssueFacts } from '../../../../src/modules/crypto/x509_certificate/issue.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { absent, caCert, caCsr, caKey, caKeyLocked, dir, file, none, rsaKey, serverCert, serverCsr } from './fixture-facts.js';

const now = new Date('2026-12-06T17:00:00Z');
const ownca: CertificateArgs = {
  path: `${dir}/srv.crt`,
  csr_path: `${dir}/srv.csr`,
  provider: 'ownca',
  ownca_path: `${dir}/ca.crt`,
  ownca_privatekey_path: `${dir}/ca.key`,
  ownca_privatekey_passphrase: 'capass12345',
};
const owncaFacts = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  file: file(ownca.path, 0o644),
  cert: serverCert,
  csr: serverCsr,
  ca: caCert,
  caKey,
  now,
  ...over,
});
const selfsigned: CertificateArgs = {
  path: `${dir}/ca.crt`,
  csr_path: `${dir}/ca.csr`,
  provider: 'selfsigned',
  privatekey_path: `${dir}/ca.key`,
  privatekey_passphrase: 'capass12345',
  mode: '0400',
};
const selfFacts = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({ file: file(selfsigned.path, 0o400), cert: caCert, csr: caCsr, key: caKey, now, ...over });

describePlan<CertificateArgs, CertificateFacts>(certificateModule, [
  { name: 'ownca: the server certificate matches', args: ownca, facts: owncaFacts(), expect: 'ok' },
  { name: 'ownca: its own key given and matching', args: { ...ownca, privatekey_path: `${dir}/srv.key` }, facts: owncaFacts({ key: rsaKey }), expect: 'ok' },
  { name: 'selfsigned: the CA certificate matches', args: selfsigned, facts: selfFacts(), expect: 'ok' },
  {
    name: 'ownca: validity compared and equal',
    args: { ...ownca, ignore_timestamps: false, ownca_not_before: '20261206163546Z', ownca_not_after: '20270306163546Z' },
    facts: owncaFacts(),
    expect: 'ok',
  },
  {
    name: 'ownca: validity ignored by default',
    args: { ...ownca, ownca_not_after: '+1d' },
    facts: owncaFacts(),
    expect: 'ok',
  },
  { name: 'ownca: no certificate yet', args: ownca, facts: owncaFacts({ cert: none, file: absent(ownca.path) }), expect: [/^issue certificate for CN=srv.example.com, signed by CN=Harun Test CA, valid until 20361203170000Z \(no certificate yet\)$/] },
  {
    name: 'ownca: another end of validity with timestamps compared',
    args: { ...ownca, ignore_timestamps: false, ownca_not_before: '20261206163546Z', ownca_not_after: '20280306163546Z' },
    facts: owncaFacts(),
    expect: [/\(not_after differs: 20270306163546Z -> 20280306163546Z\)/],
  },
  { name: 'ownca: the CSR has another subject', args: ownca, facts: owncaFacts({ csr: caCsr }), expect: [/\(the CSR's public key differs\)/] },
  { name: 'ownca: its own key does not match', args: { ...ownca, privatekey_path: `${dir}/ca.key` }, facts: owncaFacts({ key: caKey }), expect: [/\(it is not for the private key given\)/] },
  { name: 'ownca: signed by another CA', args: { ...ownca, ownca_privatekey_path: `${dir}/srv.key`, ownca_path: `${dir}/srv.crt`, ownca_privatekey_passphrase: undefined }, facts: owncaFacts({ ca: serverCert, caKey: rsaKey }), expect: [/\(it is not signed by the CA .*srv.crt\)/] },
  { name: 'selfsigned: another key signed it', args: { ...selfsigned, csr_path: `${dir}/srv.csr`, privatekey_path: `${dir}/srv.key`, privatekey_passphrase: undefined }, facts: selfFacts({ csr: serverCsr, key: rsaKey }), expect: [/\(it is not for the private key given\)/] },
  { name: 'force', args: { ...ownca, force: true }, facts: owncaFacts(), expect: [/\(force\)/] },
  { name: 'only the mode', args: { ...selfsigned, mode: '0444' }, facts: selfFacts(), expect: ['mode 0400 → 0444'] },
  { name: 'the CA key cannot be read', args: { ...ownca, ownca_privatekey_passphrase: undefined }, facts: owncaFacts({ caKey: caKeyLocked }), expect: { error: /protected by a passphrase and none is given/ } },
  { name: 'the CA key is not the CA certificate key', args: ownca, facts: owncaFacts({ caKey: rsaKey }), expect: { error: /does not belong to the CA certificate/ } },
  { name: 'the CSR is missing', args: ownca, facts: owncaFacts({ csr: none }), expect: { error: /The CSR .*srv.csr does not exist/ } },
  { name: 'no provider', args: { path: ownca.path, csr_path: ownca.csr_path }, facts: owncaFacts(), expect: { error: /provider is required/ } },
  { name: 'acme is refused', args: { ...ownca, provider: 'acme' }, facts: owncaFacts(), expect: { error: /provider acme is not supported/ } },
  { name: 'absent', args: { path: ownca.path, state: 'absent' }, facts: owncaFacts(), expect: [`remove ${ownca.path}`] },
]);

describe('x509_certificate: signing', () => {
  it('openssl ca with exact times, the CA passphrase on stdin', () => {
    const [change] = certificateModule.plan({ ...ownca, ownca_not_before: '20250101000000Z', ownca_not_after: '+1w' }, owncaFacts({ cert: none }));
    const op = change!.ops.at(-1)!;
    if (op.kind !== 'exec') throw new Error('exec expected');
    expect(op.command).toContain('-startdate 20250101000000Z -enddate 20261213170000Z -md sha256');
    expect(op.command).toContain(`-cert ${dir}/ca.crt -keyfile ${dir}/ca.key -passin stdin`);
    expect(op.command).toContain('authorityKeyIdentifier = keyid');
    expect(op.command).not.toContain('capass12345');
    expect(op.stdin).toBe('capass12345\n');
  });
  it('selfsigned signs with the key itself', () => {
    const [change] = certificateModule.plan(selfsigned, selfFacts({ cert: none }));
    const op = change!.ops.at(-1)!;
    expect(op.kind === 'exec' && op.command).toContain(`-selfsign -keyfile ${dir}/ca.key`);
    expect(op.kind === 'exec' && op.command).toContain('chmod 0400 "$t"');
  });
});

describePlan<CertificatePipeArgs, IssueFacts>(certificatePipeModule, [
  { name: 'pipe: the content given still fits', args: { ...pipeArgs(), content: '(recorded)' }, facts: owncaFacts(), expect: 'ok' },
  { name: 'pipe: no content', args: pipeArgs(), facts: owncaFacts({ cert: none }), expect: [/\(no certificate yet\)$/] },
  { name: 'pipe: content for another CSR', args: { ...pipeArgs(), content: '(recorded)' }, facts: owncaFacts({ cert: caCert }), expect: [/\(the CSR's public key differs\)$/] },
]);

describe('x509_certificate_pipe: issuing', () => {
  it('prints the certificate made in a scratch directory as its certificate result', () => {
    const [change] = certificatePipeModule.plan(pipeArgs(), owncaFacts({ cert: none }));
    const op = change!.ops[0]!;
    if (op.kind !== 'exec') throw new Error('exec expected');
    expect(op.resultKey).toBe('certificate');
    expect(op.command).toMatch(/t="\$w\/certificate.pem"[\s\S]*openssl ca [\s\S]*\ncat "\$t"$/);
    expect(op.stdin).toBe('capass12345\n');
  });
});

function pipeArgs(): CertificatePipeArgs {
  const { path: _path, ...rest } = ownca;
  return rest;
}
