// Commands over the persistent shell on a real sshd (lab host node1, shared: read-only work only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import { shellQuote } from '../../../src/connection/quote.js';
import type { Connection } from '../../../src/connection/types.js';
import { labVars, sha256 } from './lab-vars.js';

let conn: Connection;
beforeAll(async () => {
  conn = await connect(labVars('node1'));
});
afterAll(async () => {
  await conn?.close();
});

const NASTY = ["it's", '"double" \\back', '$(touch /tmp/pwned) `id` $HOME', 'line1\nline2\n', 'ünïcødé 💥 日本語', "'; exit 3 #", '*', ''];

describe('exec over ssh', () => {
  it('passes nasty arguments through unchanged', async () => {
    for (const arg of NASTY) {
      const r = await conn.exec(`printf '%s' ${shellQuote(arg)}`);
      expect(r.rc).toBe(0);
      expect(r.stdout).toBe(arg);
    }
    expect((await conn.exec('test -e /tmp/pwned; echo $?')).stdout).toBe('1\n');
  });

  it('reports non-zero exit codes and keeps stdout and stderr apart', async () => {
    const r = await conn.exec('echo to-out; echo to-err >&2; echo more-out; exit 42');
    expect(r).toMatchObject({ rc: 42, stdout: 'to-out\nmore-out\n', stderr: 'to-err\n' });
    expect((await conn.exec('false')).rc).toBe(1);
    expect((await conn.exec('no-such-command-here')).rc).toBe(127);
    expect((await conn.exec('kill -9 $$')).rc).toBe(137);
  });

  it('returns 1 MB of output intact, and binary output byte for byte', async () => {
    const big = await conn.exec('head -c 1048576 /dev/zero | tr "\\0" "x"');
    expect(big.stdout.length).toBe(1048576);
    expect(big.stdout).toMatch(/^x+$/);
    const bin = await conn.exec('head -c 65536 /dev/urandom | tee /tmp/ha-run-conn-bin | cat; sha256sum /tmp/ha-run-conn-bin >&2; rm -f /tmp/ha-run-conn-bin');
    expect(bin.stdoutBytes.length).toBe(65536);
    expect(bin.stderr.split(' ')[0]).toBe(sha256(bin.stdoutBytes));
  });

  it('feeds stdin, cwd and env', async () => {
    const r = await conn.exec('pwd; printf "%s|" "$GREETING"; cat', { cwd: '/tmp', env: { GREETING: "it's $(x)" }, stdin: 'in\n' });
    expect(r.stdout).toBe("/tmp\nit's $(x)|in\n");
  });

  it('runs many concurrent commands on the one connection without mixing them', async () => {
    const n = 100;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => conn.exec(`echo out-${i}; echo err-${i} >&2; echo $PPID; exit ${i % 7}`)));
    results.forEach((r, i) => expect([r.rc, r.stdout.split('\n')[0], r.stderr]).toEqual([i % 7, `out-${i}`, `err-${i}\n`]));
    // Every command is a child of the same session shell: one channel, one /bin/sh, no login per command.
    expect(new Set(results.map((r) => r.stdout.split('\n')[1])).size).toBe(1);
  });

  it('gives each command its own process, so $$ and exit never touch the session shell', async () => {
    const a = await conn.exec('echo $$; echo $PPID');
    const b = await conn.exec('echo $$; echo $PPID; exit 0');
    const [pidA, parentA] = a.stdout.split('\n');
    const [pidB, parentB] = b.stdout.split('\n');
    expect(pidA).not.toBe(pidB);
    expect(parentA).toBe(parentB);
    expect((await conn.exec(`test -d /proc/${parentA} && echo alive`)).stdout).toBe('alive\n');
  });

  it('reports a command timeout as a timeout, then keeps working', async () => {
    const err = await conn.exec('sleep 10', { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', unreachable: false, host: 'node1' });
    expect((await conn.exec('echo back')).stdout).toBe('back\n');
  });
});
