// The everyday commands an Ansible user types first, through the real CLI against lab hosts: ping, setup's
// facts in ad-hoc output, `debug: var=ansible_facts`, usage, help, "did you mean" and --version.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testLab } from '../support/lab.js';
import { runTwice } from '../support/run-twice.js';
import { buildCli, runCli } from './cli.js';

const inv = () => testLab().inventory;

/** `host | STATE => {json}` blocks of ad-hoc output, by host. */
function adhocResults(stdout: string): Record<string, { state: string; result: Record<string, any> }> {
  const out: Record<string, { state: string; result: Record<string, any> }> = {};
  for (const m of stdout.matchAll(/^(\S+) \| (\S+) => (\{[\s\S]*?\n\})$/gm)) out[m[1]!] = { state: m[2]!, result: JSON.parse(m[3]!) };
  return out;
}

beforeAll(() => {
  buildCli();
});

describe('ping', () => {
  it('answers pong on every host, returns data, and fails on data=crash', async () => {
    const pong = await runCli(['adhoc', 'node1:node2', '-m', 'ping', '-i', inv()]);
    expect(pong.code, pong.stdout + pong.stderr).toBe(0);
    const results = adhocResults(pong.stdout);
    expect(Object.keys(results).sort()).toEqual(['node1', 'node2']);
    for (const r of Object.values(results)) expect(r).toEqual({ state: 'SUCCESS', result: { changed: false, ping: 'pong' } });
    const data = await runCli(['adhoc', 'node1', '-m', 'ansible.builtin.ping', '-a', 'data=hello', '-i', inv()]);
    expect(adhocResults(data.stdout).node1!.result.ping).toBe('hello');
    const crash = await runCli(['adhoc', 'node1', '-m', 'ping', '-a', 'data=crash', '-i', inv()]);
    expect(crash.code).toBe(2);
    expect(adhocResults(crash.stdout).node1).toMatchObject({ state: 'FAILED!', result: { failed: true } });
  });

  it('runs in a playbook, twice, registering ping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-ping-'));
    writeFileSync(
      join(dir, 'ping.yml'),
      ['- hosts: node1', '  gather_facts: false', '  tasks:', '    - ping:', '      register: p', '    - debug: msg="{{ p.ping }}"', ''].join('\n'),
    );
    const { second } = await runTwice([join(dir, 'ping.yml'), '-i', inv()]);
    expect(second.stdout).toContain('"msg": "pong"');
  });
});

describe('setup and facts', () => {
  it('ad-hoc setup prints the facts as ansible does, and filter= narrows them', async () => {
    const all = await runCli(['adhoc', 'node1', '-m', 'setup', '-i', inv()]);
    expect(all.code, all.stderr).toBe(0);
    const facts = adhocResults(all.stdout).node1!.result.ansible_facts;
    expect(facts.ansible_hostname).toBe('node1');
    expect(facts.ansible_os_family).toBe('Debian');
    expect(Array.isArray(facts.ansible_all_ipv4_addresses)).toBe(true);
    const filtered = await runCli(['adhoc', 'node1', '-m', 'setup', '-a', 'filter=ansible_host*', '-i', inv()]);
    expect(adhocResults(filtered.stdout).node1!.result).toEqual({ changed: false, ansible_facts: { ansible_hostname: 'node1' } });
  });

  it('debug: var=ansible_facts shows the gathered facts and sets nothing; a playbook never dumps setup results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-facts-'));
    writeFileSync(
      join(dir, 'facts.yml'),
      [
        '- hosts: node1',
        '  vars:',
        '    facts: { leaked: from-debug }',
        '  tasks:',
        '    - debug: var=ansible_facts',
        '    - name: debug shows a variable called facts',
        '      debug: var=facts',
        '    - name: what debug showed did not become a variable',
        '      debug: msg="{{ leaked | default(\'not set\') }}"',
        '    - setup: filter=ansible_hostname',
        '',
      ].join('\n'),
    );
    const { first, second } = await runTwice([join(dir, 'facts.yml'), '-i', inv(), '-v']);
    for (const run of [first, second]) {
      expect(run.stdout).toMatch(/"ansible_facts": \{\n\s+"gather_subset"/);
      expect(run.stdout).toContain('"hostname": "node1"');
      expect(run.stdout).toContain('"msg": "not set"');
      // setup's result (the facts) is not dumped at -v, as in ansible-playbook
      expect(run.stdout).toMatch(/TASK \[setup\] \*+\nok: \[node1\]\n/);
    }
  });
});

describe('the command line itself', () => {
  it('prints usage without arguments, suggests a command for a typo, lists run options in --help', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('Usage: ha-run');
    const typo = await runCli(['invetory', '-i', inv(), '--list']);
    expect(typo.code).toBe(5);
    expect(typo.stderr).toContain("did you mean 'ha-run inventory'?");
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--inventory', '--check', '--limit', '--extra-vars', '--become', '--tags', '--list-hosts', '--ask-vault-pass']) expect(help.stdout).toContain(option);
  });

  it('--version names the version, the config file, the roles path, the executable and node', async () => {
    const v = await runCli(['--version'], { env: { ANSIBLE_ROLES_PATH: '/srv/roles' } });
    expect(v.code).toBe(0);
    const lines = v.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ha-run \d+\.\d+\.\d+/);
    expect(lines).toContain('  config file = None');
    expect(lines).toContain('  configured roles path = ["<playbook dir>/roles","/srv/roles"]');
    expect(lines).toContain(`  executable location = ${buildCli()}`);
    expect(lines).toContain(`  node version = ${process.version}`);
  });

  it('completion and man print scripts and a page generated from the options', async () => {
    const bash = await runCli(['completion', 'bash']);
    expect(bash.stdout).toContain('complete -o default -o bashdefault -F _ha_run ha-run');
    expect(bash.stdout).toContain('ping');
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout.startsWith('#compdef ha-run\n')).toBe(true);
    const fish = await runCli(['completion', 'fihs']);
    expect(fish.code).toBe(5);
    const man = await runCli(['man']);
    expect(man.stdout).toContain('.TH HA\\-RUN 1');
    expect(man.stdout).toContain('\\fB\\-\\-ask\\-vault\\-pass\\fR');
  });
});
