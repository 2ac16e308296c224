// Counting per host for the recap, the way Ansible counts: one count per task (not per loop item);
// `ok` includes `changed`; an ignored failure counts as ok + ignored (+ changed when it changed);
// a rescued failure counts as rescued, not failed.
import { emptyStats, type HostStats } from '../output/events.js';

export type TaskOutcome = 'ok' | 'changed' | 'failed' | 'skipped' | 'unreachable' | 'ignored' | 'ignored-changed' | 'interrupted';

/** Which recap counters each outcome bumps. */
const COUNTERS: Record<TaskOutcome, (keyof HostStats)[]> = {
  ok: ['ok'],
  changed: ['ok', 'changed'],
  failed: ['failed'],
  skipped: ['skipped'],
  unreachable: ['unreachable'],
  ignored: ['ok', 'ignored'],
  'ignored-changed': ['ok', 'changed', 'ignored'],
  interrupted: ['interrupted'],
};

export class RunStats {
  private readonly byHost = new Map<string, HostStats>();

  private of(host: string): HostStats {
    let s = this.byHost.get(host);
    if (!s) {
      s = emptyStats();
      this.byHost.set(host, s);
    }
    return s;
  }

  /** Makes a host show up in the recap even when nothing ran on it. */
  touch(host: string): void {
    this.of(host);
  }

  record(host: string, outcome: TaskOutcome): void {
    const s = this.of(host);
    for (const counter of COUNTERS[outcome]) s[counter] = (s[counter] ?? 0) + 1;
  }

  /** Tasks that ran on the host (ok, changed, failed or rescued; not skipped, not unreachable). */
  ranCount(host: string): number {
    const s = this.of(host);
    return s.ok + s.failed + s.rescued;
  }

  /** Tasks that changed the host so far. */
  changedCount(host: string): number {
    return this.of(host).changed;
  }

  /** A failure a `rescue:` section caught. */
  rescued(host: string): void {
    const s = this.of(host);
    if (s.failed > 0) s.failed--;
    s.rescued++;
  }

  snapshot(): Record<string, HostStats> {
    return Object.fromEntries([...this.byHost].map(([h, s]) => [h, { ...s }]));
  }

  anyFailed(): boolean {
    return [...this.byHost.values()].some((s) => s.failed > 0);
  }

  anyUnreachable(): boolean {
    return [...this.byHost.values()].some((s) => s.unreachable > 0);
  }
}
