// An existing Ansible project run unchanged: ansible.cfg names the inventory, roles_path, forks and the
// ssh config; hosts are known only as ~/.ssh/config aliases; `ha-run site.yml` without -i converges them,
// twice (the second run changes nothing). Settings ha-run does not use are said, never ignored silently.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, labHostInfo, testLab } from '../support/lab.js';
import { runTwice } from '../support/run-twice.js';
import { recapOf, runCli } from './cli.js';

let root: string;
let project: string;
let home: string;
const marker = `/tmp/ha-run-cfg14-${process.pid}`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ha-run-ansible-cfg-'));
  project = join(root, 'project');
  home = join(root, 'home');
  const lab = testLab();
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(
    join(home, '.ssh', 'config'),
    [
      'Host app-*',
      '  HostName 127.0.0.1',
      '  User root',
      `  IdentityFile ${lab.privateKey}`,
      `  UserKnownHostsFile ${lab.knownHosts}`,
      'Host app-one',
      `  Port ${labHostInfo('node2').port}`,
      'Host app-two',
      `  Port ${labHostInfo('node3').port}`,
    ].join('\n'),
  );
  // Roles live outside the project, found through roles_path only.
  const shared = join(root, 'shared-roles', 'marker', 'tasks');
  mkdirSync(shared, { recursive: true });
  writeFileSync(
    join(shared, 'main.yml'),
    `- name: Leave a marker\n  copy:\n    dest: ${marker}\n    content: |\n      written by {{ inventory_hostname }}\n    mode: "0644"\n`,
  );
  mkdirSync(join(project, 'inventory'), { recursive: true });
  writeFileSync(join(project, 'inventory', 'hosts.ini'), '[app]\napp-one\napp-two\n');
  writeFileSync(join(project, 'site.yml'), '- hosts: app\n  gather_facts: false\n  roles:\n    - marker\n');
  writeFileSync(
    join(project, 'ansible.cfg'),
    ['[defaults]', 'inventory = inventory/hosts.ini', 'roles_path = ../shared-roles', 'forks = 2', 'retry_files_enabled = False', '', '[ssh_connection]', 'pipelining = True'].join('\n'),
  );
});

describe('ansible.cfg and ~/.ssh/config, as an Ansible project has them', () => {
  it('runs site.yml with no -i, twice, the second run changing nothing', async () => {
    const env = { HOME: home, SSH_AUTH_SOCK: '' };
    const { first, second } = await runTwice(['site.yml'], { cwd: project, env });
    expect(recapOf(first.stdout)).toMatchObject({ 'app-one': { ok: 1, changed: 1 }, 'app-two': { ok: 1, changed: 1 } });
    expect(recapOf(second.stdout)).toMatchObject({ 'app-one': { ok: 1, changed: 0 }, 'app-two': { ok: 1, changed: 0 } });
    expect((await labExec('node2', `cat ${marker}; rm -f ${marker}`)).stdout).toBe('written by app-one\n');
    expect((await labExec('node3', `cat ${marker}; rm -f ${marker}`)).stdout).toBe('written by app-two\n');
    // Unused settings are named, with where they were written.
    expect(first.stderr).toContain(`[defaults] retry_files_enabled (${join(project, 'ansible.cfg')}:5)`);
    expect(first.stderr).toContain(`[ssh_connection] pipelining (${join(project, 'ansible.cfg')}:8)`);
  });

  it('shows the settings in effect and their origins with `config dump --only-changed`', async () => {
    const run = await runCli(['config', 'dump', '--only-changed'], { cwd: project, env: { HOME: home, ANSIBLE_FORKS: '3' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        `CONFIG_FILE() = ${join(project, 'ansible.cfg')}`,
        `DEFAULT_HOST_LIST(${join(project, 'ansible.cfg')}:2) = ['${join(project, 'inventory/hosts.ini')}']`,
        `DEFAULT_ROLES_PATH(${join(project, 'ansible.cfg')}:3) = ['${join(root, 'shared-roles')}']`,
        'DEFAULT_FORKS(env: ANSIBLE_FORKS) = 3',
        '',
        'Not used by ha-run (found, but ha-run has no such setting):',
        `  [defaults] retry_files_enabled(${join(project, 'ansible.cfg')}:5) = False`,
        `  [ssh_connection] pipelining(${join(project, 'ansible.cfg')}:8) = True`,
        '',
      ].join('\n'),
    );
  });

  it('stops before anything runs on a bad value, at file:line:col', async () => {
    const bad = join(root, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'ansible.cfg'), '[defaults]\ninventory = hosts\nforks = lots\n');
    writeFileSync(join(bad, 'site.yml'), '- hosts: all\n  tasks: []\n');
    const run = await runCli(['site.yml'], { cwd: bad, env: { HOME: home } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('ansible.cfg:3:9  config-invalid  forks in [defaults]: must be a whole number from 1 to 10000, not "lots"');
    expect(readFileSync(join(bad, 'ansible.cfg'), 'utf8')).toContain('lots');
  });
});
