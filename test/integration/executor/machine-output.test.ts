// Machine output as a contract: every `--json` line of a real run on lab hosts validates against the
// published schemas/events.json; task_end/play_end, batch numbers and located warnings are there;
// `validate --json` gives problems as events; `--junit FILE` has Ansible's junit callback structure.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { testLab } from '../support/lab.js';
import { buildCli, root, runCli } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-run-machine-output-'));
const playbook = join(dir, 'ci.yml');
const junit = join(dir, 'report.xml');
const marker = `/tmp/ha-run-machine-output-${process.pid}`;
writeFileSync(
  playbook,
  `- name: machine output
  hosts: node1:node2
  gather_facts: false
  serial: 1
  tasks:
    - name: say hello
      ansible.builtin.debug:
        msg: hello {{ inventory_hostname }}
    - name: write a marker
      ansible.builtin.copy:
        content: "{{ inventory_hostname }}\\n"
        dest: ${marker}
      notify: read it back
    - name: never here
      ansible.builtin.command: "true"
      when: false
    - name: old habit
      ansible.builtin.command:
        cmd: "true"
        executable: /bin/bash
      changed_when: false
    - name: wait a little
      ansible.builtin.shell: test -e ${marker}.n && echo again; touch ${marker}.n
      register: attempt
      until: "'again' in attempt.stdout"
      retries: 2
      delay: 0
      changed_when: false
    - name: each
      ansible.builtin.command: "echo {{ item }}"
      loop: [a, b]
      changed_when: false
    - name: allowed to fail
      ansible.builtin.command: "false"
      ignore_errors: true
    - name: fails on node2
      ansible.builtin.fail:
        msg: node2 says no
      when: inventory_hostname == 'node2'
  handlers:
    - name: read it back
      ansible.builtin.command: cat ${marker}
      changed_when: false
`,
);

type Event = Record<string, unknown> & { event: string };
let events: Event[] = [];
let code = -1;

beforeAll(async () => {
  buildCli();
  const inv = testLab().inventory;
  await runCli(['adhoc', 'node1:node2', '-i', inv, '-m', 'shell', '-a', `rm -f ${marker} ${marker}.n`]);
  const run = await runCli([playbook, '-i', inv, '--json', '--junit', junit]);
  code = run.code;
  events = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Event);
}, 180_000);

const schema = JSON.parse(readFileSync(join(root, 'schemas/events.json'), 'utf8')) as object;
const validator = () => {
  // `time`'s date-time format is checked below by parsing it.
  return new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
};

describe('--json events', () => {
  it('every line of a real run is valid by schemas/events.json and carries schema_version 1', () => {
    expect(code).toBe(2);
    const check = validator();
    for (const e of events) expect(check(e), `${e.event}: ${JSON.stringify(check.errors)}`).toBe(true);
    expect(new Set(events.map((e) => e.schema_version))).toEqual(new Set([1]));
    expect(events.every((e) => new Date(String(e.time)).toISOString() === e.time)).toBe(true);
    for (const name of ['run_start', 'play_start', 'task_start', 'handler_start', 'item_result', 'host_result', 'retrying', 'warning', 'task_end', 'play_end', 'run_end']) {
      expect(events.map((e) => e.event)).toContain(name);
    }
  });

  it('batches are numbered as printed, each play_start closed by a play_end', () => {
    const starts = events.filter((e) => e.event === 'play_start');
    expect(starts.map((e) => e.batch)).toEqual([{ number: 1, count: 2 }, { number: 2, count: 2 }]);
    expect(starts.every((e) => e.playbook === playbook)).toBe(true);
    expect(events.filter((e) => e.event === 'play_end').map((e) => e.batch)).toEqual([{ number: 1, count: 2 }, { number: 2, count: 2 }]);
  });

  it('task_end follows each task with the count of hosts per status', () => {
    const ends = events.filter((e) => e.event === 'task_end') as (Event & { task: { name: string }; counts: Record<string, number> })[];
    const starts = events.filter((e) => e.event === 'task_start' || e.event === 'handler_start');
    expect(ends.length).toBe(starts.length);
    const of = (name: string) => ends.filter((e) => e.task.name === name).map((e) => e.counts);
    expect(of('write a marker')[0]).toMatchObject({ changed: 1, ok: 0, failed: 0 });
    expect(of('never here')[0]).toMatchObject({ skipped: 1 });
    expect(of('allowed to fail')[0]).toMatchObject({ failed: 1, ignored: 1 });
    expect(of('fails on node2')).toEqual([expect.objectContaining({ skipped: 1 }), expect.objectContaining({ failed: 1 })]);
  });

  it('a module warning says which host and where the task is', () => {
    const warning = events.find((e) => e.event === 'warning' && String(e.message).includes("'executable'"));
    expect(warning).toMatchObject({ host: 'node1', location: { file: playbook, line: 17 } });
  });
});

describe('--junit FILE', () => {
  const xml = () => readFileSync(junit, 'utf8');
  const cases = () => [...xml().matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="([\d.]+)">\n\t\t\t<(\S+?)[ >]/g)].map((m) => ({ classname: m[1], name: m[2], first: m[4] }));

  it('is a <testsuites> with one <testsuite> per playbook, counted as Ansible counts', () => {
    expect(xml()).toMatch(/^<\?xml version="1.0" \?>\n<testsuites disabled="0" errors="0" failures="1" tests="17" time="[\d.]+">\n\t<testsuite disabled="0" errors="0" failures="1" name="ci" skipped="3" tests="17" time="[\d.]+">\n/);
  });

  it('has a testcase per task and host: classname file:line, name [host] play: task; failure and skipped elements', () => {
    const all = cases();
    // 8 tasks on 2 hosts, the handler on node1 (node2 failed before handlers ran)
    expect(all.length).toBe(17);
    expect(all[0]).toEqual({ classname: `${playbook}:6`, name: '[node1] machine output: say hello', first: 'system-out' });
    expect(all.find((c) => c.name === '[node1] machine output: never here')?.first).toBe('skipped');
    expect(all.find((c) => c.name === '[node2] machine output: allowed to fail')?.first).toBe('system-out');
    expect(all.find((c) => c.name === '[node2] machine output: fails on node2')).toEqual({ classname: `${playbook}:36`, name: '[node2] machine output: fails on node2', first: 'failure' });
    expect(xml()).toContain('<failure message="node2 says no" type="failure">');
    expect(all.find((c) => c.name === '[node1] machine output: read it back')?.first).toBe('system-out');
  });
});

describe('validate --json', () => {
  it('prints each problem as a diagnostic event with its location, then validate_end; all valid by the schema', async () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, '- hosts: all\n  tasks:\n    - name: typo\n      ansible.builtin.cpy: src=a dest=/b\n');
    const run = await runCli(['validate', bad, '-i', testLab().inventory, '--json']);
    expect(run.code).toBe(4);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Event);
    const check = validator();
    for (const e of lines) expect(check(e), JSON.stringify(check.errors)).toBe(true);
    expect(lines[0]).toMatchObject({ event: 'diagnostic', severity: 'error', location: { file: bad, line: 4 } });
    expect(lines.at(-1)).toMatchObject({ event: 'validate_end', valid: false, errors: lines.length - 1 });
    const good = await runCli(['validate', playbook, '-i', testLab().inventory, '--json']);
    expect(JSON.parse(good.stdout.trim().split('\n').at(-1)!)).toMatchObject({ event: 'validate_end', valid: true, errors: 0, plays: 1, tasks: 9, hosts: 2 });
  });

  it('a run with --json that cannot start gives its problems as events too', async () => {
    const bad = join(dir, 'bad.yml');
    const run = await runCli([bad, '-i', testLab().inventory, '--json']);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout.trim().split('\n')[0]!)).toMatchObject({ event: 'diagnostic', code: expect.any(String), location: { line: 4 } });
  });
});
