// One JSON object per line, for machines: `{"event": "host_result", ...}`. The same lines go to the log.
import type { HostResultEvent, IncludedEvent, RetryEvent, PlayStartEvent, RunEndEvent, RunStartEvent, TaskStartEvent } from './events.js';
import type { Reporter } from './reporter.js';

export type EventName =
  | 'run_start'
  | 'play_start'
  | 'task_start'
  | 'handler_start'
  | 'item_result'
  | 'host_result'
  | 'unreachable'
  | 'included'
  | 'retrying'
  | 'warning'
  | 'listing'
  | 'run_end';

export function eventLine(event: EventName, data: object, time = new Date()): string {
  return JSON.stringify({ event, time: time.toISOString(), ...data });
}

export class JsonReporter implements Reporter {
  constructor(private readonly write: (line: string) => void) {}

  private emit(event: EventName, data: object): void {
    this.write(eventLine(event, data) + '\n');
  }

  runStart(e: RunStartEvent): void {
    this.emit('run_start', e);
  }
  playStart(e: PlayStartEvent): void {
    this.emit('play_start', e);
  }
  taskStart(e: TaskStartEvent): void {
    this.emit('task_start', e);
  }
  handlerStart(e: TaskStartEvent): void {
    this.emit('handler_start', e);
  }
  itemResult(e: HostResultEvent): void {
    this.emit('item_result', e);
  }
  hostResult(e: HostResultEvent): void {
    const reason = e.reasons && e.reasons.length > 0 ? { reason: e.reasons.join('; ') } : {};
    this.emit('host_result', { ...e, changed: e.status === 'changed' || e.result.changed === true, ...reason });
  }
  unreachable(e: HostResultEvent): void {
    this.emit('unreachable', e);
  }
  retrying(e: RetryEvent): void {
    this.emit('retrying', e);
  }
  included(e: IncludedEvent): void {
    this.emit('included', e);
  }
  warning(message: string): void {
    this.emit('warning', { message });
  }
  listing(text: string): void {
    this.emit('listing', { text });
  }
  runEnd(e: RunEndEvent): void {
    this.emit('run_end', e);
  }
}
