// The words of the live view's host lines (the terminal itself is tested with tmux in integration).
import { describe, expect, it } from 'vitest';
import type { HostResultEvent } from '../../../src/output/events.js';
import { itemLine, queuedLine, resultLine, retryLine } from '../../../src/output/live-lines.js';

const task = { name: 't', module: 'copy', handler: false };
const plain = (text: string) => text;
const result = (over: Partial<HostResultEvent>): HostResultEvent => ({ host: 'web1', task, status: 'ok', durationMs: 1234, result: {}, ...over });

describe('live view lines', () => {
  it('says a waiting host is queued, dim when coloured', () => {
    expect(queuedLine('web1', plain)).toBe('web1  queued');
    expect(queuedLine('web1', (t, s) => `<${s}>${t}`)).toBe('web1  <dim>queued');
  });

  it('shows loop progress as item n/count and retries left', () => {
    expect(itemLine(result({ item: 'b', itemCount: 3, status: 'changed' }), 2)).toBe('web1  item 2/3: b  changed');
    expect(itemLine(result({ item: 'b' }), 2)).toBe('web1  item 2: b  ok');
    expect(retryLine({ host: 'web1', task, retriesLeft: 1 })).toBe('web1  retrying (1 retry left)');
    expect(retryLine({ host: 'web1', task, retriesLeft: 3 })).toBe('web1  retrying (3 retries left)');
  });

  it('ends with the status, the time and what a person wants to know', () => {
    expect(resultLine(result({}), plain)).toBe('web1  ok  1.2s');
    expect(resultLine(result({ status: 'changed', reasons: ['mode 0644 → 0600', 'content differs'] }), plain)).toBe('web1  changed  1.2s  (mode 0644 → 0600; content differs)');
    expect(resultLine(result({ result: { attempts: 3 } }), plain)).toBe('web1  ok  1.2s  (3 attempts)');
    expect(resultLine(result({ status: 'changed', result: { results: [{}, {}] } }), plain)).toBe('web1  changed  1.2s  (2 items)');
    expect(resultLine(result({ status: 'failed', msg: 'no\nmore' }), plain)).toBe('web1  failed  1.2s  (no …)');
    expect(resultLine(result({ status: 'failed', ignored: true, msg: 'rc 1' }), plain)).toBe('web1  failed (ignored)  1.2s  (rc 1)');
  });

  it('shows a skipped host once, without a time, in the skipped colour', () => {
    expect(resultLine(result({ status: 'skipped' }), plain)).toBe('web1  skipped');
    expect(resultLine(result({ status: 'skipped' }), (t, s) => `<${s}>${t}`)).toBe('<skipped>web1  skipped');
    // A command skipped in check mode says what it would have run.
    expect(resultLine(result({ status: 'skipped', reasons: ['would run: make install'] }), plain)).toBe('web1  skipped  (would run: make install)');
  });
});
