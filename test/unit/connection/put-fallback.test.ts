// When no extra channel can be opened (sshd's MaxSessions reached), big files still arrive: in pieces
// through the persistent shell, then moved into place like any other put.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../../src/connection/local.js';
import { ChannelUnavailable, ShellConnection } from '../../../src/connection/shell-connection.js';
import { tempPathFor } from '../../../src/connection/transfer.js';

class NoSpareChannels extends LocalTransport {
  attempts = 0;
  override execStreaming(): Promise<never> {
    this.attempts++;
    return Promise.reject(new ChannelUnavailable('open failed'));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ha-run-fallback-'));
const transport = new NoSpareChannels('ctl');
const conn = new ShellConnection('ctl', transport);
afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('put without spare channels', () => {
  it('sends a big binary file through the shell in pieces, atomically and with its mode', async () => {
    const data = Buffer.from(Array.from({ length: 1_500_000 }, (_, i) => (i * 31 + (i >> 8)) % 256));
    const path = join(dir, 'big.bin');
    await conn.put(path, data, { mode: '0640' });
    expect(transport.attempts).toBe(1);
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['big.bin']);
  });

  it('still runs big-stdin commands, inline', async () => {
    const data = Buffer.alloc(400_000, 'z');
    expect((await conn.exec('wc -c', { stdin: data })).stdout.trim()).toBe('400000');
  });

  it('removes its temp file when a piece cannot be written', async () => {
    await expect(conn.put(join(dir, 'missing-dir', 'f'), Buffer.alloc(400_000))).rejects.toMatchObject({ code: 'put-failed' });
    expect(readdirSync(dir)).toEqual(['big.bin']);
  });
});

describe('tempPathFor', () => {
  it('stays beside the destination, hidden, and short enough for any filesystem', () => {
    const long = `/srv/x${'é'.repeat(120)}.conf`; // byte 150 falls inside a two-byte character
    const tmp = tempPathFor(long);
    expect(tmp.startsWith('/srv/.ha-run-tmp-')).toBe(true);
    expect(Buffer.byteLength(tmp.slice('/srv/'.length))).toBeLessThanOrEqual(255);
    expect(tmp).not.toContain('\uFFFD');
    expect(tempPathFor('/a/b')).not.toBe(tempPathFor('/a/b'));
  });
});
