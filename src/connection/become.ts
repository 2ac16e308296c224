// become (privilege escalation) is wrapped here and nowhere else: modules never write `sudo` themselves.
import { randomBytes } from 'node:crypto';
import { shellQuote } from './quote.js';
import type { BecomeOptions, Connection, ExecOptions, PutData, PutOptions } from './types.js';

export interface BecomeWrapped {
  command: string;
  /** Bytes sudo must read before the command's own stdin (the password line), if any. */
  stdinPrefix?: Buffer;
  /** The prompt sudo prints on stderr; removed from the result so it never shows up in output. */
  prompt?: string;
}

/**
 * `sudo -H -n -u USER -- sh -c '...'`, or with a password `sudo -H -k -S -p PROMPT ...` fed through stdin:
 * the password never appears on a command line. `-k` makes sudo always ask, so the password line is always
 * consumed by sudo and can never leak into the command's stdin; callers use `needsPassword=false` for
 * accounts that need none (NOPASSWD), where sudo would not read it.
 */
export function wrapBecome(command: string, become: BecomeOptions, needsPassword: boolean): BecomeWrapped {
  const user = become.user ?? 'root';
  const inner = `sh -c ${shellQuote(command)}`;
  if (become.password === undefined || !needsPassword) {
    return { command: `sudo -H -n -u ${shellQuote(user)} -- ${inner}` };
  }
  const prompt = `[ha-run sudo ${randomBytes(8).toString('hex')}] password:`;
  return {
    command: `sudo -H -k -S -p ${shellQuote(prompt)} -u ${shellQuote(user)} -- ${inner}`,
    stdinPrefix: Buffer.from(`${become.password}\n`),
    prompt,
  };
}

/** Asks sudo, without any password, whether this user may become `user` now. With `ignoreCache`, only a
 *  NOPASSWD rule answers yes (a password typed earlier and still cached does not count). */
export function passwordlessProbe(user: string | undefined, ignoreCache: boolean): string {
  return `sudo ${ignoreCache ? '-k ' : ''}-n -u ${shellQuote(user ?? 'root')} -- true`;
}

/** Removes sudo's prompt (and the newline the password's echo would have ended) from stderr. */
export function stripPrompt(stderr: string, prompt: string | undefined): string {
  if (!prompt) return stderr;
  return stderr.split(prompt).join('').replace(/^\n/, '');
}

/** A Connection whose commands and transfers run with `become` unless a call says otherwise: how the
 *  executor applies a task's `become: true` without modules knowing about it. */
export function withBecome(conn: Connection, become: BecomeOptions | undefined): Connection {
  if (!become) return conn;
  return {
    get host() {
      return conn.host;
    },
    exec: (command: string, options: ExecOptions = {}) => conn.exec(command, { become, ...options }),
    put: (remotePath: string, data: PutData, options: PutOptions = {}) => conn.put(remotePath, data, { become, ...options }),
    get: (remotePath: string, options: { become?: BecomeOptions } = {}) => conn.get(remotePath, { become, ...options }),
    close: () => conn.close(),
  };
}
