import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDirLock } from '../../../src/lab/lock.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ha-run-lock-'));

describe('withDirLock', () => {
  it('runs one holder at a time and releases the lock afterwards, even on error', async () => {
    const dir = fresh();
    const order: string[] = [];
    const hold = (name: string, ms: number) =>
      withDirLock(dir, async () => {
        order.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name}-`);
      });
    await Promise.all([hold('a', 100), hold('b', 10)]);
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-']);
    await expect(withDirLock(dir, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = fresh();
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    mkdirSync(join(dir, '.lock'));
    writeFileSync(join(dir, '.lock', 'pid'), dead);
    expect(await withDirLock(dir, async () => 'ran', 2_000)).toBe('ran');
  });

  it('gives up with lab-locked when a live process holds the lock too long', async () => {
    const dir = fresh();
    mkdirSync(join(dir, '.lock'));
    writeFileSync(join(dir, '.lock', 'pid'), String(process.ppid));
    await expect(withDirLock(dir, async () => 'ran', 300)).rejects.toMatchObject({ code: 'lab-locked' });
  });
});
