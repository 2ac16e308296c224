// The words of the live view's lines (live.ts draws them): one line per host, saying where the host is
// (queued, an item or a retry under way) and then how it ended. Pure text, so tests read it without a terminal.
import type { HostResultEvent, RetryEvent } from './events.js';

/** Colours `text` as `status` is coloured (identity when colour is off); `dim` for what is not running yet. */
export type Painter = (text: string, status: string) => string;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** A host the task has not reached yet: more hosts than forks wait their turn. */
export function queuedLine(host: string, paint: Painter): string {
  return `${host}  ${paint('queued', 'dim')}`;
}

/** A loop under way on a host: which item of how many, and how the last one went. */
export function itemLine(e: HostResultEvent, done: number): string {
  const of = e.itemCount !== undefined ? `/${e.itemCount}` : '';
  return `${e.host}  item ${done}${of}: ${e.item ?? ''}  ${e.status}`;
}

/** An `until` that still fails on a host: the task runs again. */
export function retryLine(e: RetryEvent): string {
  return `${e.host}  retrying (${e.retriesLeft} ${e.retriesLeft === 1 ? 'retry' : 'retries'} left)`;
}

/** The line a host keeps once the task is done on it: status, time, and why it changed. */
export function resultLine(e: HostResultEvent, paint: Painter): string {
  if (e.status === 'skipped') return paint(`${e.host}  skipped${e.reasons && e.reasons.length > 0 ? `  (${e.reasons.join('; ')})` : ''}`, 'skipped');
  const label = paint(`${e.host}  ${e.status}${e.ignored ? ' (ignored)' : ''}  ${seconds(e.durationMs)}`, e.status);
  const notes: string[] = [];
  const attempts = e.result.attempts;
  if (typeof attempts === 'number' && attempts > 1) notes.push(`${attempts} attempts`);
  const items = e.result.results;
  if (Array.isArray(items)) notes.push(`${items.length} ${items.length === 1 ? 'item' : 'items'}`);
  if (e.status === 'changed' && e.reasons && e.reasons.length > 0) notes.push(e.reasons.join('; '));
  if ((e.status === 'failed' || e.status === 'unreachable' || e.status === 'interrupted') && e.msg) notes.push(firstLine(e.msg));
  return notes.length > 0 ? `${label}  (${notes.join('; ')})` : label;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!;
  return line.length < text.length ? `${line} …` : line;
}
