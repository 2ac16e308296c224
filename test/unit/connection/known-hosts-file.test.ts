// A known_hosts file that is no regular file (a FIFO, a device) is never read: it knows no hosts, so
// every key is refused as unknown, and nothing blocks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readKnownHosts } from '../../../src/connection/host-key-record.js';

it('a FIFO as known_hosts knows no hosts and does not block', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-kh-'));
  try {
    const fifo = join(dir, 'known_hosts');
    execFileSync('mkfifo', [fifo]);
    expect(readKnownHosts(fifo)).toEqual([]);
    expect(readKnownHosts('/dev/zero')).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
