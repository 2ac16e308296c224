// openssl_csr and openssl_csr_pipe plans: a new CSR only when the one there does not hold what is
// asked, with the reason. Facts are real CSRs recorded on a lab host.
import { describe, expect, it } from 'vitest';
import { csrModule } from '../../../../src/modules/crypto/openssl_csr/module.js';
import type { CsrFacts } from '../../../../src/modules/crypto/openssl_csr/plan.js';
import type { CsrArgs } from '../../../../src/modules/crypto/openssl_csr/schema.js';
import { csrPipeModule, type CsrPipeArgs, type CsrPipeFacts } from '../../../../src/modules/crypto/openssl_csr_pipe/module.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { absent, caCsr, caKey, dir, file, noKey, none, rsaKey, serverCsr } from './fixture-facts.js';

const path = `${dir}/srv.csr`;
const key = `${dir}/srv.key`;
const server = { path, privatekey_path: key, common_name: 'srv.example.com', subject_alt_name: ['DNS:srv.example.com', 'IP:10.9.8.7'], extended_key_usage: ['serverAuth'] };
const facts = (csr = serverCsr, k = rsaKey): CsrFacts => ({ file: csr.exists ? file(path, 0o644) : absent(path), csr, key: k });
const ca = {
  path: `${dir}/ca.csr`,
  privatekey_path: `${dir}/ca.key`,
  privatekey_passphrase: 'capass12345',
  common_name: 'Harun Test CA',
  use_common_name_for_san: false,
  basic_constraints: ['CA:TRUE'],
  basic_constraints_critical: true,
  key_usage: ['keyCertSign', 'cRLSign'],
  key_usage_critical: true,
};

describePlan<CsrArgs, CsrFacts>(csrModule, [
  { name: 'the server CSR holds what is asked', args: server, facts: facts(), expect: 'ok' },
  { name: 'the same, SANs in another order and spelled as printed', args: { ...server, subject_alt_name: ['IP:10.9.8.7', 'DNS:srv.example.com'], extended_key_usage: ['TLS Web Server Authentication'] }, facts: facts(), expect: 'ok' },
  { name: 'the subject given as a dict with long names', args: { ...server, common_name: undefined, subject: { commonName: 'srv.example.com' } }, facts: facts(), expect: 'ok' },
  { name: 'the CA CSR holds what is asked', args: ca, facts: { file: file(ca.path, 0o644), csr: caCsr, key: caKey }, expect: 'ok' },
  { name: 'no CSR yet', args: server, facts: facts(none), expect: ['generate CSR for CN=srv.example.com (no CSR yet)'] },
  { name: 'another subject', args: { ...server, common_name: 'www.example.com' }, facts: facts(), expect: [/\(subject differs: CN=srv.example.com -> CN=www.example.com\)/] },
  { name: 'another SAN', args: { ...server, subject_alt_name: ['DNS:srv.example.com'] }, facts: facts(), expect: [/\(subjectAltName differs: DNS:srv.example.com, IP:10.9.8.7 -> DNS:srv.example.com\)/] },
  { name: 'SAN from the common name', args: { ...server, subject_alt_name: undefined }, facts: facts(), expect: [/subjectAltName differs: .* -> DNS:srv.example.com\)/] },
  { name: 'a key usage asked that the CSR lacks', args: { ...server, key_usage: ['digitalSignature'] }, facts: facts(), expect: [/\(keyUsage missing: none -> digitalSignature\)/] },
  { name: 'criticality differs', args: { ...server, extended_key_usage_critical: true }, facts: facts(), expect: [/\(extendedKeyUsage criticality differs: false -> true\)/] },
  { name: 'an extension not asked for', args: { ...server, extended_key_usage: undefined }, facts: facts(), expect: [/\(extensions not asked for: X509v3 Extended Key Usage\)/] },
  { name: 'CA:FALSE asked of a CA CSR', args: { ...ca, basic_constraints: ['CA:FALSE'] }, facts: { file: file(ca.path, 0o644), csr: caCsr, key: caKey }, expect: [/basicConstraints differs: CA:TRUE -> CA:FALSE/] },
  { name: 'another private key', args: { ...server }, facts: facts(serverCsr, caKey), expect: [/\(it was made for another private key\)/] },
  { name: 'force', args: { ...server, force: true }, facts: facts(), expect: [/\(force\)/] },
  { name: 'only the mode', args: { ...server, mode: '0600' }, facts: facts(), expect: ['mode 0644 → 0600'] },
  { name: 'the private key is missing', args: server, facts: facts(serverCsr, noKey), expect: { error: /The private key .*srv.key does not exist/ } },
  { name: 'absent', args: { path, state: 'absent' } as CsrArgs, facts: facts(), expect: [`remove ${path}`] },
]);

describePlan<CsrPipeArgs, CsrPipeFacts>(csrPipeModule, [
  { name: 'the content given holds what is asked', args: { ...server, content: '(recorded)' }, facts: { existing: serverCsr, key: rsaKey }, expect: 'ok' },
  { name: 'no content', args: server, facts: { existing: none, key: rsaKey }, expect: ['generate CSR for CN=srv.example.com (no CSR yet)'] },
  { name: 'content with another subject', args: { ...server, common_name: 'x.example.com', content: '(recorded)' }, facts: { existing: serverCsr, key: rsaKey }, expect: [/subject differs/] },
]);

describe('openssl_csr: the openssl req command', () => {
  it('has subject and extensions as arguments and the passphrase on stdin', () => {
    const [change] = csrModule.plan({ ...ca, common_name: 'A/B+C' }, { file: absent(ca.path), csr: none, key: caKey });
    const op = change!.ops.at(-1)!;
    if (op.kind !== 'exec') throw new Error('exec expected');
    expect(op.command).toContain(`-subj '/CN=A\\/B\\+C'`);
    expect(op.command).toContain(`-addext 'basicConstraints = critical,CA:TRUE'`);
    expect(op.command).toContain(`-addext 'keyUsage = critical,keyCertSign,cRLSign'`);
    expect(op.command).toContain('-passin stdin');
    expect(op.command).not.toContain('capass12345');
    expect(op.stdin).toBe('capass12345\n');
  });
  it('the pipe prints the CSR as its csr result', () => {
    const [change] = csrPipeModule.plan(server, { existing: none, key: rsaKey });
    expect(change!.ops).toEqual([expect.objectContaining({ kind: 'exec', resultKey: 'csr' })]);
  });
});
