// The contract every transport (ssh, local) fulfils. Modules and the executor see only this.

import type { SectionAnswer, SectionRequest } from './sections.js';

export interface BecomeOptions {
  /** Target user; root when omitted. */
  user?: string;
  /** sudo password; never logged, never on a command line. */
  password?: string;
}

export interface ExecOptions {
  /** Bytes fed to the command's standard input. */
  stdin?: string | Buffer;
  /** Working directory on the target. */
  cwd?: string;
  env?: Record<string, string>;
  /** Run through `sudo -n` as this user (wrapped centrally by the connection, never by modules). */
  become?: BecomeOptions;
  /** Give up (and report a timeout) after this many milliseconds. */
  timeoutMs?: number;
  /**
   * The command is a script ha-run wrote, never the user's text: it may run in a subshell of the session
   * shell (cheaper than a new sh). Such a script must not rely on `$$`, which is the session shell's there.
   */
  ownScript?: boolean;
  /**
   * Read-only requests to answer right after the command, in its round trip, when it succeeds (a module
   * re-reading its facts after a change then needs no round trip of its own): the answers come back as
   * the result's `reads`. A connection may ignore it (no `reads`: the caller reads as usual).
   */
  thenRead?: { nonce: string; requests: readonly SectionRequest[] };
  /**
   * The command is a sections script (sections.ts) of read-only requests under this nonce: a connection
   * may answer some from what it read before, as long as nothing has changed since (fact-cache.ts).
   */
  sections?: {
    nonce: string;
    requests: readonly SectionRequest[];
    /**
     * Only what was read before is wanted: a caching connection answers the requests it kept and gives
     * the others as lost, without a round trip (a shortcut a task may take, never the answer it needs).
     */
    keptOnly?: boolean;
  };
}

export interface ExecResult {
  rc: number;
  stdout: string;
  stderr: string;
  /** Raw bytes of stdout, for binary output. */
  stdoutBytes: Buffer;
  /** The answers to ExecOptions.thenRead, in order, when the command succeeded and they were read. */
  reads?: readonly SectionAnswer[];
}

export interface PutOptions {
  mode?: string; // octal string, e.g. '0644'
  owner?: string;
  group?: string;
  become?: BecomeOptions;
  /**
   * When the atomic rename fails (a bind-mounted file such as a container's /etc/hosts), write the
   * content in place instead, like Ansible's `unsafe_writes`.
   */
  unsafeWrites?: boolean;
}

/**
 * A controller file sent as it is read, never held in memory whole. Its size and sha1 were taken when it
 * was compared with the target's copy; the target refuses the new file unless it matches them.
 */
export interface LocalFileSource {
  localPath: string;
  size: number;
  sha1: string;
}

/** Read size for streamed files: big enough that per-chunk overhead does not show. */
export const STREAM_CHUNK = 1024 * 1024;

export type PutData = Buffer | string | LocalFileSource;

export interface Connection {
  /** Inventory name of the host this connection reaches. */
  readonly host: string;
  /** Run a `/bin/sh` command line on the target. Never throws for a non-zero exit; throws ConnectionError when the link fails. */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Write a file atomically: temp file in the same directory, checked against the size and sha1 sent, then renamed. */
  put(remotePath: string, data: PutData, options?: PutOptions): Promise<void>;
  /** Read a whole file. */
  get(remotePath: string, options?: { become?: BecomeOptions }): Promise<Buffer>;
  close(): Promise<void>;
}
