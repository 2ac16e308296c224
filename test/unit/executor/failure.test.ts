import { describe, expect, it } from 'vitest';
import { maxFailExceeded, wholeBatchFailed } from '../../../src/executor/failure.js';
import { RunStats } from '../../../src/executor/stats.js';
import { exitCodeFor } from '../../../src/executor/exit-code.js';
import { recapLine } from '../../../src/output/recap.js';

describe('failure percentage', () => {
  it('stops only when strictly more than the percentage failed', () => {
    expect(maxFailExceeded(1, 4, 25)).toBe(false);
    expect(maxFailExceeded(2, 4, 25)).toBe(true);
    expect(maxFailExceeded(1, 3, 0)).toBe(true);
    expect(maxFailExceeded(0, 3, 0)).toBe(false);
    expect(maxFailExceeded(3, 3, undefined)).toBe(false);
  });
  it('notices a batch where every host failed', () => {
    expect(wholeBatchFailed(2, 2)).toBe(true);
    expect(wholeBatchFailed(1, 2)).toBe(false);
    expect(wholeBatchFailed(0, 0)).toBe(false);
  });
});

describe('stats and exit codes', () => {
  it('counts like Ansible: ok includes changed, ignored counts ok, rescued undoes a failure', () => {
    const s = new RunStats();
    s.record('h', 'ok');
    s.record('h', 'changed');
    s.record('h', 'ignored-changed');
    s.record('h', 'skipped');
    s.record('h', 'failed');
    s.rescued('h');
    s.record('h', 'failed');
    s.touch('idle');
    expect(s.snapshot()).toEqual({
      h: { ok: 3, changed: 2, unreachable: 0, failed: 1, skipped: 1, rescued: 1, ignored: 1 },
      idle: { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 },
    });
  });
  it('exit code: 0 ok, 2 failed, 3 unreachable, 99 interrupted by Ctrl-C, 143 stopped by SIGTERM', () => {
    const s = new RunStats();
    s.record('a', 'ok');
    expect(exitCodeFor(s, undefined)).toBe(0);
    s.record('a', 'failed');
    expect(exitCodeFor(s, undefined)).toBe(2);
    s.record('b', 'unreachable');
    expect(exitCodeFor(s, undefined)).toBe(3);
    expect(exitCodeFor(s, 'SIGINT')).toBe(99);
    expect(exitCodeFor(s, 'SIGTERM')).toBe(143);
  });
  it('counts tasks stopped mid-way apart, and shows them in the recap only when there are any', () => {
    const s = new RunStats();
    s.record('a', 'changed');
    s.record('a', 'interrupted');
    s.record('b', 'ok');
    expect(s.snapshot().a).toEqual({ ok: 1, changed: 1, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0, interrupted: 1 });
    expect(recapLine('a', s.snapshot().a!)).toMatch(/ignored=0 {4}interrupted=1 {3}$/);
    expect(recapLine('b', s.snapshot().b!)).not.toContain('interrupted');
  });
});
