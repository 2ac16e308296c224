// The same fixture playbooks run by ansible-playbook and by ha-run on the same lab hosts (each in its own
// directory): every task's status per host, in order, and the PLAY RECAP must be the same.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli, type CliRun } from './cli.js';

const hosts = ['node1', 'node2', 'node3'];
const tag = randomBytes(4).toString('hex');

function ansiblePlaybook(args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile('ansible-playbook', args, { cwd: fixtures, env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0' }, maxBuffer: 64 << 20, timeout: 300_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 250) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** `TASK [name] :: status` for one host, in order (the lines both tools print for each task). */
// `included:` lines name their hosts in the order results came in (Ansible) and may end with `=> (item=...)`.
function statuses(stdout: string, host: string): string[] {
  const out: string[] = [];
  let task = '';
  const hostLine = new RegExp(`^(ok|changed|skipping|fatal|failed|included): .*\\[${host}(\\]| ->)|^included: .* for (.*, )?${host}(,| =>|$)`);
  for (const line of stdout.split('\n')) {
    const banner = /^(TASK|RUNNING HANDLER) \[(.*)\] \*+$/.exec(line);
    if (banner) task = `${banner[1]} [${banner[2]}]`;
    else if (hostLine.test(line)) {
      const entry = `${task} :: ${line.split(':')[0]}`;
      if (out[out.length - 1] !== entry) out.push(entry);
    }
  }
  return out;
}

beforeAll(() => {
  buildCli();
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => labExec(h, `rm -rf /tmp/parity-*-${tag}*`)));
});

/** A second inventory with a host nobody answers for (port 1 on loopback). */
function ghostInventory(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ha-run-ghost-')), 'ghost.yml');
  writeFileSync(file, 'all:\n  hosts:\n    ghost:\n      ansible_host: 127.0.0.1\n      ansible_port: 1\n      ansible_user: root\n');
  return file;
}

/** `ansibleCode`: where ansible-playbook's exit code differs from ha-run's on purpose. */
const cases: { name: string; args: (who: string) => string[]; code: number; ansibleCode?: number; limit?: string }[] = [
  { name: 'semantics.yml', args: () => [], code: 0 },
  { name: 'converge.yml', args: (who) => ['-e', `base=/tmp/parity-${who}-${tag}`], code: 0 },
  { name: 'failing.yml', args: () => [], code: 2 },
  { name: 'fatal.yml', args: () => [], code: 2 },
  { name: 'maxfail.yml', args: () => [], code: 2 },
  { name: 'tagged.yml', args: () => ['--tags', 'db,debugging', '--skip-tags', 'always'], code: 0 },
  { name: 'parity-blocks.yml', args: () => [], code: 2 },
  { name: 'parity-handlers.yml', args: () => [], code: 2 },
  { name: 'parity-dup-handlers.yml', args: () => [], code: 0 },
  { name: 'parity-loops.yml', args: () => [], code: 0 },
  { name: 'parity-roles.yml', args: () => [], code: 0 },
  { name: 'parity-includes.yml', args: () => [], code: 0 },
  { name: 'parity-roles.yml', args: () => ['--skip-tags', 'second'], code: 0 },
  { name: 'parity-hostvars.yml', args: () => [], code: 0 },
  { name: 'parity-include-role-from.yml', args: () => [], code: 0 },
  { name: 'parity-run-once-templated.yml', args: () => [], code: 0 },
  { name: 'parity-force-handlers.yml', args: () => [], code: 2 },
  { name: 'parity-force-handlers-sections.yml', args: () => [], code: 2 },
  { name: 'parity-force-handlers-flag.yml', args: () => [], code: 2 },
  { name: 'parity-force-handlers-flag.yml', args: () => ['--force-handlers'], code: 2 },
  // The limit names localhost: without it neither tool would run the implicit localhost.
  { name: 'parity-implicit-localhost.yml', args: () => [], code: 0, limit: 'node1:localhost' },
  // Unreachable hosts: ha-run exits 3 as Ansible documents; ansible-playbook 2.14 really exits 4, or 2
  // when any_errors_fatal broke the play.
  { name: 'parity-unreachable.yml', args: () => ['-i', ghostInventory()], code: 3, ansibleCode: 4, limit: 'node1:ghost' },
  { name: 'parity-fatal-unreachable.yml', args: () => ['-i', ghostInventory()], code: 3, ansibleCode: 2, limit: 'node1:ghost' },
];

describe('same outcome as ansible-playbook', () => {
  for (const c of cases) {
    it(`${c.name} ${c.args('x').filter((a) => a.startsWith('--')).join(' ')}`, { timeout: 600_000 }, async () => {
      const inv = testLab().inventory;
      const limit = c.limit ?? hosts.join(':');
      const ansible = await ansiblePlaybook([c.name, '-i', inv, '-l', limit, ...c.args('ansible')]);
      const harun = await runCli([join(fixtures, c.name), '-i', inv, '-l', limit, ...c.args('harun')]);
      expect(harun.code, harun.stdout + harun.stderr).toBe(c.code);
      expect(ansible.code, ansible.stdout + ansible.stderr).toBe(c.ansibleCode ?? c.code);
      expect(recapOf(harun.stdout)).toEqual(recapOf(ansible.stdout));
      for (const h of limit.split(':')) expect(statuses(harun.stdout, h), h).toEqual(statuses(ansible.stdout, h));
    });
  }
});

describe('same listing as ansible-playbook', () => {
  // --list-hosts is left out: ansible-playbook 2.14 prints the hosts in no stable order.
  const listings: [string, string[]][] = [
    ['converge.yml', ['-e', 'base=/tmp/listing']],
    ['tagged.yml', []],
    ['tagged.yml', ['--tags', 'db', '--skip-tags', 'always']],
    ['parity-roles.yml', []],
    ['parity-includes.yml', []],
    ['parity-blocks.yml', []],
    ['parity-handlers.yml', []],
  ];
  for (const [name, args] of listings) {
    for (const mode of ['--list-tasks', '--list-tags']) {
      it(`${name} ${mode} ${args.join(' ')}`, async () => {
        const inv = testLab().inventory;
        const ansible = await ansiblePlaybook([name, '-i', inv, mode, ...args]);
        const harun = await runCli([name, '-i', inv, mode, ...args], { cwd: fixtures });
        expect(harun.code, harun.stderr).toBe(0);
        expect(harun.stdout).toBe(ansible.stdout);
      });
    }
  }
});
