// The test harness itself: the description global-setup wrote, and out-of-band host control.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkoutLabName } from '../checkout-lab.js';
import { labExec, labHostInfo, regenerateHostKeys, restartHost, startHost, stopHost, testLab } from '../support/lab.js';

function sshAsRoot(host: string, command: string): { status: number | null; stdout: string; stderr: string } {
  const lab = testLab();
  const result = spawnSync('ssh', [
    '-F', '/dev/null', '-i', lab.privateKey, '-p', String(labHostInfo(host).port),
    '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${lab.knownHosts}`,
    '-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'StrictHostKeyChecking=yes',
    'root@127.0.0.1', command,
  ], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('test lab description', () => {
  it('lists every host of test/lab.yml with its kind, groups, port and lab address', () => {
    const lab = testLab();
    expect(lab.name).toBe(checkoutLabName('hatest'));
    expect(Object.keys(lab.hosts).sort()).toEqual(
      ['db1', 'db2', 'diff-ansible', 'diff-harun', 'dock1', 'dock2', 'node1', 'node2', 'node3', 'node4', 'node5', 'sys1', 'victim'],
    );
    expect(lab.hosts.sys1!.kind).toBe('systemd');
    expect(lab.hosts.dock1!.kind).toBe('docker');
    expect(lab.hosts.node3!.groups).toEqual(['nodes']);
    expect(lab.hosts['diff-harun']!.groups).toEqual(['diff']);
    const ports = Object.values(lab.hosts).map((h) => h.port);
    expect(new Set(ports).size).toBe(ports.length);
    for (const host of Object.values(lab.hosts)) expect(host.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('writes an inventory that ansible-inventory reads with the lab connection settings', () => {
    const lab = testLab();
    const out = execFileSync('ansible-inventory', ['-i', lab.inventory, '--list'], { encoding: 'utf8' });
    const parsed = JSON.parse(out) as { _meta: { hostvars: Record<string, Record<string, unknown>> }; nodes: { hosts: string[] } };
    expect(parsed.nodes.hosts).toEqual(['node1', 'node2', 'node3', 'node4', 'node5']);
    const node1 = parsed._meta.hostvars.node1!;
    expect(node1.ansible_port).toBe(lab.hosts.node1!.port);
    expect(node1.ansible_host).toBe('127.0.0.1');
    expect(node1.ansible_user).toBe('root');
    expect(node1.lab_ip).toBe(lab.hosts.node1!.address);
    expect(node1.ansible_ssh_private_key_file).toBe(lab.privateKey);
    expect(String(node1.ansible_ssh_common_args)).toContain(`UserKnownHostsFile=${lab.knownHosts}`);
  });

  it('known_hosts holds each host real key, as sshd inside the container has it', async () => {
    const lab = testLab();
    const knownHosts = readFileSync(lab.knownHosts, 'utf8');
    const inside = await labExec('node2', 'cat /etc/ssh/ssh_host_ed25519_key.pub');
    expect(inside.exitCode).toBe(0);
    const [type, key] = inside.stdout.trim().split(/\s+/);
    expect(knownHosts).toContain(`[127.0.0.1]:${lab.hosts.node2!.port} ${type} ${key}\n`);
    expect(lab.hosts.node2!.hostKey).toBe(`${type} ${key}`);
    // Every host made its own key at first start: no two are the same.
    const keys = Object.values(lab.hosts).map((h) => h.hostKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lab hosts reach each other on the lab network by name', async () => {
    const lab = testLab();
    const result = await labExec('node1', 'getent hosts node2');
    expect(result.stdout.trim().split(/\s+/)[0]).toBe(lab.hosts.node2!.address);
  });

  it('has users root, ha (passwordless sudo) and app (no sudo), all reachable with the lab key', () => {
    expect(sshAsRoot('node1', 'id -un').stdout.trim()).toBe('root');
    const lab = testLab();
    const as = (user: string, command: string) =>
      spawnSync('ssh', [
        '-F', '/dev/null', '-i', lab.privateKey, '-p', String(lab.hosts.node1!.port), '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes',
        '-o', `UserKnownHostsFile=${lab.knownHosts}`, '-o', 'StrictHostKeyChecking=yes', `${user}@127.0.0.1`, command,
      ], { encoding: 'utf8', timeout: 30_000 });
    expect(as('ha', 'sudo -n id -un').stdout.trim()).toBe('root');
    const app = as('app', 'sudo -n id -un');
    expect(app.status).not.toBe(0);
    expect(as('app', 'id -un').stdout.trim()).toBe('app');
  });

  it('labExec reports exit status and output of a failing command', async () => {
    const result = await labExec('node4', 'echo out; echo err >&2; exit 3');
    expect(result).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });
});

describe('host control (on victim)', () => {
  it('stopHost makes sshd unreachable; startHost brings it back on the same port', async () => {
    const before = labHostInfo('victim');
    await stopHost('victim');
    expect(sshAsRoot('victim', 'true').status).not.toBe(0);
    await startHost('victim');
    const after = labHostInfo('victim');
    expect(after.port).toBe(before.port);
    expect(after.hostKey).toBe(before.hostKey);
    expect(sshAsRoot('victim', 'echo back').stdout.trim()).toBe('back');
  });

  it('restartHost restarts the container (fresh /run, same key, same port)', async () => {
    const before = labHostInfo('victim');
    await labExec('victim', 'echo marker >/run/restart-marker');
    await restartHost('victim');
    expect((await labExec('victim', 'cat /run/restart-marker')).exitCode).not.toBe(0);
    expect(labHostInfo('victim')).toEqual(before);
    expect(sshAsRoot('victim', 'true').status).toBe(0);
  });

  it('regenerateHostKeys gives a new key that known_hosts learns; the old key no longer matches', async () => {
    const oldKey = labHostInfo('victim').hostKey;
    const oldKnownHosts = readFileSync(testLab().knownHosts, 'utf8');
    const newKey = await regenerateHostKeys('victim');
    expect(newKey).not.toBe(oldKey);
    expect(labHostInfo('victim').hostKey).toBe(newKey);
    expect(readFileSync(testLab().knownHosts, 'utf8')).toContain(newKey);
    expect(readFileSync(testLab().knownHosts, 'utf8')).not.toBe(oldKnownHosts);
    expect(sshAsRoot('victim', 'true').status).toBe(0);
  });
});
