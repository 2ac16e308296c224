// One long-lived `/bin/sh` on the target, fed framed commands: a command costs one round trip instead of a
// new channel. Commands are written as soon as they are asked for (pipelined): the shell runs them one after
// another, so independent probes issued together share one write and one round trip.
// Transport-neutral: ssh.ts gives it an ssh2 channel, local.ts a child process.
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

/**
 * Sends a command's stdin: bytes at once, or a stream with backpressure. A stream that fails ends the
 * input early (the command sees a short input: a put then refuses its temp file) and is reported once.
 */
export function feed(stdin: Buffer | Readable, input: Writable, failed: (error: Error) => void): void {
  if (Buffer.isBuffer(stdin)) {
    input.end(stdin);
    return;
  }
  stdin.once('error', (e: Error) => {
    failed(e);
    stdin.unpipe(input);
    input.end();
  });
  stdin.pipe(input);
}

/** A queued command that never started because the shell ended first: safe to send again on a new shell. */
export class NotStarted extends Error {
  constructor(readonly reason: Error) {
    super(`not started: ${reason.message}`);
    this.name = 'NotStarted';
  }
}

interface Pending {
  sentinel: string;
  out?: Frame;
  err?: Frame;
  timeoutMs?: number;
  onTimeout?: () => Error;
  timer?: NodeJS.Timeout;
  resolve(result: RawResult): void;
  reject(error: Error): void;
}

type StreamName = 'out' | 'err';

export class ShellSession {
  private readonly splitters: Record<StreamName, FrameSplitter>;
  /** Written and not yet answered, oldest first; the shell runs them in this order. */
  private readonly pending: Pending[] = [];
  /** How many of `pending` (from the front) already have their frame on each stream. */
  private readonly done: Record<StreamName, number> = { out: 0, err: 0 };
  private closedWith?: Error;
  /** Abandoned with nothing waiting: the error, when something asks. */
  private closedLater?: () => Error;

  /** `lost` turns "the shell went away" into the right error (dropped connection vs exited shell). */
  constructor(
    private readonly streams: ShellStreams,
    private readonly lost: (why: string) => Error,
  ) {
    this.splitters = { out: new FrameSplitter(newSentinel()), err: new FrameSplitter(newSentinel()) };
    streams.output.on('data', (chunk: Buffer) => this.onData('out', chunk));
    streams.errors.on('data', (chunk: Buffer) => this.onData('err', chunk));
    streams.output.on('close', () => this.fail(lost('the remote shell ended')));
    streams.output.on('error', (e: Error) => this.fail(lost(e.message)));
    streams.input.on('error', (e: Error) => this.fail(lost(e.message)));
  }

  get closed(): boolean {
    return this.closedWith !== undefined || this.closedLater !== undefined;
  }

  /** Runs one command. `timeoutMs` counts from when the shell gets to it, not from when it was queued. */
  run(request: FrameRequest, timeoutMs?: number, onTimeout?: () => Error): Promise<RawResult> {
    if (this.closedLater) {
      const why = this.closedLater;
      this.closedLater = undefined;
      this.fail(why());
    }
    if (this.closedWith) return Promise.reject(new NotStarted(this.closedWith));
    const sentinel = newSentinel();
    const text = frameCommand(request, sentinel);
    return new Promise<RawResult>((resolve, reject) => {
      this.pending.push({ sentinel, timeoutMs, onTimeout, resolve, reject });
      this.streams.input.write(text);
      if (this.pending.length === 1) this.startClock();
      // A stream that was idle now waits for this command's sentinel.
      for (const stream of ['out', 'err'] as const) {
        if (this.done[stream] === this.pending.length - 1) {
          this.splitters[stream].expect(sentinel);
          this.onData(stream, Buffer.alloc(0));
        }
      }
    });
  }

  /** Stops the shell: the running command fails with `why`, queued ones with NotStarted. */
  close(why: Error): void {
    this.fail(why);
    this.streams.destroy();
  }

  /** As `close`, for a transport about to end that takes its shell with it: closing the channel first
   *  would only cost the server's answer, one more exchange on the wire. `why` is made only if a command
   *  is still waiting (or one is asked for later). */
  abandon(why: () => Error): void {
    if (this.pending.length > 0) return this.fail(why());
    this.closedLater = why;
  }

  private onData(stream: StreamName, chunk: Buffer): void {
    const splitter = this.splitters[stream];
    let frame = splitter.push(chunk);
    // One chunk may finish several pipelined frames.
    while (frame) {
      const target = this.pending[this.done[stream]];
      if (!target) break; // bytes of no command (a background process); nothing waits for them
      target[stream] = frame;
      const next = this.pending[++this.done[stream]];
      frame = undefined;
      if (next) {
        splitter.expect(next.sentinel);
        frame = splitter.push(Buffer.alloc(0));
      }
    }
    this.settle();
  }

  /** Resolves finished commands from the front; both streams finish in order, so only the head can be done. */
  private settle(): void {
    let head = this.pending[0];
    while (head?.out && head.err) {
      this.pending.shift();
      this.done.out--;
      this.done.err--;
      if (head.timer) clearTimeout(head.timer);
      head.resolve({ rc: head.out.rc, stdout: head.out.body, stderr: head.err.body });
      this.startClock();
      head = this.pending[0];
    }
  }

  /** The head is what the shell runs now: its timeout starts here. */
  private startClock(): void {
    const head = this.pending[0];
    if (!head || head.timer || !head.timeoutMs || head.timeoutMs <= 0) return;
    const { timeoutMs, onTimeout } = head;
    // The command may still be running and would write into the next frame: the shell is unusable now.
    head.timer = setTimeout(() => this.close(onTimeout?.() ?? new Error(`command timed out after ${timeoutMs} ms`)), timeoutMs);
  }

  private fail(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    const [head, ...queued] = this.pending.splice(0);
    if (head?.timer) clearTimeout(head.timer);
    head?.reject(error);
    for (const p of queued) p.reject(new NotStarted(error));
  }
}
