// One long-lived `/bin/sh` on the target, fed framed commands one at a time: a command costs one round
// trip instead of a new channel. Transport-neutral: ssh.ts gives it an ssh2 channel, local.ts a child process.
import type { Readable, Writable } from 'node:stream';
import { FrameSplitter, frameCommand, newSentinel, type Frame, type FrameRequest } from './framing.js';

export interface ShellStreams {
  input: Writable;
  output: Readable;
  errors: Readable;
  /** Ends the shell and its channel or process. */
  destroy(): void;
}

export interface RawResult {
  rc: number;
  stdout: Buffer;
  stderr: Buffer;
}

interface Pending {
  sentinel: string;
  out?: Frame;
  err?: Frame;
  resolve(result: RawResult): void;
  reject(error: Error): void;
}

export class ShellSession {
  private readonly out: FrameSplitter;
  private readonly err: FrameSplitter;
  private current?: Pending;
  /** Commands run strictly one after another: the shell has one stdin. */
  private queue: Promise<unknown> = Promise.resolve();
  private closedWith?: Error;

  /** `lost` turns "the shell went away" into the right error (dropped connection vs exited shell). */
  constructor(
    private readonly streams: ShellStreams,
    private readonly lost: (why: string) => Error,
  ) {
    this.out = new FrameSplitter(newSentinel());
    this.err = new FrameSplitter(newSentinel());
    streams.output.on('data', (chunk: Buffer) => this.onData('out', chunk));
    streams.errors.on('data', (chunk: Buffer) => this.onData('err', chunk));
    streams.output.on('close', () => this.fail(lost('the remote shell ended')));
    streams.output.on('error', (e: Error) => this.fail(lost(e.message)));
    streams.input.on('error', (e: Error) => this.fail(lost(e.message)));
  }

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  run(request: FrameRequest, timeoutMs?: number, onTimeout?: () => Error): Promise<RawResult> {
    const next = this.queue.then(() => this.runNow(request, timeoutMs, onTimeout));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops the shell; anything still queued fails with `why`. */
  close(why: Error): void {
    this.fail(why);
    this.streams.destroy();
  }

  private runNow(request: FrameRequest, timeoutMs?: number, onTimeout?: () => Error): Promise<RawResult> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const sentinel = newSentinel();
    const text = frameCommand(request, sentinel);
    return new Promise<RawResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = <T>(fn: (v: T) => void) => (v: T) => {
        if (timer) clearTimeout(timer);
        this.current = undefined;
        fn(v);
      };
      this.current = { sentinel, resolve: done(resolve), reject: done(reject) };
      this.out.expect(sentinel);
      this.err.expect(sentinel);
      if (timeoutMs !== undefined && timeoutMs > 0) {
        // The command may still be running and would write into the next frame: the shell is unusable now.
        timer = setTimeout(() => this.close(onTimeout?.() ?? new Error(`command timed out after ${timeoutMs} ms`)), timeoutMs);
      }
      this.streams.input.write(text);
      // Output that arrived before this command was sent (none expected) may already hold nothing useful;
      // feeding an empty push lets a frame already buffered complete.
      this.onData('out', Buffer.alloc(0));
      this.onData('err', Buffer.alloc(0));
    });
  }

  private onData(stream: 'out' | 'err', chunk: Buffer): void {
    const pending = this.current;
    if (!pending) {
      // Nothing is waiting; keep the bytes (a background process may write) without a frame to close.
      (stream === 'out' ? this.out : this.err).push(chunk);
      return;
    }
    const frame = (stream === 'out' ? this.out : this.err).push(chunk);
    if (!frame) return;
    if (stream === 'out') pending.out = frame;
    else pending.err = frame;
    if (pending.out && pending.err) {
      pending.resolve({ rc: pending.out.rc, stdout: pending.out.body, stderr: pending.err.body });
    }
  }

  private fail(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    this.current?.reject(error);
  }
}
