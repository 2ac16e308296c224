// A small lab of its own (one plain, one systemd host), taken through up, up again, status, ssh
// and down, next to the shared test lab which must stay untouched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../../../src/lab/docker.js';
import { labDown } from '../../../src/lab/lab-down.js';
import { labSshArgs } from '../../../src/lab/lab-ssh.js';
import { labStatus } from '../../../src/lab/lab-status.js';
import { labUp } from '../../../src/lab/lab-up.js';
import { labPaths, readLabState } from '../../../src/lab/state.js';
import { checkoutLabName } from '../checkout-lab.js';
import { root, runCli } from '../executor/cli.js';
import { testLab } from '../support/lab.js';

const LAB = checkoutLabName('hasmoke');
const labFile = join(mkdtempSync(join(tmpdir(), 'ha-run-lab-')), 'smoke.yml');
writeFileSync(
  labFile,
  `name: ${LAB}
vars: { lab_purpose: smoke }
hosts:
  web: { groups: [front], vars: { http_port: 8080 } }
  svc: { kind: systemd, groups: [back] }
`,
);

function ssh(target: string, command: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('ssh', ['-o', 'BatchMode=yes', ...labSshArgs(target, [command], LAB)], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.sequential(`lab lifecycle (${LAB})`, () => {
  beforeAll(async () => {
    await labDown(LAB);
  });
  afterAll(async () => {
    await labDown(LAB);
  });

  let firstPorts: Record<string, number> = {};
  let firstKeys: Record<string, string | undefined> = {};

  it('up creates both hosts, writes inventory, key and known_hosts', async () => {
    const result = await labUp(labFile);
    expect(result.changes).toEqual({ web: 'created', svc: 'created' });
    const paths = labPaths(LAB);
    for (const file of [paths.inventory, paths.knownHosts, paths.privateKey, paths.publicKey]) expect(existsSync(file)).toBe(true);
    const inventory = readFileSync(paths.inventory, 'utf8');
    expect(inventory).toContain(`ansible_port: ${result.state.hosts.web!.port}`);
    expect(inventory).toContain('http_port: 8080');
    expect(inventory).toContain('lab_purpose: "smoke"');
    firstPorts = Object.fromEntries(Object.values(result.state.hosts).map((h) => [h.name, h.port]));
    firstKeys = Object.fromEntries(Object.values(result.state.hosts).map((h) => [h.name, h.hostKey]));
    expect(firstPorts.web).not.toBe(firstPorts.svc);
  });

  it('up again changes nothing: same containers, ports, keys', async () => {
    const before = await docker(['ps', '-q', '--no-trunc', '--filter', `label=ha-run.lab=${LAB}`]);
    const result = await labUp(labFile);
    expect(result.changes).toEqual({ web: 'unchanged', svc: 'unchanged' });
    const after = await docker(['ps', '-q', '--no-trunc', '--filter', `label=ha-run.lab=${LAB}`]);
    expect(after.stdout.split('\n').sort()).toEqual(before.stdout.split('\n').sort());
    expect(Object.fromEntries(Object.values(result.state.hosts).map((h) => [h.name, h.port]))).toEqual(firstPorts);
    expect(Object.fromEntries(Object.values(result.state.hosts).map((h) => [h.name, h.hostKey]))).toEqual(firstKeys);
  });

  it('status shows each host with kind, port and state', async () => {
    const status = await labStatus(LAB);
    expect(status?.hosts.map((h) => [h.name, h.kind, h.port, h.state]).sort()).toEqual(
      [['svc', 'systemd', firstPorts.svc, 'running'], ['web', 'plain', firstPorts.web, 'running']],
    );
  });

  it('ssh logs in with the lab key and strict host key checking; systemd runs as PID 1 on the systemd host', () => {
    expect(ssh('web', 'hostname').stdout.trim()).toBe('web');
    const svc = ssh('ha@svc', 'ps -o comm= -p 1; sudo -n systemctl is-active ssh');
    expect(svc.stdout.trim().split('\n')).toEqual(['systemd', 'active']);
  });

  it('up restarts a stopped host on its pinned port', async () => {
    await docker(['stop', '--time', '1', `ha-run-${LAB}-web`]);
    const result = await labUp(labFile);
    expect(result.changes).toEqual({ web: 'started', svc: 'unchanged' });
    expect(result.state.hosts.web!.port).toBe(firstPorts.web);
    expect(ssh('web', 'true').status).toBe(0);
  });

  it('another state directory asking for the same lab name is refused, up and down, and nothing changes', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'ha-run-other-checkout-'));
    const before = await docker(['ps', '-q', '--no-trunc', '--filter', `label=ha-run.lab=${LAB}`]);
    for (const args of [['lab', 'up', labFile], ['lab', 'down', LAB]]) {
      const run = await runCli(args, { cwd: elsewhere });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`lab '${LAB}' belongs to ${realpathSync(join(root, '.ha-run'))}`);
      expect(run.stderr).toContain('nothing changed');
    }
    const after = await docker(['ps', '-q', '--no-trunc', '--filter', `label=ha-run.lab=${LAB}`]);
    expect(after.stdout.split('\n').sort()).toEqual(before.stdout.split('\n').sort());
    expect(existsSync(join(elsewhere, '.ha-run/labs', LAB, 'state.json'))).toBe(false);
  });

  it('records its owner, the real path of the state directory, on network and containers', async () => {
    const owner = realpathSync(join(root, '.ha-run'));
    expect((await docker(['network', 'inspect', '--format', '{{index .Labels "ha-run.owner"}}', `ha-run-lab-${LAB}`])).stdout.trim()).toBe(owner);
    expect((await docker(['ps', '-a', '--filter', `label=ha-run.lab=${LAB}`, '--format', '{{.Label "ha-run.owner"}}'])).stdout.trim().split('\n')).toEqual([owner, owner]);
    expect(readLabState(LAB)?.owner).toBe(owner);
  });

  it('the shared test lab is unaffected and on another network', async () => {
    const shared = await labStatus(testLab().name);
    expect(shared?.hosts.every((h) => h.state === 'running')).toBe(true);
    expect(shared?.state.subnet).not.toBe(readLabState(LAB)?.subnet);
  });

  it('up removes a host that left the lab file, and keeps the rest', async () => {
    writeFileSync(labFile, `name: ${LAB}\nhosts:\n  web: { groups: [front] }\n`);
    const result = await labUp(labFile);
    expect(result.changes).toEqual({ svc: 'removed', web: 'unchanged' });
    expect(Object.keys(result.state.hosts)).toEqual(['web']);
    expect(readFileSync(labPaths(LAB).inventory, 'utf8')).not.toContain('svc');
    expect((await docker(['container', 'inspect', `ha-run-${LAB}-svc`])).exitCode).not.toBe(0);
  });

  it('down removes containers, network and state; a second down is a no-op', async () => {
    const removed = await labDown(LAB);
    expect(removed.containers).toEqual([`ha-run-${LAB}-web`]);
    expect(removed.network).toBe(true);
    expect(existsSync(labPaths(LAB).dir)).toBe(false);
    expect((await docker(['network', 'inspect', `ha-run-lab-${LAB}`])).exitCode).not.toBe(0);
    expect(await labStatus(LAB)).toBeUndefined();
    expect(await labDown(LAB)).toEqual({ containers: [], volumes: [], network: false });
  });
});
