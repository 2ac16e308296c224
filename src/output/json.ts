// One JSON object per line, for machines: `{"event": "host_result", "time": ..., ...}` (the hook name in
// snake_case). The same lines go to the log file.
import type { HostResultEvent } from './events.js';
import { HOOKS, type Hook, type Reporter } from './reporter.js';

/** `hostResult` → `host_result`. */
export function eventName(hook: Hook): string {
  return hook.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function eventLine(event: string, data: object, time = new Date()): string {
  return JSON.stringify({ event, time: time.toISOString(), ...data });
}

/** What a hook's argument becomes in the line: events as they are, a warning's text as `message`. */
function payload(hook: Hook, e: unknown): object {
  if (hook === 'warning') return { message: e };
  if (hook === 'hostResult') {
    const r = e as HostResultEvent;
    return { ...r, changed: r.status === 'changed' || r.result.changed === true, ...(r.reasons && r.reasons.length > 0 ? { reason: r.reasons.join('; ') } : {}) };
  }
  return e as object;
}

export function jsonReporter(write: (line: string) => void): Required<Reporter> {
  const hooks = {} as Record<Hook, (e: unknown) => void>;
  for (const hook of HOOKS) hooks[hook] = (e) => write(eventLine(eventName(hook), payload(hook, e)) + '\n');
  return hooks as Required<Reporter>;
}
