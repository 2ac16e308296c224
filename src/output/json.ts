// One JSON object per line, for machines: `{"schema_version": 1, "event": "host_result", "time": ..., ...}`
// (the hook name in snake_case). The same lines go to the log file. The lines are a contract, described by
// schemas/events.json (event-schema.ts): SCHEMA_VERSION changes when a field is removed or changes meaning;
// new events and fields may appear within a version.
import type { HostResultEvent } from './events.js';
import { HOOKS, type Hook, type Reporter } from './reporter.js';

/** `hostResult` → `host_result`. */
export function eventName(hook: Hook): string {
  return hook.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const EVENTS_SCHEMA_VERSION = 1;

export function eventLine(event: string, data: object, time = new Date()): string {
  return JSON.stringify({ schema_version: EVENTS_SCHEMA_VERSION, event, time: time.toISOString(), ...data });
}

/** What a hook's argument becomes in the line: events as they are; a result (host, item, unreachable) also says
 *  `changed` and the reasons joined. */
function payload(hook: Hook, e: unknown): object {
  if (hook === 'hostResult' || hook === 'itemResult' || hook === 'unreachable') {
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
