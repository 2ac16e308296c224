// The JSON Schema of the `--json` event lines (and the run log): published as schemas/events.json by
// `ha-run schema events`, and checked against real runs by the tests. One definition per event; every
// line has `schema_version`, `event` and `time`.
import { EVENTS_SCHEMA_VERSION } from './json.js';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer', minimum: 0 };
const bool: Schema = { type: 'boolean' };
const strings: Schema = { type: 'array', items: str };
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

/** An object with exactly these properties (the `optional` ones may be left out). */
function shape(required: Record<string, Schema>, optional: Record<string, Schema> = {}, description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    required: Object.keys(required),
    properties: { ...required, ...optional },
    additionalProperties: false,
  };
}

const COMMON = { schema_version: { const: EVENTS_SCHEMA_VERSION }, event: str, time: { type: 'string', format: 'date-time' } };

const hostResult = (description: string) =>
  shape(
    { ...COMMON, host: str, task: ref('task'), status: ref('status'), durationMs: int, result: { type: 'object' }, changed: bool },
    {
      ignored: bool,
      delegatedTo: str,
      item: str,
      itemCount: int,
      msg: str,
      reasons: strings,
      reason: { type: 'string', description: 'reasons joined with "; "' },
      diff: { type: 'array', items: shape({ before: str, after: str }, { path: str }) },
      errorCode: str,
      hint: str,
    },
    description,
  );

/** Event name → the shape of its line. */
const EVENTS: Record<string, Schema> = {
  run_start: shape({ ...COMMON, playbooks: strings, check: bool, diff: bool }, { logFile: str, slice: ref('slice') }, 'The run begins; `slice` under --slice K/N.'),
  play_start: shape({ ...COMMON, name: str, hosts: strings }, { playbook: str, batch: ref('batch') }, 'A play (or one serial batch of it) begins; `batch` as the banner prints it.'),
  task_start: shape({ ...COMMON, task: ref('task'), hosts: strings }, {}, 'A task begins on these hosts.'),
  handler_start: shape({ ...COMMON, task: ref('task'), hosts: strings }, {}, 'A notified handler runs on these hosts.'),
  item_result: hostResult('One loop item finished on a host.'),
  host_result: hostResult('A task finished on a host.'),
  unreachable: hostResult('A host could not be reached or authenticated for a task.'),
  included: shape({ ...COMMON, file: str, hosts: strings }, { item: str }, 'include_tasks loaded a file for these hosts.'),
  retrying: shape({ ...COMMON, host: str, task: ref('task'), retriesLeft: int }, {}, 'An `until` condition still fails; the task runs again.'),
  host_key_recorded: shape(
    { ...COMMON, host: str, name: str, keyType: str, fingerprint: str, file: str, trustedBy: str, kept: bool },
    {},
    'A host key was recorded on first use.',
  ),
  warning: shape({ ...COMMON, message: str }, { location: ref('location'), host: str }, 'A warning; `location` when it is about a place in a file.'),
  task_end: shape({ ...COMMON, task: ref('task'), hosts: strings, counts: ref('counts'), durationMs: int }, {}, 'A task (or handler) is done on all its hosts.'),
  play_end: shape({ ...COMMON, name: str, hosts: strings, durationMs: int }, { batch: ref('batch') }, 'A play (or serial batch) is done.'),
  run_end: shape(
    { ...COMMON, stats: { type: 'object', additionalProperties: ref('stats') }, exitCode: int, durationMs: int },
    { logFile: str, aborted: str, slice: ref('slice'), roundTrips: { type: 'object', additionalProperties: int, description: 'Commands each host was sent: commands, file transfers, batches of fact reads.' } },
    'The run is over: the PLAY RECAP counters per host and the exit code.',
  ),
  diagnostic: shape(
    { ...COMMON, code: str, message: str, severity: { enum: ['error', 'warning'] } },
    { location: ref('location'), hint: str },
    'A problem found by validation (`validate --json`, or a run with --json that does not start).',
  ),
  validate_end: shape(
    { ...COMMON, playbook: str, valid: bool, errors: int, warnings: int },
    { plays: int, tasks: int, hosts: int },
    'Validation is over; counts of plays, tasks and hosts when the playbook is valid.',
  ),
};

export const EVENT_NAMES = Object.keys(EVENTS);

export function eventsSchema(): Schema {
  const statuses = ['ok', 'changed', 'failed', 'skipped', 'unreachable', 'interrupted'];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `ha-run --json events, schema_version ${EVENTS_SCHEMA_VERSION}`,
    description: 'One JSON object per line. schema_version changes when a field is removed or changes meaning; new events and optional fields may be added within a version.',
    type: 'object',
    required: ['schema_version', 'event', 'time'],
    properties: { event: { enum: EVENT_NAMES } },
    allOf: EVENT_NAMES.map((name) => ({ if: { properties: { event: { const: name } } }, then: ref(`event_${name}`) })),
    $defs: {
      ...Object.fromEntries(EVENT_NAMES.map((name) => [`event_${name}`, EVENTS[name]])),
      location: shape({ file: str, line: int, col: int }),
      status: { enum: statuses },
      batch: shape({ number: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } }),
      slice: shape({ number: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } }, {}, 'This run is slice `number` of `count` (--slice K/N).'),
      task: shape({ name: str, module: str, handler: bool }, { output: { enum: ['show-result', 'command', 'facts'] }, location: ref('location'), role: str }),
      counts: shape(Object.fromEntries([...statuses, 'ignored'].map((s) => [s, int]))),
      stats: shape(
        Object.fromEntries(['ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored'].map((s) => [s, int])),
        { interrupted: int },
      ),
    },
  };
}
