// Framed commands over one long-lived `/bin/sh`: each command is written to the shell's stdin and ends by
// printing a sentinel plus its exit status on BOTH stdout and stderr (the two streams arrive independently,
// so each needs its own end mark). Pure: building the text and splitting the streams, no I/O.
import { randomBytes } from 'node:crypto';
import { READ_ENVIRONMENT } from './env-on-stdin.js';
import { shellQuote } from './quote.js';

/** Data up to this size travels inside the framed command (base64 here-document); more uses a stream. */
export const INLINE_STDIN_MAX = 256 * 1024;

export interface FrameRequest {
  command: string;
  stdin?: Buffer;
  cwd?: string;
  /** A script ha-run wrote (see ExecOptions.ownScript): a subshell of the session shell runs it, no new sh. */
  ownScript?: boolean;
}

/** A random, per-command end mark: output would have to guess 128 random bits to fake it. */
export function newSentinel(): string {
  return `__HA_RUN_${randomBytes(16).toString('hex')}_`;
}

/** The command as it runs inside the frame: the environment (read from stdin, see env-on-stdin.ts) and cwd
 *  first, then the user's text through `eval`, so the prologue applies even when the text does not parse. */
export function commandPrologue(request: Omit<FrameRequest, 'stdin'> & { envOnStdin?: boolean }): string {
  const steps: string[] = [];
  if (request.envOnStdin) steps.push(READ_ENVIRONMENT);
  if (request.cwd !== undefined) steps.push(`cd ${shellQuote(request.cwd)}`);
  steps.push(`eval ${shellQuote(request.command)}`);
  return steps.join(' && ');
}

/** base64 in 76-column lines: the here-document stays line-oriented whatever the bytes are. */
export function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

/** The exact text written to the session shell for one command. */
export function frameCommand(request: FrameRequest, sentinel: string): string {
  // Its own `sh -c`, like Ansible's command: `$$`, `exit`, `exec` and syntax errors belong to the command,
  // never to the session shell (a `( subshell )` would share its $$, and `kill $$` would end the session).
  // ha-run's own scripts never touch $$, so a subshell does for them: a fork without an exec of sh.
  const prologue = commandPrologue(request);
  const body = request.ownScript ? `( ${prologue} )` : `sh -c ${shellQuote(prologue)}`;
  const end = `__ha_rc=$?; printf '%s%03d\\n' ${sentinel} "$__ha_rc"; printf '%s%03d\\n' ${sentinel} "$__ha_rc" >&2\n`;
  if (!request.stdin || request.stdin.length === 0) return `${body} </dev/null\n${end}`;
  // base64's alphabet has no '_', so the delimiter can never occur inside the data.
  const delimiter = `${sentinel}EOF`;
  return `base64 -d <<'${delimiter}' | ${body}\n${base64Lines(request.stdin)}\n${delimiter}\n${end}`;
}

/** What one stream carried for one command. */
export interface Frame {
  body: Buffer;
  rc: number;
}

/** Cuts one output stream into frames at the sentinel. Handles the sentinel split across chunks and
 *  megabytes of output without re-scanning or re-copying what was already searched. */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private length = 0;
  /** Bytes already known not to contain the start of the sentinel. */
  private searched = 0;
  private found = -1;
  private sentinel: Buffer;

  constructor(sentinel: string) {
    this.sentinel = Buffer.from(sentinel, 'latin1');
  }

  /** Frames following the current one end with a different sentinel. */
  expect(sentinel: string): void {
    this.sentinel = Buffer.from(sentinel, 'latin1');
    this.searched = 0;
    this.found = -1;
  }

  /** Adds bytes; returns the finished frame once the sentinel and its status line are complete. */
  push(chunk: Buffer): Frame | undefined {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.length += chunk.length;
    }
    if (this.found < 0) {
      // Only look at new bytes, plus enough old ones to catch a sentinel split across chunks.
      const from = Math.max(0, this.searched - (this.sentinel.length - 1));
      const window = this.tail(from);
      const at = window.indexOf(this.sentinel);
      if (at < 0) {
        this.searched = this.length;
        return undefined;
      }
      this.found = from + at;
    }
    const statusStart = this.found + this.sentinel.length;
    if (this.length < statusStart + 4) return undefined; // 3 digits and a newline still to come
    const all = this.collapse();
    const status = all.subarray(statusStart, statusStart + 4).toString('latin1');
    const body = all.subarray(0, this.found);
    const rest = all.subarray(statusStart + 4);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    this.searched = 0;
    this.found = -1;
    const rc = /^\d{3}\n$/.test(status) ? Number(status.slice(0, 3)) : -1;
    return { body, rc };
  }

  private collapse(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Bytes from `from` to the end, copying only the chunks that hold them. */
  private tail(from: number): Buffer {
    let skipped = 0;
    let i = 0;
    while (i < this.chunks.length && skipped + this.chunks[i]!.length <= from) skipped += this.chunks[i++]!.length;
    const parts = this.chunks.slice(i);
    if (parts.length === 0) return Buffer.alloc(0);
    parts[0] = parts[0]!.subarray(from - skipped);
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
}
