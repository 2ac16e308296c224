// The session's bookkeeping over in-memory streams standing in for the shell: pipelining, ordering,
// timeouts. The real shell is exercised by local.test.ts and the integration tests.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NotStarted, ShellSession } from '../../../src/connection/shell-session.js';

function fakeShell() {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let written = '';
  input.on('data', (b: Buffer) => (written += b.toString()));
  const session = new ShellSession({ input, output, errors, destroy: () => output.destroy() }, (why) => new Error(`lost: ${why}`));
  /** Sentinels of the commands written so far, in order. */
  const sentinels = () => [...new Set(written.match(/__HA_RUN_[0-9a-f]{32}_/g) ?? [])];
  return { session, output, errors, sentinels, written: () => written };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ShellSession', () => {
  it('writes queued commands at once (one round trip) and matches answers in order', async () => {
    const { session, output, errors, sentinels } = fakeShell();
    const results = [session.run({ command: 'a' }), session.run({ command: 'b' }), session.run({ command: 'c' })];
    await tick();
    const [s1, s2, s3] = sentinels();
    expect(sentinels()).toHaveLength(3); // all three sent before any answer came back
    // All answers in one chunk per stream, stderr arriving first.
    errors.write(`e1${s1}000\n${s2}001\ne3${s3}002\n`);
    output.write(`o1${s1}000\no2${s2}001\n${s3}002\n`);
    expect(await Promise.all(results)).toEqual([
      { rc: 0, stdout: Buffer.from('o1'), stderr: Buffer.from('e1') },
      { rc: 1, stdout: Buffer.from('o2'), stderr: Buffer.from('') },
      { rc: 2, stdout: Buffer.from(''), stderr: Buffer.from('e3') },
    ]);
  });

  it('on a timeout, fails that command and the queued ones as NotStarted (they never ran)', async () => {
    const { session, output, errors, sentinels } = fakeShell();
    const first = session.run({ command: 'quick' }, 1000);
    const second = session.run({ command: 'hangs' }, 50, () => new Error('second timed out'));
    const third = session.run({ command: 'queued' }).catch((e: unknown) => e);
    await tick();
    const [s1] = sentinels();
    output.write(`${s1}000\n`);
    errors.write(`${s1}000\n`);
    expect((await first).rc).toBe(0);
    await expect(second).rejects.toThrow('second timed out');
    const err = await third;
    expect(err).toBeInstanceOf(NotStarted);
    expect(session.closed).toBe(true);
    await expect(session.run({ command: 'later' })).rejects.toBeInstanceOf(NotStarted);
  });

  it('fails the running command with the transport\'s reason when the shell ends', async () => {
    const { session, output } = fakeShell();
    const running = session.run({ command: 'x' });
    output.destroy();
    await expect(running).rejects.toThrow('lost: the remote shell ended');
  });
});
