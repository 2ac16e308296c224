// The fact cache behind look-ahead: answers are kept per request, user and environment, handed back
// without a round trip, and forgotten by any command or write on any host of the run.
import { describe, expect, it } from 'vitest';
import { FactCache, withFactCache } from '../../../src/connection/fact-cache.js';
import { newNonce, parseSections, renderSections, sectionsScript, type SectionAnswer, type SectionRequest } from '../../../src/connection/sections.js';
import type { Connection, ExecOptions } from '../../../src/connection/types.js';

/** A host whose facts are the numbers of each script's runs: a fresh read shows a new number. */
function countingHost(host: string): Connection & { commands: string[] } {
  const runs = new Map<string, number>();
  const commands: string[] = [];
  return {
    host,
    commands,
    async exec(command: string) {
      commands.push(command);
      // Answer each section of a sections script: its script text and how often it ran.
      const nonce = /@@ha-run:([0-9a-f]+):0/.exec(command)?.[1];
      if (!nonce) return { rc: 0, stdout: '', stderr: '', stdoutBytes: Buffer.alloc(0) };
      const scripts = [...command.matchAll(/\( (echo \S+)\n\)/g)].map((m) => m[1]!);
      const answers: SectionAnswer[] = scripts.map((s) => {
        runs.set(s, (runs.get(s) ?? 0) + 1);
        return { kind: 'answer', stdout: `${s} #${runs.get(s)}`, rc: 0 };
      });
      const stdout = renderSections(nonce, answers);
      return { rc: 0, stdout, stderr: '', stdoutBytes: Buffer.from(stdout) };
    },
    async put() {},
    async get() {
      return Buffer.alloc(0);
    },
    async close() {},
  };
}

async function read(conn: Connection, scripts: string[], options: ExecOptions = {}, keptOnly = false): Promise<string[]> {
  const nonce = newNonce();
  const requests: SectionRequest[] = scripts.map((script) => ({ script }));
  const r = await conn.exec(sectionsScript(nonce, requests), { ...options, ownScript: true, sections: { nonce, requests, keptOnly } });
  return parseSections(r.stdout, nonce, scripts.length).map((a) => (a.kind === 'answer' ? a.stdout : a.kind));
}

describe('sections rendering', () => {
  it('parses back to the same answers, missing tools and lost sections included', () => {
    const answers: SectionAnswer[] = [
      { kind: 'answer', stdout: 'a\n\nb', rc: 3 },
      { kind: 'missing', tools: ['openssl', 'curl|wget'] },
      { kind: 'lost' },
      { kind: 'answer', stdout: '', rc: 0 },
    ];
    expect(parseSections(renderSections('n0nce', answers), 'n0nce', 4)).toEqual(answers);
  });
});

describe('fact cache', () => {
  it('answers a request read before without a round trip, and reads only what it lacks', async () => {
    const cache = new FactCache();
    const host = countingHost('web1');
    const conn = withFactCache(host, cache, 'web1');
    expect(await read(conn, ['echo a', 'echo b'])).toEqual(['echo a #1', 'echo b #1']);
    expect(await read(conn, ['echo b', 'echo c'])).toEqual(['echo b #1', 'echo c #1']);
    expect(host.commands).toHaveLength(2);
    expect(host.commands[1]).not.toContain('echo b');
    expect(cache.roundTrips().get('web1')).toBe(2);
  });

  it('forgets everything, on every host, after a command or a write anywhere', async () => {
    const cache = new FactCache();
    const one = withFactCache(countingHost('one'), cache, 'one');
    const two = withFactCache(countingHost('two'), cache, 'two');
    await read(one, ['echo a']);
    await read(two, ['echo a']);
    await two.exec('touch /x');
    expect(await read(one, ['echo a'])).toEqual(['echo a #2']);
    await one.put('/y', 'data');
    expect(await read(two, ['echo a'])).toEqual(['echo a #2']);
    expect(await read(two, ['echo a'])).toEqual(['echo a #2']);
  });

  it('keeps answers apart per user and environment, and reading a file keeps them', async () => {
    const cache = new FactCache();
    const host = countingHost('db1');
    const conn = withFactCache(host, cache, 'db1');
    await read(conn, ['echo a']);
    expect(await read(conn, ['echo a'], { become: { user: 'postgres' } })).toEqual(['echo a #2']);
    expect(await read(conn, ['echo a'], { env: { LANG: 'C' } })).toEqual(['echo a #3']);
    await conn.get('/etc/hostname');
    expect(await read(conn, ['echo a'], { become: { user: 'postgres' } })).toEqual(['echo a #2']);
  });

  it('asked for kept answers only, gives the others as lost without a round trip', async () => {
    const cache = new FactCache();
    const host = countingHost('web1');
    const conn = withFactCache(host, cache, 'web1');
    await read(conn, ['echo a']);
    expect(await read(conn, ['echo a', 'echo b'], {}, true)).toEqual(['echo a #1', 'lost']);
    await conn.exec('touch /x');
    expect(await read(conn, ['echo a'], {}, true)).toEqual(['lost']);
    expect(host.commands).toHaveLength(2);
  });

  it('does not keep an answer read while something changed', async () => {
    const cache = new FactCache();
    const conn = withFactCache(countingHost('n'), cache, 'n');
    const readAt = cache.now();
    cache.forget();
    cache.keep('k', { kind: 'answer', stdout: 'old', rc: 0 }, readAt);
    expect(cache.answer('k')).toBeUndefined();
    expect(await read(conn, ['echo a'])).toEqual(['echo a #1']);
  });
});
