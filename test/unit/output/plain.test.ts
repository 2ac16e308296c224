import { describe, expect, it } from 'vitest';
import type { HostResultEvent, TaskInfo } from '../../../src/output/events.js';
import { PlainReporter } from '../../../src/output/plain.js';

const task: TaskInfo = { name: 'run migration', module: 'command', handler: false, location: { file: '/nowhere/site.yml', line: 12, col: 7 } };

function capture(verbosity = 0) {
  let out = '';
  return { r: new PlainReporter({ write: (s) => (out += s), verbosity }), text: () => out };
}

function ev(e: Partial<HostResultEvent>): HostResultEvent {
  return { host: 'node1', task, status: 'ok', durationMs: 5, result: {}, ...e };
}

describe('plain reporter', () => {
  it('prints task banners and Ansible-style host lines', () => {
    const { r, text } = capture();
    r.playStart({ name: 'web', hosts: ['node1'] });
    r.taskStart({ task, hosts: ['node1'] });
    r.hostResult(ev({ status: 'ok' }));
    r.hostResult(ev({ host: 'node2', status: 'changed', reasons: ['would run'] }));
    r.hostResult(ev({ host: 'node3', status: 'skipped' }));
    r.hostResult(ev({ host: 'node4', status: 'ok', delegatedTo: 'localhost' }));
    r.hostResult(ev({ host: 'node5', status: 'skipped', reasons: ['would run: systemctl restart app'] }));
    const lines = text().split('\n');
    expect(lines).toContain('PLAY [web] *********************************************************************');
    expect(lines).toContain('TASK [run migration] ***********************************************************');
    expect(lines).toContain('ok: [node1]');
    expect(lines).toContain('changed: [node2]  (would run)');
    expect(lines).toContain('skipping: [node3]');
    expect(lines).toContain('ok: [node4 -> localhost]');
    expect(lines).toContain('skipping: [node5]  (would run: systemctl restart app)');
  });
  it('a failure shows the message, the task location, rc and the end of stderr', () => {
    const { r, text } = capture();
    const stderr = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    r.hostResult(ev({ status: 'failed', result: { failed: true, msg: 'non-zero return code', rc: 3, stderr } }));
    const out = text();
    expect(out).toContain('fatal: [node1]: FAILED! => non-zero return code');
    expect(out).toMatch(/task: \S*site\.yml:12:7/);
    expect(out).toContain('rc: 3');
    expect(out).toContain('line 30');
    expect(out).not.toContain('line 18\n');
    expect(out).toContain('(last 12 of 30 lines)');
  });
  it('marks ignored failures and prints unreachable hosts with a hint', () => {
    const { r, text } = capture();
    r.hostResult(ev({ status: 'failed', ignored: true, result: { msg: 'boom' } }));
    r.unreachable(ev({ status: 'unreachable', msg: 'node1 (127.0.0.1:1) is unreachable: connection refused', hint: 'check the port' }));
    expect(text()).toContain('...ignoring');
    expect(text()).toContain('fatal: [node1]: UNREACHABLE! => node1 (127.0.0.1:1) is unreachable: connection refused');
    expect(text()).toContain('hint: check the port');
  });
  it('debug in a loop shows its message alone, a variable with the loop variables, as Ansible does', () => {
    const { r, text } = capture();
    const debug: TaskInfo = { name: 'show', module: 'debug', output: 'show-result', handler: false };
    r.itemResult(ev({ task: debug, item: '1', result: { msg: 'one', item: 1, ansible_loop_var: 'item', changed: false } }));
    r.itemResult(ev({ task: debug, item: '2', result: { item: 2, ansible_loop_var: 'item', changed: false } }));
    expect(text()).toContain('ok: [node1] => (item=1) => {\n    "msg": "one"\n}');
    expect(text()).toContain('ok: [node1] => (item=2) => {\n    "item": 2,\n    "ansible_loop_var": "item"\n}');
  });
  it('loop items get their own lines; the loop summary only when it failed', () => {
    const { r, text } = capture();
    r.itemResult(ev({ status: 'changed', item: 'a' }));
    r.itemResult(ev({ status: 'failed', item: 'b', result: { msg: 'bad' } }));
    r.hostResult(ev({ status: 'ok', result: { results: [] } }));
    expect(text()).toContain('changed: [node1] => (item=a)');
    expect(text()).toContain('failed: [node1] (item=b) => {"msg":"bad"}');
    expect(text()).not.toContain('ok: [node1]\n');
  });
  it('shows the diffs the executor passes (tasks in diff mode), and results with -v', () => {
    const withDiff = capture();
    withDiff.r.hostResult(ev({ status: 'changed', diff: [{ before: 'a\n', after: 'b\n', path: '/etc/x' }] }));
    expect(withDiff.text()).toContain('-a\n+b');
    const noDiff = capture();
    noDiff.r.hostResult(ev({ status: 'changed' }));
    expect(noDiff.text()).not.toContain('+++');
    const verbose = capture(1);
    verbose.r.hostResult(ev({ status: 'ok', result: { rc: 0, stdout: 'hello' } }));
    expect(verbose.text()).toContain('"stdout": "hello"');
  });
  it('says when an until loop retries, and what an include loaded', () => {
    const { r, text } = capture();
    r.retrying({ host: 'node1', task, retriesLeft: 2 });
    r.included({ file: 'tasks/a.yml', hosts: ['node1', 'node2'], item: 'x' });
    expect(text()).toContain('FAILED - RETRYING: [node1]: run migration (2 retries left).\n');
    expect(text()).toContain('included: tasks/a.yml for node1, node2 => (item=x)\n');
  });
  it('ends with the recap and the log path when something failed', () => {
    const { r, text } = capture();
    const zero = { ok: 0, changed: 0, unreachable: 0, failed: 1, skipped: 0, rescued: 0, ignored: 0 };
    r.runEnd({ stats: { node1: zero }, exitCode: 2, durationMs: 1, logFile: '/tmp/run.jsonl' });
    expect(text()).toContain('PLAY RECAP');
    expect(text()).toContain('node1                      : ok=0    changed=0    unreachable=0    failed=1 ');
    expect(text()).toContain('full log of this run: /tmp/run.jsonl');
  });
});
