import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../../src/lab/ports.js';

describe('freeLoopbackPort', () => {
  it('stays below the ephemeral range and skips ports pinned by other lab hosts', async () => {
    const picks = [0.5, 0.5, 0.25];
    const random = () => picks.shift() ?? Math.random();
    const pinned = 20000 + Math.floor(0.5 * 10000);
    const port = await freeLoopbackPort(new Set([pinned]), random);
    expect(port).toBe(20000 + Math.floor(0.25 * 10000));
  });

  it('skips a port something is listening on', async () => {
    const target = 29999;
    const busy = createServer();
    // If something else already listens there, the port is just as busy for the test.
    await new Promise<void>((r) => busy.once('error', () => r()).listen(target, '127.0.0.1', () => r()));
    const picks = [0.99999, 0.9];
    try {
      expect(await freeLoopbackPort(new Set(), () => picks.shift() ?? Math.random())).toBe(29000);
    } finally {
      busy.close();
    }
  });
});
