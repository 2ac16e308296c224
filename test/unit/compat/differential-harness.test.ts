// The differential harness's pure parts: reading each tool's output, reconciling documented
// differences, normalizing backup names. A bug here would make the differential test lie.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansibleOutcomes } from '../../compat/differential/ansible-json.js';
import { caseNames, caseSources, writeCasePlaybooks } from '../../compat/differential/cases.js';
import { harunOutcomes } from '../../compat/differential/harun-json.js';
import { knownBugs } from '../../compat/differential/known-bugs.js';
import { expectedRecap, knownDifferences, reconcile } from '../../compat/differential/known-differences.js';
import { outcomeLine } from '../../compat/differential/outcome.js';
import { holderIsGone, lockTwins } from '../../compat/differential/twin-lock.js';
import { SUITES } from '../../compat/differential/tools.js';
import { caseEntries, caseOf, normalizeBackupName, parseSnapshot } from '../../compat/differential/tree.js';

const ansibleDoc = {
  plays: [
    {
      play: { name: 'case_a' },
      tasks: [
        { task: { name: 'plain' }, hosts: { h: { changed: false } } },
        { task: { name: 'ignored failure' }, hosts: { h: { failed: true, changed: true } } },
        { task: { name: 'loop' }, hosts: { h: { changed: true, results: [{ changed: true }, { skipped: true, changed: false }, { changed: false }] } } },
        { task: { name: 'other host only' }, hosts: { other: { changed: true } } },
        { task: { name: 'skipped' }, hosts: { h: { skipped: true, changed: false } } },
      ],
    },
  ],
  stats: { h: { ok: 3, changed: 1, failures: 0, ignored: 1, skipped: 1 } },
};

describe('ansibleOutcomes', () => {
  it('reads statuses, loop items and stats for one host, after leading warnings', () => {
    const { outcomes, stats } = ansibleOutcomes(`[WARNING]: something\n${JSON.stringify(ansibleDoc, null, 2)}`, 'h');
    expect(outcomes.map(outcomeLine)).toEqual(['plain: ok', 'ignored failure: failed', 'loop: changed [changed,skipped,ok]', 'skipped: skipped']);
    expect(stats?.ignored).toBe(1);
  });

  it('says so when there is no JSON at all', () => {
    expect(() => ansibleOutcomes('ERROR! the playbook could not be found', 'h')).toThrow(/no JSON document/);
  });
});

describe('harunOutcomes', () => {
  const task = (name: string) => ({ name, module: 'copy', handler: false });
  const lines = [
    { event: 'run_start', playbooks: ['x'] },
    { event: 'play_start', name: 'case_a', hosts: ['h', 'other'] },
    { event: 'task_start', task: task('loop'), hosts: ['h'] },
    { event: 'item_result', host: 'h', task: task('loop'), status: 'changed' },
    { event: 'item_result', host: 'other', task: task('loop'), status: 'ok' },
    { event: 'item_result', host: 'h', task: task('loop'), status: 'skipped' },
    { event: 'host_result', host: 'h', task: task('loop'), status: 'changed' },
    { event: 'task_start', task: task('plain'), hosts: ['h'] },
    { event: 'host_result', host: 'other', task: task('plain'), status: 'failed' },
    { event: 'host_result', host: 'h', task: task('plain'), status: 'ok' },
    { event: 'run_end', stats: { h: { ok: 2, changed: 1 } }, exitCode: 0 },
  ].map((e) => JSON.stringify(e));

  it('collects this host’s results with their loop items, in order', () => {
    const report = harunOutcomes(['not json', ...lines].join('\n'), 'h');
    expect(report.outcomes.map(outcomeLine)).toEqual(['loop: changed [changed,skipped]', 'plain: ok']);
    expect(report.outcomes[0]!.play).toBe('case_a');
    expect(report.stats).toEqual({ ok: 2, changed: 1 });
    expect(report.exitCode).toBe(0);
  });

  it('reads a loop with no items as skipped with an empty item list, as Ansible reports results: []', () => {
    const events = [
      { event: 'play_start', name: 'p', hosts: ['h'] },
      { event: 'task_start', task: task('empty'), hosts: ['h'] },
      { event: 'host_result', host: 'h', task: task('empty'), status: 'skipped', result: { skipped: true, results: [] } },
      { event: 'task_start', task: task('when false'), hosts: ['h'] },
      { event: 'host_result', host: 'h', task: task('when false'), status: 'skipped', result: { skipped: true } },
    ].map((e) => JSON.stringify(e));
    expect(harunOutcomes(events.join('\n'), 'h').outcomes.map(outcomeLine)).toEqual(['empty: skipped []', 'when false: skipped']);
  });

  it('reads an include_tasks as one ok task with an ok item per included item, before the included tasks', () => {
    const include = { name: 'include per item', module: 'include_tasks', handler: false };
    const events = [
      { event: 'play_start', name: 'p', hosts: ['h'] },
      { event: 'task_start', task: include, hosts: ['h'] },
      { event: 'included', file: 't.yml', hosts: ['h'], item: 'a' },
      { event: 'task_start', task: task('inner'), hosts: ['h'] },
      { event: 'host_result', host: 'h', task: task('inner'), status: 'changed' },
      { event: 'included', file: 't.yml', hosts: ['other'], item: 'b' },
      { event: 'included', file: 't.yml', hosts: ['h'], item: 'c' },
      { event: 'task_start', task: task('inner'), hosts: ['h'] },
      { event: 'host_result', host: 'h', task: task('inner'), status: 'ok' },
    ].map((e) => JSON.stringify(e));
    expect(harunOutcomes(events.join('\n'), 'h').outcomes.map(outcomeLine)).toEqual(['include per item: ok [ok,ok]', 'inner: changed', 'inner: ok']);
  });

  it('names a role’s task the way Ansible does', () => {
    const roleTask = { name: 'write', module: 'copy', handler: false, role: 'marker' };
    const line = JSON.stringify({ event: 'host_result', host: 'h', task: roleTask, status: 'ok' });
    expect(harunOutcomes(line, 'h').outcomes.map(outcomeLine)).toEqual(['marker : write: ok']);
  });

  it('refuses statuses it does not know and unreachable hosts', () => {
    expect(() => harunOutcomes(JSON.stringify({ event: 'host_result', host: 'h', task: task('t'), status: 'weird' }), 'h')).toThrow(/unexpected status/);
    expect(() => harunOutcomes(JSON.stringify({ event: 'unreachable', host: 'h', task: task('t'), status: 'unreachable' }), 'h')).toThrow(/could not reach/);
  });
});

describe('reconcile', () => {
  const known = [{ case: 'c', task: 't', ansible: 'skipped' as const, harun: 'changed' as const, reason: 'r' }];
  it('maps a documented difference to Ansible’s status only when both sides match the entry', () => {
    const ansible = [{ play: 'c', task: 't', status: 'skipped' as const }];
    expect(reconcile([{ play: 'c', task: 't', status: 'changed' }], ansible, known)).toEqual({ outcomes: ansible, applied: known });
    const other = reconcile([{ play: 'c', task: 't', status: 'failed' }], ansible, known);
    expect(other.outcomes[0]!.status).toBe('failed');
    expect(other.applied).toEqual([]);
    const ansibleOk = [{ play: 'c', task: 't', status: 'ok' as const }];
    expect(reconcile([{ play: 'c', task: 't', status: 'changed' }], ansibleOk, known).outcomes[0]!.status).toBe('changed');
  });
});

describe('expectedRecap', () => {
  it('moves each applied difference from Ansible’s counters to ha-run’s', () => {
    const d = { case: 'c', task: 't', ansible: 'skipped' as const, harun: 'changed' as const, reason: 'r' };
    const ansible = { ok: 5, changed: 2, skipped: 1, failed: 0 };
    expect(expectedRecap(ansible, [])).toEqual(ansible);
    expect(expectedRecap(ansible, [d])).toEqual({ ok: 6, changed: 3, skipped: 0, failed: 0 });
    const ignoredFailure = { ...d, ansible: 'failed' as const, ignored: true as const };
    expect(expectedRecap({ ok: 1, changed: 0, ignored: 1 }, [ignoredFailure])).toEqual({ ok: 1, changed: 1, ignored: 0 });
  });
});

describe('file tree snapshots', () => {
  it('normalizes Ansible backup names and sorts entries', () => {
    expect(normalizeBackupName('copy_backup/conf.32585.2026-11-22@22:31:16~')).toBe('copy_backup/conf.<pid>.<time>~');
    expect(normalizeBackupName('copy_backup/conf~')).toBe('copy_backup/conf~');
    const entries = parseSnapshot(JSON.stringify([
      { path: 'b', type: 'dir', mode: '0755', owner: 'root', group: 'root' },
      { path: 'a/x.1.2026-01-01@00:00:00~', type: 'file', mode: '0644', owner: 'root', group: 'root', content: 'x' },
    ]));
    expect(entries.map((e) => e.path)).toEqual(['a/x.<pid>.<time>~', 'b']);
    expect(caseEntries(entries, 'a', ['a', 'b']).map((e) => e.path)).toEqual(['a/x.<pid>.<time>~']);
  });

  it('gives each top-level name to the longest case it belongs to', () => {
    const names = ['blockinfile', 'blockinfile_update', 'check_mode', 'play_check_mode'];
    expect(caseOf('blockinfile_update', names)).toBe('blockinfile_update');
    expect(caseOf('blockinfile', names)).toBe('blockinfile');
    expect(caseOf('check_mode_real', names)).toBe('check_mode');
    expect(caseOf('play_check_mode_var', names)).toBe('play_check_mode');
    expect(caseOf('blockinfileX', names)).toBeUndefined();
  });
});

describe('the case list and DIFFERENCES.md', () => {
  it('has at least 30 cases, named uniquely across the suites', () => {
    expect(caseNames().length).toBeGreaterThanOrEqual(30);
    const names = SUITES.flatMap((s) => caseNames(s.playbook));
    expect(new Set(names).size).toBe(names.length);
  });

  it('splits the playbook into one-play playbooks that together are every play', () => {
    const sources = caseSources();
    for (const c of sources) expect(c.text.startsWith(`- name: ${c.name}\n`)).toBe(true);
    const whole = readFileSync(new URL('../../compat/differential/playbook/site.yml', import.meta.url), 'utf8');
    expect(whole.endsWith(sources.map((c) => c.text).join(''))).toBe(true);
    const written = writeCasePlaybooks();
    try {
      expect(readFileSync(written.files[0]!.path, 'utf8')).toBe(sources[0]!.text);
      expect(existsSync(join(written.dir, 'files', 'hello.txt'))).toBe(true);
      expect(existsSync(join(written.dir, 'templates', 'motd.j2'))).toBe(true);
      expect(existsSync(join(written.dir, 'tasks', 'make-item.yml'))).toBe(true);
    } finally {
      rmSync(written.dir, { recursive: true, force: true });
    }
  });

  it('documents every known difference and known bug in DIFFERENCES.md, for cases that exist', () => {
    const doc = readFileSync(new URL('../../compat/differential/DIFFERENCES.md', import.meta.url), 'utf8');
    const names = SUITES.flatMap((s) => caseNames(s.playbook));
    for (const d of knownDifferences) {
      expect(names).toContain(d.case);
      expect(doc).toContain(`| ${d.case} | ${d.task} |`);
    }
    for (const b of knownBugs) {
      expect(names).toContain(b.case);
      expect(doc).toContain(`| ${b.case} | ${b.aspect} |`);
    }
  });
});

describe('lockTwins', () => {
  // A fake host: a lock directory with a holder line, or none, and the commands it was sent.
  function fakeHost(holder: string | undefined, now = 1000) {
    const state = { holder, sent: [] as string[] };
    const exec = async (_host: string, cmd: string) => {
      state.sent.push(cmd);
      if (cmd.startsWith('mkdir')) {
        if (state.holder !== undefined) return { exitCode: 1, stdout: '', stderr: '' };
        state.holder = `${now} ${process.pid}`;
        return { exitCode: 0, stdout: '', stderr: '' };
      }
      if (cmd.startsWith('printf')) return { exitCode: 0, stdout: `${state.holder ?? ''}\n${now}\n${now}\n`, stderr: '' };
      if (cmd.startsWith('rm -rf')) state.holder = undefined;
      return { exitCode: 0, stdout: '', stderr: '' };
    };
    return { state, exec };
  }

  it('takes a free lock at once and releases it', async () => {
    const host = fakeHost(undefined);
    const unlock = await lockTwins(host.exec, 'h', 1000, 1);
    expect(host.state.holder).toBe(`1000 ${process.pid}`);
    await unlock();
    expect(host.state.holder).toBeUndefined();
  });

  it('waits for a live holder, then gives up with a clear error', async () => {
    const host = fakeHost(`990 ${process.pid}`);
    await expect(lockTwins(host.exec, 'h', 20, 5)).rejects.toThrow(/another differential run \(990 \d+\) holds/);
    expect(host.state.holder).toBe(`990 ${process.pid}`);
  });

  it('breaks the lock of a holder that is gone or too old', () => {
    expect(holderIsGone('990 42', 1000, 990, () => false)).toBe(true);
    expect(holderIsGone('990 42', 1000, 990, () => true)).toBe(false);
    expect(holderIsGone('990 42', 990 + 1801, 990, () => true)).toBe(true);
    // No holder line: being taken now (young), or its taker died (over a minute old).
    expect(holderIsGone('', 1000, 990, () => false)).toBe(false);
    expect(holderIsGone('', 1000, 900, () => false)).toBe(true);
  });
});
