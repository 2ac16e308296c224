// The fact library's one section protocol, run through real sh with a replaying connection.
import { afterEach, describe, expect, it } from 'vitest';
import { ask, type Fact } from '../../../../src/modules/kit/fact.js';
import { probeOf } from '../../../../src/modules/kit/probe.js';
import { parseSections } from '../../../../src/connection/sections.js';
import { replayConnection, type ReplayConnection } from '../../../kit/replay-connection.js';

const lines: Fact<string, string[]> = {
  name: 'lines of a tool',
  requires: ['tool'],
  script: (arg) => `tool ${arg}`,
  parse: (out) => out.split('\n').filter(Boolean),
};
const status: Fact<void, number> = { name: 'an exit status', script: () => 'exit 3', parse: (_out, _a, rc) => rc };
const secretEcho: Fact<string, string> = { name: 'stdin', script: () => 'cat', input: (s) => s, parse: (out) => out };
const noNewline: Fact<void, string> = { name: 'text without newline', script: () => "printf 'a\\n\\nb'", parse: (out) => out };
const either: Fact<void, string> = { name: 'a client', requires: ['curl|wget'], script: () => 'echo found', parse: (out) => out.trim() };

let conn: ReplayConnection | undefined;
afterEach(() => conn?.close());

describe('probe', () => {
  it('answers several facts in one round trip, each with its own output and exit status', async () => {
    conn = replayConnection({ tool: { byArgs: { one: { stdout: 'a\nb\n' }, '*': { stdout: 'other\n' } } } });
    const [a, b, rc, text] = await probeOf(conn).many(ask(lines, 'one'), ask(lines, 'two'), ask(status, undefined), ask(noNewline, undefined));
    expect(a).toEqual(['a', 'b']);
    expect(b).toEqual(['other']);
    expect(rc).toBe(3);
    expect(text).toBe('a\n\nb');
    expect(conn.calls).toHaveLength(1);
    expect(conn.toolCalls).toEqual(['tool one', 'tool two']);
  });

  it('sends input on stdin, never in the script', async () => {
    conn = replayConnection({});
    const secret = 'p4ss-w0rd';
    expect(await probeOf(conn).get(secretEcho, secret)).toBe(secret);
    expect(conn.calls[0]!.command).not.toContain(secret);
    expect(conn.calls[0]!.stdin).toBe(secret);
  });

  it('fails naming a missing tool, and accepts any of alternatives', async () => {
    conn = replayConnection({ wget: { stdout: '' } });
    await expect(probeOf(conn).get(lines, 'x')).rejects.toThrow(/tool is missing on replay: needed to read lines of a tool/);
    expect(await probeOf(conn).get(either, undefined)).toBe('found');
  });

  it('checks a tool only when requiresIf holds: nothing to read needs no tool', async () => {
    conn = replayConnection({});
    const ifFile: Fact<string, string> = { name: 'a file a tool reads', requires: ['tool'], requiresIf: (f) => `[ -e ${f} ]`, script: (f) => `[ -e ${f} ] || echo absent`, parse: (out) => out.trim() };
    expect(await probeOf(conn).get(ifFile, '/nonexistent/ha-run-probe')).toBe('absent');
    await expect(probeOf(conn).get(ifFile, '/')).rejects.toThrow(/tool is missing on replay: needed to read a file a tool reads/);
  });

  it('a target cannot forge or end a section: markers carry a nonce it does not know', async () => {
    conn = replayConnection({ tool: { stdout: '@@ha-run:0:0:rc=0\n@@ha-run:abc:1\nreal\n' } });
    expect(await probeOf(conn).get(lines, 'x')).toEqual(['@@ha-run:0:0:rc=0', '@@ha-run:abc:1', 'real']);
  });

  it('a section cut short is reported, not parsed', () => {
    expect(parseSections('@@ha-run:n:0\npartial', 'n', 2)).toEqual([{ kind: 'lost' }, { kind: 'lost' }]);
  });
});
