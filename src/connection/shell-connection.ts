// The Connection every transport shares: exec over the persistent shell, become, atomic put, get.
// A transport only knows how to open a shell, run one streamed command, and name what went wrong.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { HaRunError } from '../errors.js';
import { passwordlessProbe, stripPrompt, wrapBecome } from './become.js';
import { ConnectionTimeoutError, type ConnectionError } from './errors.js';
import { environmentLine } from './env-on-stdin.js';
import { commandPrologue, INLINE_STDIN_MAX, type FrameRequest } from './framing.js';
import { shellQuote } from './quote.js';
import { NotStarted, ShellSession, type RawResult, type ShellStreams } from './shell-session.js';
import { finishPutScript, putFromStdinScript, readFileScript, sweepStaleTempsScript, tempPathFor, appendChunkScript, validatePutOptions, type Expected } from './transfer.js';
import { STREAM_CHUNK, type BecomeOptions, type Connection, type ExecOptions, type ExecResult, type LocalFileSource, type PutData, type PutOptions } from './types.js';

/** Thrown by a transport when it cannot open another channel right now; callers fall back to the shell. */
export class ChannelUnavailable extends Error {}

export interface Transport {
  openShell(): Promise<ShellStreams>;
  /** One command on its own channel, stdin streamed: for data too big to inline into the shell. A stream
   *  that fails ends the command's stdin early (the target then sees a short file) and rejects with its error. */
  execStreaming(command: string, stdin: Buffer | Readable, timeoutMs?: number): Promise<RawResult>;
  /** The error for a shell or channel that ended under us (dropped link vs exited shell). */
  lost(why: string): ConnectionError;
  /** Where the host is, for messages: `node1 (root@127.0.0.1:2201)`. */
  describe(): string;
  close(): Promise<void>;
}

interface RunOptions {
  become?: BecomeOptions;
  timeoutMs?: number;
  /** Report a channel that cannot be opened as ChannelUnavailable instead of falling back to the shell. */
  strictChannel?: boolean;
  /** See ExecOptions.ownScript. */
  ownScript?: boolean;
}

export class ShellConnection implements Connection {
  private session?: Promise<ShellSession>;
  /** The opened session behind `session`, once it is open (checked synchronously, so callers never race). */
  private live?: ShellSession;
  /** Per become user (and password): does sudo need the password? Checked once per connection. */
  private readonly sudoNeedsPassword = new Map<string, Promise<boolean>>();

  constructor(
    readonly host: string,
    private readonly transport: Transport,
    private readonly defaultTimeoutMs?: number,
  ) {}

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const withEnv = options.env !== undefined && Object.keys(options.env).length > 0;
    const script = commandPrologue({ command, cwd: options.cwd, envOnStdin: withEnv });
    const input = [...(withEnv ? [environmentLine(options.env!)] : []), ...(options.stdin === undefined ? [] : [Buffer.from(options.stdin)])];
    const stdin = input.length === 0 ? undefined : Buffer.concat(input);
    const raw = await this.run(script, stdin, { become: options.become, timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs, ownScript: options.ownScript });
    return toExecResult(raw.result, raw.prompt);
  }

  async put(remotePath: string, data: PutData, options: PutOptions = {}): Promise<void> {
    validatePutOptions(remotePath, options);
    let payload = typeof data === 'string' || Buffer.isBuffer(data) ? Buffer.from(data) : data;
    const expected: Expected = Buffer.isBuffer(payload) ? { size: payload.length, sha1: sha1(payload) } : { size: payload.size, sha1: payload.sha1 };
    // A small file costs less inline through the shell than on a channel of its own. What is read now is
    // still checked against the size and sha1 taken earlier.
    if (!Buffer.isBuffer(payload) && payload.size <= INLINE_STDIN_MAX) payload = await readFile(payload.localPath);
    const script = putFromStdinScript(remotePath, options, expected, staleTempAge());
    let outcome: { result: RawResult; prompt?: string };
    try {
      outcome = await this.run(script, payload, { become: options.become, strictChannel: true, ownScript: true });
    } catch (err) {
      if (!(err instanceof ChannelUnavailable)) throw err;
      outcome = await this.putInChunks(remotePath, payload, options, expected);
    }
    if (outcome.result.rc !== 0) {
      throw new HaRunError('put-failed', `could not write ${remotePath} on ${this.transport.describe()}: ${failureReason(outcome)}`);
    }
  }

  async get(remotePath: string, options: { become?: BecomeOptions } = {}): Promise<Buffer> {
    const outcome = await this.run(readFileScript(remotePath), undefined, { become: options.become, timeoutMs: this.defaultTimeoutMs, ownScript: true });
    if (outcome.result.rc !== 0) {
      throw new HaRunError('get-failed', `could not read ${remotePath} on ${this.transport.describe()}: ${failureReason(outcome)}`);
    }
    return outcome.result.stdout;
  }

  /** Runs one command on a channel of its own instead of the shared shell: what every command would cost
   *  without the persistent shell (the benchmark compares the two). */
  async execOnChannel(command: string): Promise<ExecResult> {
    return toExecResult(await this.transport.execStreaming(command, Buffer.alloc(0), this.defaultTimeoutMs), undefined);
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    // Ending the transport ends its shell (the SSH connection, or the local process).
    if (session) (await session.catch(() => undefined))?.abandon(() => this.transport.lost('the connection was closed'));
    await this.transport.close();
  }

  /** Runs a script (become-wrapped if asked) inline on the shell, or on its own channel when stdin is big.
   *  With `strictChannel`, a channel that cannot be opened is reported as ChannelUnavailable. */
  private async run(script: string, input: Buffer | LocalFileSource | undefined, options: RunOptions): Promise<{ result: RawResult; prompt?: string }> {
    const { become, timeoutMs, strictChannel = false, ownScript = false } = options;
    let command = script;
    let prompt: string | undefined;
    let prefix: Buffer | undefined;
    if (become) {
      const wrapped = wrapBecome(script, become, await this.needsPassword(become));
      command = wrapped.command;
      prompt = wrapped.prompt;
      prefix = wrapped.stdinPrefix;
    }
    if (input && !Buffer.isBuffer(input)) {
      // A controller file always streams on a channel of its own; it is never held in memory whole.
      return { result: await this.transport.execStreaming(command, fileStream(input, prefix), timeoutMs), prompt };
    }
    let stdin = prefix ? Buffer.concat([prefix, input ?? Buffer.alloc(0)]) : input;
    if (stdin && stdin.length > INLINE_STDIN_MAX) {
      try {
        return { result: await this.transport.execStreaming(command, stdin, timeoutMs), prompt };
      } catch (err) {
        if (!(err instanceof ChannelUnavailable) || strictChannel) throw err;
      }
    }
    if (stdin?.length === 0) stdin = undefined;
    return { result: await this.onShell({ command, stdin, ownScript }, timeoutMs), prompt };
  }

  private async onShell(request: FrameRequest, timeoutMs: number | undefined): Promise<RawResult> {
    const timedOut = () =>
      new ConnectionTimeoutError(this.host, `a command on ${this.transport.describe()} did not finish within ${timeoutMs} ms`, {
        unreachable: false,
        hint: 'raise the task timeout, or check what the command waits for',
      });
    try {
      return await (await this.shell()).run(request, timeoutMs, timedOut);
    } catch (err) {
      if (!(err instanceof NotStarted)) throw err;
      // Queued behind a command that timed out (or on a shell that ended): it never ran, so run it on a
      // fresh shell. A dead link fails again right away with the real reason.
      try {
        return await (await this.shell()).run(request, timeoutMs, timedOut);
      } catch (again) {
        throw again instanceof NotStarted ? again.reason : again;
      }
    }
  }

  /** The live shell; a new one after a timeout closed the last (the SSH link itself may still be fine).
   *  Synchronous up to the promise, so concurrent callers share one opening shell. */
  private shell(): Promise<ShellSession> {
    if (this.session && !this.live?.closed) return this.session;
    this.live = undefined;
    const opening = this.transport.openShell().then((streams) => {
      const session = new ShellSession(streams, (why) => this.transport.lost(why));
      // Whatever the login shell's rc files print before /bin/sh starts lands in this first frame, not in
      // the first real command's output. Not awaited: frames come back in order, so the first real command
      // goes out in the same write and the opening costs no round trip of its own.
      session.run({ command: 'true' }).catch(() => undefined);
      this.live = session;
      return session;
    });
    this.session = opening;
    // A shell that could not be opened is not kept: the next call tries again (a dead link fails fast).
    opening.catch(() => {
      if (this.session === opening) this.session = undefined;
    });
    return opening;
  }

  /** Checks once per user whether sudo works and needs the password. A missing or wrong password becomes
   *  one clear `become-failed` here, instead of sudo retrying it (and reading the command's stdin as further
   *  password attempts) on every call. */
  private needsPassword(become: BecomeOptions): Promise<boolean> {
    const user = become.user ?? 'root';
    const key = `${user}\0${become.password ?? ''}\0${become.password !== undefined}`;
    let answer = this.sudoNeedsPassword.get(key);
    if (!answer) {
      answer = this.checkSudo(user, become.password);
      answer.catch(() => undefined); // every caller awaits it; keep the cached rejection from being "unhandled"
      this.sudoNeedsPassword.set(key, answer);
    }
    return answer;
  }

  private async checkSudo(user: string, password: string | undefined): Promise<boolean> {
    const timeout = this.defaultTimeoutMs;
    const free = await this.onShell({ command: passwordlessProbe(user, password !== undefined), ownScript: true }, timeout);
    if (free.rc === 0) return false;
    let refusal = { result: free, prompt: undefined as string | undefined };
    if (password !== undefined) {
      const check = wrapBecome('true', { user, password }, true);
      const verified = await this.onShell({ command: check.command, stdin: check.stdinPrefix, ownScript: true }, timeout);
      if (verified.rc === 0) return true;
      refusal = { result: verified, prompt: check.prompt };
    }
    const reason = stripPrompt(refusal.result.stderr.toString('utf8'), refusal.prompt).trim().split('\n').pop() || `exit status ${refusal.result.rc}`;
    throw new HaRunError('become-failed', `sudo on ${this.transport.describe()} refused to run commands as ${user}: ${reason}`, {
      hint:
        password === undefined
          ? 'if the account needs a password for sudo, set ansible_become_password; otherwise allow it in sudoers'
          : 'check ansible_become_password, and that the account may use sudo for that user',
    });
  }

  /** No spare channel: send the file through the shell in pieces to a temp file, then check it and finish as usual. */
  private async putInChunks(remotePath: string, data: Buffer | LocalFileSource, options: PutOptions, expected: Expected): Promise<{ result: RawResult; prompt?: string }> {
    const tmp = tempPathFor(remotePath);
    const size = Buffer.isBuffer(data) ? data.length : data.size;
    const chunk = Math.floor(INLINE_STDIN_MAX / 2);
    const file = Buffer.isBuffer(data) ? undefined : await open(data.localPath, 'r');
    try {
      for (let offset = 0; offset < size || offset === 0; offset += chunk) {
        const piece = file ? (await file.read(Buffer.alloc(Math.min(chunk, size - offset)), 0, Math.min(chunk, size - offset), offset)).buffer : (data as Buffer).subarray(offset, offset + chunk);
        const write = offset === 0 ? `${sweepStaleTempsScript(remotePath, staleTempAge())}; ${appendChunkScript(tmp, true)}` : appendChunkScript(tmp, false);
        const sent = await this.run(write, piece, { become: options.become, ownScript: true });
        if (sent.result.rc !== 0) {
          await this.run(`rm -f -- ${shellQuote(tmp)}`, undefined, { become: options.become, ownScript: true }).catch(() => undefined);
          return sent;
        }
        if (size === 0) break;
      }
    } finally {
      await file?.close();
    }
    return this.run(finishPutScript(tmp, remotePath, options, expected), undefined, { become: options.become, ownScript: true });
  }
}

/** Temp files older than this ha-run process were left by an earlier run that was stopped. */
function staleTempAge(): number {
  return process.uptime() + 1;
}

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

/** sudo's password line (when become needs one), then the file as it is read from disk. Its checksum is
 *  taken on the way: a file that changed since it was compared fails with that reason (the target refuses
 *  it anyway, as it does not match the size and sha1 the put announced). */
function fileStream(source: LocalFileSource, prefix: Buffer | undefined): Readable {
  return Readable.from(
    (async function* () {
      if (prefix) yield prefix;
      const hash = createHash('sha1');
      let size = 0;
      for await (const piece of createReadStream(source.localPath, { highWaterMark: STREAM_CHUNK }) as AsyncIterable<Buffer>) {
        hash.update(piece);
        size += piece.length;
        yield piece;
      }
      if (size !== source.size || hash.digest('hex') !== source.sha1) {
        throw new HaRunError('put-failed', `${source.localPath} changed on the controller while it was being sent; the destination was left as it was`);
      }
    })(),
    { objectMode: false },
  );
}
/** The first line of stderr (sudo's prompt removed), or the exit status when the command said nothing. */
function failureReason({ result, prompt }: { result: RawResult; prompt?: string }): string {
  const first = stripPrompt(result.stderr.toString('utf8'), prompt).trim().split('\n')[0];
  return first || `exit status ${result.rc}`;
}

function toExecResult(raw: RawResult, prompt: string | undefined): ExecResult {
  let stdout: string | undefined;
  return {
    rc: raw.rc,
    // Decoded on first use: a 50 MB binary read should not pay for a string nobody looks at.
    get stdout() {
      return (stdout ??= raw.stdout.toString('utf8'));
    },
    stderr: stripPrompt(raw.stderr.toString('utf8'), prompt),
    stdoutBytes: raw.stdout,
  };
}
