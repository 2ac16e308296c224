// runModule's orchestration with a recording in-memory connection: check mode writes nothing,
// ops run in order, a failing op stops the task with its reason, and facts are re-read for the result.
import { describe, expect, it } from 'vitest';
import { runModule } from '../../../src/modules/run.js';
import type { Connection, ExecResult } from '../../../src/connection/types.js';
import type { DeclarativeModule, ModuleContext } from '../../../src/modules/types.js';
import { missingNow, ModuleFailure } from '../../../src/modules/failure.js';
import { ConnectionTimeoutError, UnreachableError } from '../../../src/connection/errors.js';
import { HaRunError } from '../../../src/errors.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FactCache, withFactCache } from '../../../src/connection/fact-cache.js';
import { shellQuote } from '../../../src/connection/quote.js';
import type { Fact } from '../../../src/modules/kit/fact.js';
import { probeOf } from '../../../src/modules/kit/probe.js';
import { replayConnection } from '../../kit/replay-connection.js';

/** Records every call; exec answers from `answers` in order (rc 0, empty output by default). */
function recordingConnection(answers: Partial<ExecResult>[] = []) {
  const calls: string[] = [];
  const conn: Connection = {
    host: 'h1',
    async exec(command) {
      calls.push(`exec ${command}`);
      const a = answers.shift() ?? {};
      return { rc: a.rc ?? 0, stdout: a.stdout ?? '', stderr: a.stderr ?? '', stdoutBytes: Buffer.from(a.stdout ?? '') };
    },
    async put(path, data) {
      calls.push(`put ${path} ${data.toString()}`);
    },
    async get() {
      return Buffer.from('');
    },
    async close() {},
  };
  return { conn, calls };
}

function context(conn: Connection, check = false, diff = false): ModuleContext {
  return { host: 'h1', conn, check, diff, vars: {}, render: (t) => t, findFile: (_k, p) => p };
}

/** A module whose desired value is `want` and whose fact is the target's stdout. */
const echoModule: DeclarativeModule<{ want: string }, string> = {
  kind: 'declarative',
  name: 'echo_test',
  schema: { type: 'object' },
  async gather(ctx) {
    return (await ctx.conn.exec('cat /state')).stdout;
  },
  plan(args, current) {
    if (args.want === 'explode') throw new ModuleFailure('cannot do that', { rc: 3 });
    if (args.want === 'later') throw missingNow('/etc/app does not exist');
    if (current === args.want) return [];
    return [
      { summary: `state ${current || 'empty'} → ${args.want}`, diff: { before: current, after: args.want }, ops: [{ kind: 'put', path: '/state', data: args.want }, { kind: 'exec', command: 'sync-state', resultKey: 'synced' }] },
    ];
  },
  result(_args, current) {
    return { state: current };
  },
};

/** echoModule with a prelude step (like systemd's daemon_reload) and a result showing the facts its plan saw. */
const preludeModule: DeclarativeModule<{ want: string }, string> = {
  ...echoModule,
  prelude: () => [{ summary: 'reload', ops: [{ kind: 'exec', command: 'reload-daemon' }] }],
  result: (_args, current, _changes, before) => ({ state: current, before }),
};

describe('runModule', () => {
  it('reports converged without writing', async () => {
    const { conn, calls } = recordingConnection([{ stdout: 'on' }]);
    expect(await runModule(echoModule, context(conn), { want: 'on' })).toEqual({ changed: false, state: 'on' });
    expect(calls).toEqual(['exec cat /state']);
  });

  it('in check mode reports what would change, with the diff when asked, and writes nothing', async () => {
    const { conn, calls } = recordingConnection([{ stdout: 'off' }]);
    expect(await runModule(echoModule, context(conn, true, true), { want: 'on' })).toEqual({
      changed: true,
      reasons: ['state off → on'],
      diff: [{ before: 'off', after: 'on' }],
      state: 'off',
    });
    expect(calls).toEqual(['exec cat /state']);
  });

  it('runs prelude steps before gathering, as no change by themselves, and never in check mode', async () => {
    const run = recordingConnection([{}, { stdout: 'on' }]);
    expect(await runModule(preludeModule, context(run.conn), { want: 'on' })).toEqual({ changed: false, state: 'on', before: 'on' });
    expect(run.calls).toEqual(['exec reload-daemon', 'exec cat /state']);
    const check = recordingConnection([{ stdout: 'on' }]);
    expect(await runModule(preludeModule, context(check.conn, true), { want: 'on' })).toEqual({ changed: false, state: 'on', before: 'on' });
    expect(check.calls).toEqual(['exec cat /state']);
  });

  it('stops when a prelude step fails, naming it', async () => {
    const { conn, calls } = recordingConnection([{ rc: 1, stderr: 'bus error' }]);
    expect(await runModule(preludeModule, context(conn), { want: 'on' })).toMatchObject({ changed: false, failed: true, msg: 'reload: bus error' });
    expect(calls).toEqual(['exec reload-daemon']);
  });

  it('gives result() the facts read after the change and the ones the plan saw', async () => {
    const { conn } = recordingConnection([{}, { stdout: 'off' }, {}, { stdout: 'on' }]);
    expect(await runModule(preludeModule, context(conn), { want: 'on' })).toMatchObject({ changed: true, state: 'on', before: 'off' });
  });

  it('applies ops in order, registers op output, re-reads the state', async () => {
    const { conn, calls } = recordingConnection([{ stdout: 'off' }, { stdout: 'done\n' }, { stdout: 'on' }]);
    expect(await runModule(echoModule, context(conn), { want: 'on' })).toEqual({ changed: true, reasons: ['state off → on'], state: 'on', synced: 'done' });
    expect(calls).toEqual(['exec cat /state', 'put /state on', 'exec sync-state', 'exec cat /state']);
  });

  it('stops at a failing op and says which change failed and why', async () => {
    const { conn, calls } = recordingConnection([{ stdout: 'off' }, { rc: 1, stderr: 'disk full\n' }]);
    expect(await runModule(echoModule, context(conn), { want: 'on' })).toMatchObject({ failed: true, changed: true, msg: 'state off → on: disk full', rc: 1 });
    expect(calls).toHaveLength(3);
  });

  it('reports no change when the first op fails: nothing on the host changed (as Ansible counts it)', async () => {
    const { conn, calls } = recordingConnection([{ stdout: 'off' }]);
    const refusing: Connection = { ...conn, put: async () => Promise.reject(new HaRunError('write-failed', 'permission denied')) };
    expect(await runModule(echoModule, context(refusing), { want: 'on' })).toMatchObject({ failed: true, changed: false, msg: 'state off → on: could not write /state: permission denied' });
    expect(calls).toEqual(['exec cat /state']);
  });

  it('does not count a scratch file (validate) as a change when the op after it fails', async () => {
    const validating: DeclarativeModule<Record<string, never>, string> = {
      ...(echoModule as unknown as DeclarativeModule<Record<string, never>, string>),
      plan: () => [{ summary: 'create file', ops: [{ kind: 'put', path: '/.tmp', data: 'x', scratch: true }, { kind: 'exec', command: 'validate /.tmp' }] }],
    };
    const { conn, calls } = recordingConnection([{ stdout: '' }, { rc: 1, stderr: 'failed to validate\n' }]);
    expect(await runModule(validating, context(conn), {})).toMatchObject({ failed: true, changed: false, msg: 'create file: failed to validate' });
    expect(calls).toEqual(['exec cat /state', 'put /.tmp x', 'exec validate /.tmp']);
  });

  it('in check mode, reports what is missing now but an earlier task may create as a change', async () => {
    const { conn } = recordingConnection();
    expect(await runModule(echoModule, context(conn, true), { want: 'later' })).toEqual({
      changed: true,
      msg: '/etc/app does not exist',
      reasons: ['not there yet: /etc/app does not exist (fine if an earlier task creates it; a real run fails otherwise)'],
    });
    expect(await runModule(echoModule, context(recordingConnection().conn), { want: 'later' })).toEqual({ changed: false, failed: true, msg: '/etc/app does not exist' });
  });

  it('turns module failures and command timeouts into failed results; a lost host propagates', async () => {
    const { conn } = recordingConnection([{ stdout: '' }]);
    expect(await runModule(echoModule, context(conn), { want: 'explode' })).toEqual({ changed: false, failed: true, msg: 'cannot do that', rc: 3 });
    const timingOut = { ...conn, exec: async () => Promise.reject(new ConnectionTimeoutError('h1', 'command timed out after 5 s', { unreachable: false })) };
    expect(await runModule(echoModule, context(timingOut), { want: 'on' })).toMatchObject({ failed: true, msg: 'command timed out after 5 s' });
    const lost = { ...conn, exec: async () => Promise.reject(new UnreachableError({ host: 'h1', address: '10.0.0.1', port: 22 }, 'connection refused')) };
    await expect(runModule(echoModule, context(lost), { want: 'on' })).rejects.toMatchObject({ code: 'unreachable' });
  });
});

describe("runModule, re-reading in the last op's round trip", () => {
  /** The content of a file, read as a fact (a sections read, as modules' probes make). */
  const content: Fact<string, string> = { name: 'a file', script: (path) => `cat ${shellQuote(path)} 2>/dev/null || true`, parse: (out) => out.trim() };
  const fileModule: DeclarativeModule<{ path: string; want: string }, string> = {
    kind: 'declarative',
    name: 'content_test',
    schema: { type: 'object' },
    gather: (ctx, args) => probeOf(ctx.conn).get(content, args.path),
    plan: (args, current) => (current === args.want ? [] : [{ summary: `content → ${args.want}`, ops: [{ kind: 'exec', command: `printf %s ${shellQuote(args.want)} > ${shellQuote(args.path)}` }] }]),
    result: (_args, current) => ({ content: current }),
  };

  it('reads the facts again right after the last command, in its round trip, and reports what it read', async () => {
    const target = replayConnection({});
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-reread-'));
    try {
      const conn = withFactCache(target, new FactCache(), 'h1');
      const path = join(dir, 'state');
      expect(await runModule(fileModule, context(conn), { path, want: 'on' })).toEqual({ changed: true, reasons: ['content → on'], content: 'on' });
      // The first read, then the command with the re-read: two round trips, not three.
      expect(target.calls).toHaveLength(2);
      expect(target.calls[1]!.command).toContain('@@ha-run-then:');
      // A command that fails reads nothing after it.
      const failed = await runModule(fileModule, context(conn), { path: join(dir, 'missing', 'state'), want: 'on' });
      expect(failed).toMatchObject({ failed: true, changed: false });
      expect(target.calls).toHaveLength(4);
    } finally {
      target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads as usual where the connection gives no reads back', async () => {
    const target = replayConnection({});
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-reread-'));
    try {
      const result = await runModule(fileModule, context(target), { path: join(dir, 'state'), want: 'on' });
      expect(result).toMatchObject({ changed: true, content: 'on' });
      expect(target.calls).toHaveLength(3);
    } finally {
      target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
