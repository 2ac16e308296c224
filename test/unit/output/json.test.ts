import { describe, expect, it } from 'vitest';
import { eventName, jsonReporter } from '../../../src/output/json.js';
import type { HostResultEvent } from '../../../src/output/events.js';

describe('JSON events', () => {
  it('writes one parseable object per line with event name and time', () => {
    const lines: string[] = [];
    const r = jsonReporter((l) => void lines.push(l));
    const task = { name: 'copy config', module: 'copy', handler: false, location: { file: '/p/site.yml', line: 4, col: 7 } };
    const result: HostResultEvent = { host: 'node1', task, status: 'changed', reasons: ['content differs'], durationMs: 12, result: { changed: true } };
    r.runStart({ playbooks: ['/p/site.yml'], check: false, diff: true });
    r.playStart({ name: 'web', hosts: ['node1'] });
    r.taskStart({ task, hosts: ['node1'] });
    r.hostResult(result);
    r.runEnd({ stats: { node1: { ok: 1, changed: 1, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 } }, exitCode: 0, durationMs: 30 });
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const events = lines.map((l) => JSON.parse(l));
    expect(events.map((e) => e.event)).toEqual(['run_start', 'play_start', 'task_start', 'host_result', 'run_end']);
    expect(events[3]).toMatchObject({ host: 'node1', status: 'changed', changed: true, reasons: ['content differs'], reason: 'content differs', durationMs: 12, task: { name: 'copy config', location: { line: 4 } } });
    expect(new Date(events[0].time).toString()).not.toBe('Invalid Date');
    expect(events[4]).toMatchObject({ exitCode: 0, stats: { node1: { changed: 1 } } });
  });
  it('names events after hooks in snake_case; warnings carry their text as message', () => {
    expect(eventName('hostResult')).toBe('host_result');
    expect(eventName('handlerStart')).toBe('handler_start');
    const lines: string[] = [];
    void jsonReporter((l) => void lines.push(l)).warning({ message: 'careful', location: { file: '/p/site.yml', line: 3, col: 5 } });
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'warning', message: 'careful', location: { file: '/p/site.yml', line: 3, col: 5 } });
  });
});
