// Host keys taken on first use are always announced (terminal, --json events, the run log), loudest when
// known_hosts is /dev/null; `ha-run hostkeys scan|trust` pins an inventory's keys explicitly. Only local
// known_hosts files change here (re-keying a host is in victim.test.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintSha256 } from '../../../src/connection/known-hosts.js';
import { buildCli, runCli } from '../executor/cli.js';
import { labHostInfo, testLab } from '../support/lab.js';

let tmp: string;
beforeAll(() => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'ha-run-hostkeys-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HOST = 'node1';
const port = () => labHostInfo(HOST).port;
const hostKey = () => labHostInfo(HOST).hostKey; // "ssh-ed25519 AAAA..."
const fingerprint = () => fingerprintSha256(Buffer.from(hostKey().split(' ')[1]!, 'base64'));

/** An inventory with node1 only, reached with the given ssh options (as a public inventory writes them). */
function inventory(name: string, sshArgs: string): string {
  const file = join(tmp, `${name}.yml`);
  writeFileSync(
    file,
    [
      'all:',
      '  hosts:',
      `    ${HOST}:`,
      '      ansible_host: 127.0.0.1',
      `      ansible_port: ${port()}`,
      '      ansible_user: root',
      `      ansible_ssh_private_key_file: ${testLab().privateKey}`,
      `      ansible_ssh_common_args: "${sshArgs}"`,
      '',
    ].join('\n'),
  );
  return file;
}

function playbook(): string {
  const file = join(tmp, 'ping.yml');
  writeFileSync(file, `- hosts: all\n  gather_facts: false\n  tasks:\n    - name: say hello\n      command: echo hello\n`);
  return file;
}

function logEvents(cwd: string): Record<string, unknown>[] {
  const dir = join(cwd, '.ha-run', 'logs');
  return readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('keys recorded on first use are announced', () => {
  it('--trust-new-host-keys: a line naming host, key type and fingerprint, a JSON event, and the log', async () => {
    const known = join(tmp, 'known_trust');
    writeFileSync(known, '');
    const cwd = mkdtempSync(join(tmp, 'run-'));
    const inv = inventory('trust', `-o UserKnownHostsFile=${known}`);
    const r = await runCli([playbook(), '-i', inv, '--trust-new-host-keys'], { cwd });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`[WARNING]: NEW HOST KEY recorded for ${HOST} ([127.0.0.1]:${port()}) in ${known}: ssh-ed25519 ${fingerprint()} (trusted on first use: --trust-new-host-keys)`);
    expect(readFileSync(known, 'utf8')).toBe(`[127.0.0.1]:${port()} ${hostKey()}\n`);
    const event = { event: 'host_key_recorded', host: HOST, name: `[127.0.0.1]:${port()}`, keyType: 'ssh-ed25519', fingerprint: fingerprint(), file: known, kept: true };
    expect(logEvents(cwd)).toContainEqual(expect.objectContaining(event));

    // Known now: the next run records nothing and says nothing.
    const again = await runCli([playbook(), '-i', inv, '--trust-new-host-keys', '--json'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('host_key_recorded');
  });

  it('StrictHostKeyChecking=accept-new in ansible_ssh_common_args: announced in --json events too', async () => {
    const known = join(tmp, 'known_accept_new');
    const inv = inventory('accept-new', `-o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=${known}`);
    const r = await runCli([playbook(), '-i', inv, '--json'], { cwd: mkdtempSync(join(tmp, 'run-')) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'host_key_recorded', host: HOST, fingerprint: fingerprint(), trustedBy: 'StrictHostKeyChecking=accept-new in ansible_ssh_common_args', kept: true }),
    );
  });

  it('UserKnownHostsFile=/dev/null with StrictHostKeyChecking=no: every run says, loudly, that the key was taken unchecked', async () => {
    const inv = inventory('devnull', '-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no');
    for (let run = 0; run < 2; run++) {
      const r = await runCli(['adhoc', HOST, '-i', inv, '-m', 'command', '-a', 'echo hello'], { cwd: mkdtempSync(join(tmp, 'run-')) });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`[WARNING]: HOST KEY ACCEPTED UNCHECKED for ${HOST} ([127.0.0.1]:${port()}): ssh-ed25519 ${fingerprint()} (StrictHostKeyChecking=no in ansible_ssh_common_args)`);
      expect(r.stdout).toContain('EVERY run takes whatever key is presented');
    }
  });
});

describe('ha-run hostkeys', () => {
  it('scan prints each host\'s keys and fingerprints and changes nothing; trust records them, announcing each', async () => {
    const known = join(tmp, 'known_pinned');
    const inv = inventory('pin', `-o UserKnownHostsFile=${known}`);
    const line = `${HOST}  [127.0.0.1]:${port()}  ssh-ed25519  ${fingerprint()}`;

    const scan = await runCli(['hostkeys', 'scan', '-i', inv]);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout).toBe(`${line}  new (not in ${known})\n`);
    expect(() => readFileSync(known)).toThrow(); // nothing written

    const trust = await runCli(['hostkeys', 'trust', '-i', inv, HOST]);
    expect(trust.code, trust.stderr).toBe(0);
    expect(trust.stdout).toBe(`RECORDED: ${line} in ${known}\n`);
    expect(readFileSync(known, 'utf8')).toBe(`[127.0.0.1]:${port()} ${hostKey()}\n`);

    // Pinned: a run needs no trust flag now, and trusting again records nothing.
    const run = await runCli([playbook(), '-i', inv], { cwd: mkdtempSync(join(tmp, 'run-')) });
    expect(run.code, run.stdout).toBe(0);
    const again = await runCli(['hostkeys', 'trust', '-i', inv]);
    expect(again.stdout).toBe(`known: ${line} (${known}:1)\n`);
    expect(readFileSync(known, 'utf8')).toBe(`[127.0.0.1]:${port()} ${hostKey()}\n`);
  });

  it('trust refuses a changed key unless --replace-changed is given (the host keeps its key here: the file holds a stranger)', async () => {
    const known = join(tmp, 'known_wrong');
    const stranger = 'AAAAC3NzaC1lZDI1NTE5AAAAIO0oU9UTfzkl37AjPqM+BoFYN2zqxTlH0d+AmMY/4yp9';
    writeFileSync(known, `# mine\n[127.0.0.1]:${port()} ssh-ed25519 ${stranger}\nother.example ssh-ed25519 ${stranger}\n`);
    const inv = inventory('wrong', `-o UserKnownHostsFile=${known}`);
    const scan = await runCli(['hostkeys', 'scan', '-i', inv]);
    expect(scan.stdout).toContain(`CHANGED: ${known}:2 holds another ssh-ed25519 key for this host`);

    const refused = await runCli(['hostkeys', 'trust', '-i', inv]);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(`REFUSED, KEY CHANGED: ${HOST}  [127.0.0.1]:${port()}  ssh-ed25519  ${fingerprint()}`);
    expect(refused.stdout).toContain('--replace-changed');
    expect(readFileSync(known, 'utf8')).toContain(stranger);

    const replaced = await runCli(['hostkeys', 'trust', '-i', inv, '--replace-changed']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const old = fingerprintSha256(Buffer.from(stranger, 'base64'));
    expect(replaced.stdout).toContain(`REPLACED: ${HOST}  [127.0.0.1]:${port()}  ssh-ed25519  ${fingerprint()} in ${known} (removed line 2: ssh-ed25519 ${old})`);
    expect(readFileSync(known, 'utf8')).toBe(`# mine\nother.example ssh-ed25519 ${stranger}\n[127.0.0.1]:${port()} ${hostKey()}\n`);
  });

  it('an unreachable host is reported and exits 3; nothing is recorded', async () => {
    const known = join(tmp, 'known_down');
    const file = join(tmp, 'down.yml');
    writeFileSync(file, `all:\n  hosts:\n    gone:\n      ansible_host: 127.0.0.1\n      ansible_port: 1\n      ansible_ssh_common_args: "-o UserKnownHostsFile=${known}"\n`);
    const r = await runCli(['hostkeys', 'trust', '-i', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^gone: gone \(.*127\.0\.0\.1:1\) is unreachable: connection refused/);
    expect(() => readFileSync(known)).toThrow();
  });
});
