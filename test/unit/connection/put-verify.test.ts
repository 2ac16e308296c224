// A put replaces its destination only when every byte arrived: the target checks the size and sha1 of
// its temp file before the rename. A link that ends mid-transfer looks like a clean EOF to `cat`.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, symlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../../src/connection/local.js';
import { ShellConnection } from '../../../src/connection/shell-connection.js';
import type { RawResult } from '../../../src/connection/shell-session.js';

/** Every streamed transfer loses its second half, as when Ctrl-C closes the connection mid-copy. */
class CutLink extends LocalTransport {
  override async execStreaming(command: string, stdin: Buffer | Readable, timeoutMs?: number): Promise<RawResult> {
    const all = Buffer.isBuffer(stdin) ? stdin : Buffer.concat(await stdin.toArray());
    return super.execStreaming(command, all.subarray(0, Math.floor(all.length / 2)), timeoutMs);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ha-run-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const big = Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 7 + (i >> 9)) % 256));

describe('a put whose data does not all arrive', () => {
  it('leaves the old file in place and no temp file behind', async () => {
    const conn = new ShellConnection('ctl', new CutLink('ctl'));
    const path = join(dir, 'cut.bin');
    writeFileSync(path, 'old\n');
    await expect(conn.put(path, big)).rejects.toThrow(/arrived incomplete|altered/);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).filter((n) => n.startsWith('.ha-run-tmp-'))).toEqual([]);
    await conn.close();
  });
});

describe('stale temp files', () => {
  it('removes ha-run temp files older than the run next to a destination it writes, and nothing else', async () => {
    const conn = new ShellConnection('ctl', new LocalTransport('ctl'));
    const sub = join(dir, 'stale');
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub);
    const old = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    for (const name of ['.ha-run-tmp-0123456789ab.conf', 'keep.txt', '.ha-run-tmp-fresh']) writeFileSync(join(sub, name), 'x');
    utimesSync(join(sub, '.ha-run-tmp-0123456789ab.conf'), old, old);
    utimesSync(join(sub, 'keep.txt'), old, old);
    // A symlink with ha-run's name is not followed, nor removed: it is not ha-run's.
    writeFileSync(join(dir, 'target-of-link'), 'precious');
    symlinkSync(join(dir, 'target-of-link'), join(sub, '.ha-run-tmp-link'));
    await conn.put(join(sub, 'app.conf'), 'new\n');
    expect(readdirSync(sub).sort()).toEqual(['.ha-run-tmp-fresh', '.ha-run-tmp-link', 'app.conf', 'keep.txt']);
    expect(lstatSync(join(sub, '.ha-run-tmp-link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target-of-link'), 'utf8')).toBe('precious');
    await conn.close();
  });
});
