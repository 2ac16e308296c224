import { describe, expect, it } from 'vitest';
import type { HostResultEvent, TaskInfo } from '../../../src/output/events.js';
import { LiveReporter } from '../../../src/output/live.js';

const task: TaskInfo = { name: 'deploy', module: 'command', handler: false };
const zero = { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };

describe('live reporter', () => {
  it('never waits for hosts that get no result (run_once, interrupted) and prints details after each task', async () => {
    let out = '';
    const r = new LiveReporter((s) => (out += s), { verbosity: 0 });
    await r.playStart({ name: 'web', hosts: ['a', 'b'] });
    await r.taskStart({ task, hosts: ['a', 'b'] });
    const failed: HostResultEvent = { host: 'a', task, status: 'failed', durationMs: 3, result: { msg: 'boom', rc: 2 } };
    r.hostResult(failed);
    // 'b' never reports: the next task must still start, and the run must end.
    await r.taskStart({ task: { ...task, name: 'next' }, hosts: ['b'] });
    r.hostResult({ host: 'b', task, status: 'ok', durationMs: 1, result: {} });
    const done = r.runEnd({ stats: { a: { ...zero, failed: 1 }, b: { ...zero, ok: 1 } }, exitCode: 2, durationMs: 5, logFile: '/tmp/l.jsonl' });
    await expect(Promise.race([done.then(() => 'ended'), new Promise((res) => setTimeout(() => res('hung'), 5000))])).resolves.toBe('ended');
    expect(out).toContain('PLAY [web]');
    expect(out).toContain('fatal: [a]: FAILED! => boom');
    expect(out).toContain('rc: 2');
    expect(out).toContain('PLAY RECAP');
    expect(out).toContain('full log of this run: /tmp/l.jsonl');
  });

  it('with fewer forks than hosts, still ends when results come in any order or not at all', async () => {
    let out = '';
    const r = new LiveReporter((s) => (out += s), { verbosity: 0, forks: 1 });
    await r.playStart({ name: 'web', hosts: ['a', 'b', 'c'] });
    await r.taskStart({ task, hosts: ['a', 'b', 'c'] });
    // 'c' reports while it is still queued behind 'a'; 'b' never reports.
    r.hostResult({ host: 'c', task, status: 'skipped', durationMs: 0, result: {} });
    r.hostResult({ host: 'a', task, status: 'ok', durationMs: 1, result: {} });
    const done = r.runEnd({ stats: { a: { ...zero, ok: 1 }, b: zero, c: { ...zero, skipped: 1 } }, exitCode: 0, durationMs: 5 });
    await expect(Promise.race([done.then(() => 'ended'), new Promise((res) => setTimeout(() => res('hung'), 5000))])).resolves.toBe('ended');
    expect(out).toContain('PLAY RECAP');
    // A skipped host is no plain line of its own: the live line says it once.
    expect(out).not.toContain('skipping');
  });
});
