// The command line: tags, listings, --syntax-check, --start-at-task, -e forms, --json events, the log
// file (0600, secrets masked), ad-hoc runs, and exit codes 4 (invalid input) and 5 (bad options).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli } from './cli.js';

const tagged = join(fixtures, 'tagged.yml');
const inv = () => testLab().inventory;
const tasksRun = (stdout: string) => [...stdout.matchAll(/^TASK \[(.+?)\]/gm)].map((m) => m[1]);

beforeAll(() => {
  buildCli();
});

describe('ha-run PLAYBOOK options', () => {
  it('--tags runs the tagged tasks and always, --skip-tags removes some, never only by name', async () => {
    const web = await runCli([tagged, '-i', inv(), '-l', 'node1', '--tags', 'web']);
    expect(web.code, web.stdout).toBe(0);
    expect(tasksRun(web.stdout)).toEqual(['web task', 'always task']);
    const skip = await runCli([tagged, '-i', inv(), '-l', 'node1', '--skip-tags', 'web,always']);
    expect(tasksRun(skip.stdout)).toEqual(['untagged task', 'db task', 'secret echo']);
    const never = await runCli([tagged, '-i', inv(), '-l', 'node1', '-t', 'debugging']);
    expect(tasksRun(never.stdout)).toEqual(['always task', 'never task']);
  });

  it('--list-tasks, --list-tags, --list-hosts and --syntax-check connect to nothing', async () => {
    const tasks = await runCli([tagged, '-i', inv(), '--list-tasks']);
    expect(tasks.code).toBe(0);
    expect(tasks.stdout).toContain('      web task\tTAGS: [web]');
    expect(tasks.stdout).not.toContain('never task');
    const tags = await runCli([tagged, '-i', inv(), '--list-tags']);
    expect(tags.stdout).toContain('TASK TAGS: [always, db, web]');
    const hosts = await runCli([tagged, '-i', inv(), '-l', 'node1:node3', '--list-hosts']);
    expect(hosts.stdout).toContain('hosts (2):\n      node1\n      node3');
    const syntax = await runCli([tagged, '-i', inv(), '--syntax-check']);
    expect(syntax.code).toBe(0);
    expect(syntax.stdout).toContain('playbook: ');
  });

  it('--start-at-task skips what comes before; -e accepts k=v, JSON and @file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-ev-'));
    writeFileSync(join(dir, 'ev.yml'), 'greeting: from-file\n');
    const start = await runCli([tagged, '-i', inv(), '-l', 'node1', '--start-at-task', 'db task']);
    expect(tasksRun(start.stdout)).toEqual(['db task', 'always task', 'secret echo']);
    const kv = await runCli([tagged, '-i', inv(), '-l', 'node1', '-e', 'greeting=hello', '-t', 'untagged']);
    expect(kv.stdout).toContain('"msg": "untagged hello"');
    const json = await runCli([tagged, '-i', inv(), '-l', 'node1', '-e', '{"greeting": "json"}', '-t', 'untagged']);
    expect(json.stdout).toContain('"msg": "untagged json"');
    const file = await runCli([tagged, '-i', inv(), '-l', 'node1', '-e', `@${join(dir, 'ev.yml')}`, '-t', 'untagged']);
    expect(file.stdout).toContain('"msg": "untagged from-file"');
  });

  it('--json prints one event per line; no_log and secret values never reach output or the 0600 log', async () => {
    const r = await runCli([tagged, '-i', inv(), '-l', 'node1', '--json', '-e', 'api_token=tok-SECRET-4242']);
    expect(r.code, r.stdout).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(events[0]!.event).toBe('run_start');
    expect(events.at(-1)!.event).toBe('run_end');
    expect(events.map((e) => e.event)).toContain('play_start');
    const results = events.filter((e) => e.event === 'host_result');
    expect(results.length).toBeGreaterThan(3);
    for (const e of results) {
      expect(e).toHaveProperty('host', 'node1');
      expect(e).toHaveProperty('status');
      expect(e).toHaveProperty('changed');
      expect(typeof e.durationMs).toBe('number');
      expect(e.task).toHaveProperty('name');
    }
    const secret = results.find((e) => e.task.name === 'secret echo')!;
    expect(secret.result.censored).toContain("'no_log: true' was specified");
    expect(r.stdout).not.toContain('tok-SECRET-4242');
    const end = events.at(-1)!;
    expect(end.stats.node1.failed).toBe(0);
    const log = String(events[0]!.logFile);
    expect(statSync(log).mode & 0o777).toBe(0o600);
    const logText = readFileSync(log, 'utf8');
    expect(logText).toContain('"event":"run_end"');
    expect(logText).not.toContain('tok-SECRET-4242');
  });

  it('invalid input exits 4 with file:line:col before connecting; bad options exit 5', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-bad-'));
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, '- hosts: all\n  tasks:\n    - name: typo\n      copy:\n        dest: /tmp/x\n        contnet: y\n');
    const r = await runCli([bad, '-i', inv()]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/bad\.yml:6:9/);
    expect(r.stdout).not.toContain('PLAY [');
    const opts = await runCli([tagged, '-i', inv(), '--forks', 'zero']);
    expect(opts.code).toBe(5);
    // Without -i (and no /etc/ansible/hosts), as ansible-playbook: only the implicit localhost, so
    // a play for a group matches no host and the run ends without error.
    const noInv = await runCli([tagged]);
    expect(noInv.code, noInv.stderr).toBe(0);
    expect(noInv.stderr).toContain('only the implicit localhost');
  });
});

describe('ad-hoc', () => {
  it('runs one module on a pattern, with free-form, k=v or JSON args, in both forms, printing like ansible', async () => {
    const a = await runCli(['adhoc', 'node1:node2', '-i', inv(), '-m', 'command', '-a', 'echo hi there']);
    expect(a.code, a.stdout + a.stderr).toBe(0);
    expect(a.stdout).toContain('node1 | CHANGED | rc=0 >>\nhi there\n');
    expect(a.stdout).toContain('node2 | CHANGED | rc=0 >>\nhi there\n');
    expect(a.stdout).not.toContain('PLAY RECAP');
    const b = await runCli(['-i', inv(), 'node1', '-m', 'file', '-a', 'path=/tmp state=directory']);
    expect(b.code, b.stdout + b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^node1 \| SUCCESS => \{\n {4}"changed": false/m);
    const c = await runCli(['adhoc', 'node1', '-i', inv(), '-m', 'debug', '-a', '{"msg": "json {{ inventory_hostname }}"}']);
    expect(c.stdout).toBe('node1 | SUCCESS => {\n    "msg": "json node1"\n}\n');
    const fqcn = await runCli(['adhoc', 'node1', '-i', inv(), '-m', 'ansible.builtin.debug', '-a', '{"msg": "json {{ inventory_hostname }}"}']);
    expect(fqcn.stdout).toBe(c.stdout);
    const failed = await runCli(['adhoc', 'node1', '-i', inv(), '-m', 'shell', '-a', 'echo bad >&2; exit 4']);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('node1 | FAILED | rc=4 >>\nbad');
    const bad = await runCli(['adhoc', 'node1', '-i', inv(), '-m', 'file', '-a', 'pth=/tmp']);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('pth');
  });
});

describe('connection options', () => {
  /** node1 with only its address: user, key and connection come from the command line. */
  function bareInventory(): string {
    const lab = testLab();
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-bare-'));
    const file = join(dir, 'bare.yml');
    const knownHosts = `-o UserKnownHostsFile=${lab.knownHosts} -o StrictHostKeyChecking=yes`;
    writeFileSync(file, `all:\n  hosts:\n    node1:\n      ansible_host: 127.0.0.1\n      ansible_port: ${lab.hosts.node1!.port}\n      ansible_ssh_common_args: "${knownHosts}"\n`);
    return file;
  }

  it('-u, --private-key and -c fill in what the inventory leaves unset, and never override it', async () => {
    const lab = testLab();
    const asApp = await runCli(['adhoc', 'node1', '-i', bareInventory(), '-u', 'app', '--private-key', lab.privateKey, '-T', '5', '-m', 'command', '-a', 'whoami']);
    expect(asApp.code, asApp.stdout + asApp.stderr).toBe(0);
    expect(asApp.stdout).toContain('node1 | CHANGED | rc=0 >>\napp\n');
    // The lab inventory says ansible_user: root, which wins over -u.
    const inventoryWins = await runCli(['adhoc', 'node1', '-i', inv(), '-u', 'app', '-m', 'command', '-a', 'whoami']);
    expect(inventoryWins.stdout).toContain('node1 | CHANGED | rc=0 >>\nroot\n');
    // -c local runs on this machine: the controller's hostname, not node1's.
    const local = await runCli(['adhoc', 'node1', '-i', bareInventory(), '-c', 'local', '-m', 'command', '-a', 'cat /proc/sys/kernel/hostname']);
    expect(local.code, local.stdout + local.stderr).toBe(0);
    expect(local.stdout).toContain(`node1 | CHANGED | rc=0 >>\n${hostname()}\n`);
  });

  it('rejects an unknown connection type and a bad timeout as bad options (exit 5)', async () => {
    const winrm = await runCli(['adhoc', 'node1', '-i', inv(), '-c', 'winrm', '-m', 'ping']);
    expect(winrm.code).toBe(5);
    expect(winrm.stderr).toContain("--connection must be ssh or local, not 'winrm'");
    const zero = await runCli([join(fixtures, 'converge.yml'), '-i', inv(), '-T', '0']);
    expect(zero.code).toBe(5);
    expect(zero.stderr).toContain('--timeout must be a whole number of seconds from 1 to 3600');
    // Refused up front by the same rule the connection applies, not host by host once connecting.
    for (const timeout of ['5000', 'soon']) {
      const r = await runCli([join(fixtures, 'converge.yml'), '-i', inv(), '-T', timeout]);
      expect(r.code, r.stdout + r.stderr).toBe(5);
      expect(r.stderr).toContain(`--timeout must be a whole number of seconds from 1 to 3600, not '${timeout}'`);
      expect(r.stdout).not.toContain('PLAY [');
    }
  });
});

describe('output on a terminal', () => {
  /** Runs the CLI under `script`, i.e. on a real pseudo-terminal, with `stty` setting its size first. */
  function onTerminal(stty: string, playbook = join(fixtures, 'ping.yml')): string {
    const command = `${stty}${process.execPath} ${buildCli()} ${playbook} -i ${inv()} --limit node1`;
    const { CI: _ci, ...env } = process.env;
    return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env, timeout: 60_000 }).stdout;
  }

  it('shows the live view on a terminal with a width, plain lines on one without', () => {
    const live = onTerminal('stty cols 100 rows 30; ');
    expect(live).toMatch(/\u2714.*node1 {2}ok/); // listr2's tick before "node1  ok  0.0s"
    expect(live).toContain('PLAY RECAP');
    const sizeless = onTerminal('');
    expect(sizeless).toContain('ok: [node1]');
    expect(sizeless).not.toContain('\u2714');
  });

  it("shows a target's escape sequences visibly, live and plain: a host cannot erase the fatal line and print a fake ok", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-escapes-'));
    const playbook = join(dir, 'hostile.yml');
    writeFileSync(
      playbook,
      [
        '- hosts: all',
        '  gather_facts: false',
        '  tasks:',
        '    - name: a hostile host',
        '      shell: |',
        "        printf 'ERR\\033[1A\\033[2K\\rok: [node1] all fine\\n' >&2",
        '        exit 1',
        '',
      ].join('\n'),
    );
    const raw = '\x1b[1A\x1b[2K\rok: [node1] all fine';
    const shown = '\\x1b[1A\\x1b[2K\\rok: [node1] all fine';
    const plain = await runCli([playbook, '-i', inv(), '-l', 'node1']);
    expect(plain.code).toBe(2);
    expect(plain.stdout).not.toContain(raw);
    expect(plain.stdout).toContain(`ERR${shown}`);
    const live = onTerminal('stty cols 100 rows 30; ', playbook);
    expect(live).toContain('PLAY RECAP');
    expect(live).not.toContain(raw);
    expect(live).toContain(shown);
    const json = await runCli([playbook, '-i', inv(), '-l', 'node1', '--json']);
    expect(json.stdout).toContain(JSON.stringify(`ERR${raw}`).slice(1, -1));
  });

  it('debugger: the run stops with exit 99 where the debugger would open, as ansible-playbook without a terminal', async () => {
    const r = await runCli([join(fixtures, 'debugger-stops.yml'), '-i', inv(), '-l', 'node1']);
    expect(r.code, r.stdout + r.stderr).toBe(99);
    expect(tasksRun(r.stdout)).toEqual(['an ignored failure', 'a failure opens the debugger']);
    expect(r.stdout + r.stderr).toContain("debugger: on_failed on node1 would open Ansible's interactive debugger");
  });
});
