// The crypto family on lab hosts through the real CLI: a CA, CSRs and certificates it signs, each
// playbook run twice (the second run changes nothing), the chain checked with openssl verify; the
// Rancher-shaped CA deployment; check mode writing nothing; a host without openssl failing clearly.
// Shared hosts: everything lives under /tmp/harun-crypto-it and is removed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../executor/cli.js';
import { runTwice } from '../support/run-twice.js';
import { labExec, testLab } from '../support/lab.js';

const HOSTS = ['node3', 'node5'];
const PKI = '/tmp/harun-crypto-it/pki';
const dir = join(import.meta.dirname, 'fixtures/crypto');
const play = (file: string, target: string, ...extra: string[]) => [join(dir, file), '-i', testLab().inventory, '-e', `target=${target}`, ...extra];
const both = HOSTS.join(':');

describe('crypto family on lab hosts', () => {
  // openssl is installed by the playbooks and left installed: other packages on these shared hosts
  // (ca-certificates) depend on it, so removing it could break other tests.
  beforeAll(async () => {
    await runCli(play('cleanup.yml', both));
  }, 60_000);
  afterAll(async () => {
    await runCli(play('cleanup.yml', both));
  }, 60_000);

  it('a host without openssl (none on its PATH) fails the task, naming the tool', async () => {
    const r = await runCli(play('missing-openssl.yml', 'node5'));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/openssl is missing on this host: needed to write \/tmp\/harun-crypto-it-missing.key/);
  }, 60_000);

  it('check mode says what it would do and writes nothing', async () => {
    const root = '/tmp/harun-crypto-it/dry';
    const r = await runCli(play('rancher-ca.yml', 'node3', '--check', '-e', `rancher_ca_path=${root}/ca.crt`, '-e', `rancher_ca_key=${root}/ca.key`));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(generate ECC secp256r1 private key \(no key yet\)\)/);
    expect(r.stdout).toMatch(/not there yet: The CSR \/tmp\/harun-crypto-it\/dry\/ca.csr does not exist/);
    expect((await labExec('node3', `test -e ${root}`)).exitCode).toBe(1);
  }, 60_000);

  it('makes a CA and the certificates it signs, twice; the chain verifies; secrets stay hidden', async () => {
    const { first } = await runTwice(play('converge.yml', both, '--diff'));
    expect(first.stdout).toMatch(/changed: \[node3\]\s+\(issue certificate for O=ha-run,CN=ha-run integration CA, self-signed, valid until \d{14}Z \(no certificate yet\)\)/);
    expect(first.stdout).toMatch(/issued \/tmp\/harun-crypto-it\/pki\/web.crt from \/tmp\/harun-crypto-it\/pki\/web.csr by \/tmp\/harun-crypto-it\/pki\/ca.crt/);
    expect(first.stdout).not.toContain('harun-it-ca-pass');
    expect(first.stdout).not.toContain('BEGIN RSA PRIVATE KEY');
    expect(first.stdout).toMatch(/TASK \[renew the web certificate when it expires within 30 days\][^\n]*\nok: \[node\d\]\nok: \[node\d\]\n/);
    for (const host of HOSTS) {
      const verify = await labExec(host, `openssl verify -CAfile ${PKI}/ca.crt ${PKI}/web.crt ${PKI}/api.crt ${PKI}/piped.crt`);
      expect(verify.stdout).toBe(`${PKI}/web.crt: OK\n${PKI}/api.crt: OK\n${PKI}/piped.crt: OK\n`);
      const modes = await labExec(host, `cd ${PKI} && stat -c '%n %a' ca.key web.key ca.crt web.crt && head -n 2 ca.key`);
      expect(modes.stdout).toBe('ca.key 600\nweb.key 600\nca.crt 644\nweb.crt 644\n-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n');
      const san = await labExec(host, `openssl x509 -in ${PKI}/web.crt -noout -ext subjectAltName,basicConstraints -issuer`);
      expect(san.stdout).toContain('DNS:web.example.com, IP Address:192.0.2.30');
      expect(san.stdout).toContain('issuer=O = ha-run, CN = ha-run integration CA');
    }
  }, 240_000);

  it('a changed SAN makes a new CSR and certificate, saying why', async () => {
    const servers = JSON.stringify({ servers: [{ name: 'web', san: ['DNS:web.example.com', 'DNS:www.example.com'] }, { name: 'api', san: ['DNS:api.example.com'] }] });
    const r = await runCli(play('converge.yml', 'node3', '-e', servers));
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/subjectAltName differs: DNS:web.example.com, IP:192.0.2.30 -> DNS:web.example.com, DNS:www.example.com/);
    expect(r.stdout).toMatch(/Subject Alternative Name differs: DNS:web.example.com, IP Address:192.0.2.30 -> DNS:web.example.com, DNS:www.example.com/);
    expect(r.stdout).toMatch(/changed=2 /);
    expect((await labExec('node3', `openssl verify -CAfile ${PKI}/ca.crt ${PKI}/web.crt`)).stdout).toBe(`${PKI}/web.crt: OK\n`);
  }, 120_000);

  it('deploys the Rancher management CA root-owned with mode 0400, twice', async () => {
    const root = '/tmp/harun-crypto-it/rancher';
    const vars = ['-e', `rancher_ca_path=${root}/var/lib/rancher/etc/ssl/ca.crt`, '-e', `rancher_ca_key=${root}/etc/ssl/private/rancher-ca.key`];
    await runTwice(play('rancher-ca.yml', 'node3', ...vars));
    const ca = await labExec('node3', `stat -c '%U:%G %a' ${root}/var/lib/rancher/etc/ssl/ca.crt && openssl x509 -in ${root}/var/lib/rancher/etc/ssl/ca.crt -noout -subject -ext basicConstraints`);
    expect(ca.stdout).toBe('root:root 400\nsubject=CN = Rancher management CA\nX509v3 Basic Constraints: critical\n    CA:TRUE\n');
  }, 120_000);
  it('signs a CSR with a key given as content and reads keys with openssl_privatekey_info, twice; the key stays hidden', async () => {
    const { first } = await runTwice(play('key-content.yml', 'node3'));
    expect(first.stdout).toMatch(/changed: \[node3\]\s+\(generate CSR for CN=content.example.com \(no CSR yet\)\)/);
    expect(first.stdout).not.toMatch(/BEGIN (RSA |ENCRYPTED )?PRIVATE KEY/);
    expect((await labExec('node3', 'cat /tmp/harun-crypto-it/content/info.txt')).stdout).toBe(
      'plain ECC secp256r1 256 consistent=True parse=True\n' +
        'secret RSA 2048 65537 consistent= sha256=95\n' +
        'wrong load=True parse=False failed=True\n' +
        'pipe changed=False same=True\n',
    );
  }, 180_000);
});
