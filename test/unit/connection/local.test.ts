// ansible_connection: local runs the same framed shell as SSH on the controller: a fast check of the
// shared session/put/get logic without any network.
import { mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import { ConnectionError } from '../../../src/connection/errors.js';
import type { Connection } from '../../../src/connection/types.js';

let conn: Connection;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ha-run-local-'));
  conn = await connect({ inventory_hostname: 'ctl', ansible_connection: 'local' });
});
afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('local connection', () => {
  it('keeps stdout, stderr and exit status apart', async () => {
    const r = await conn.exec('echo out; echo err >&2; exit 5');
    expect(r).toMatchObject({ rc: 5, stdout: 'out\n', stderr: 'err\n' });
  });

  it('survives a command that exits the shell or has a syntax error', async () => {
    expect((await conn.exec('exit 0')).rc).toBe(0);
    expect((await conn.exec('echo "broken')).rc).toBe(2);
    expect((await conn.exec('echo still here')).stdout).toBe('still here\n');
  });

  it('gives a command its stdin and nothing of the next command', async () => {
    expect((await conn.exec('cat', { stdin: 'line1\nline2' })).stdout).toBe('line1\nline2');
    expect((await conn.exec('cat')).stdout).toBe('');
  });

  it('runs concurrent calls one after another without mixing their output', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => conn.exec(`printf ${i}; printf e${i} >&2`)));
    results.forEach((r, i) => expect([r.stdout, r.stderr]).toEqual([`${i}`, `e${i}`]));
  });

  it('reports a timeout and recovers with a fresh shell', async () => {
    const err = await conn.exec('sleep 5', { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).code).toBe('timeout');
    expect((err as ConnectionError).unreachable).toBe(false);
    expect((await conn.exec('echo again')).stdout).toBe('again\n');
  });

  it('puts atomically with mode, keeps no temp file, and reads back binary', async () => {
    const path = join(dir, "a file 'quoted'.bin");
    const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256)); // above the inline limit
    await conn.put(path, data, { mode: '0600' });
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await conn.get(path)).equals(data)).toBe(true);
    await conn.put(path, 'small');
    expect(readFileSync(path, 'utf8')).toBe('small');
    expect(statSync(path).mode & 0o777).toBe(0o600); // an existing file keeps its mode
    expect(readdirSync(dir)).toEqual(["a file 'quoted'.bin"]);
  });

  it('fails clearly on a missing file or directory', async () => {
    await expect(conn.get(join(dir, 'missing'))).rejects.toMatchObject({ code: 'get-failed' });
    await expect(conn.put(join(dir, 'no/such/dir/f'), 'x')).rejects.toMatchObject({ code: 'put-failed' });
    await expect(conn.put('relative/path', 'x')).rejects.toMatchObject({ code: 'bad-remote-path' });
    await expect(conn.put(join(dir, 'm'), 'x', { mode: 'rw' })).rejects.toMatchObject({ code: 'bad-file-mode' });
  });
});
