// What only the user module reads: whether the home directory is there, and the user's SSH key
// pair. A path relative to home is resolved on the target (the home may come from the passwd entry).
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';

/** Shell that sets $h to `home`, or to the user's home from the passwd entry (empty when there is none). */
export function homeScript(name: string, home: string | undefined): string {
  return home !== undefined ? `h=${shellQuote(home)}` : `h=$(getent passwd ${shellQuote(name)} | cut -d: -f6)`;
}

/** Shell that sets $p to the key file: absolute as given, else under the home (stops when there is no home). */
export function keyPathScript(name: string, file: string): string {
  return file.startsWith('/') ? `p=${shellQuote(file)}` : `${homeScript(name, undefined)}; [ -n "$h" ] || exit 0; p="$h"/${shellQuote(file)}`;
}

export interface HomeState {
  /** The account's home (from its passwd entry) exists. */
  current: boolean;
  /** The home asked for exists (the account's when none is asked for). */
  asked: boolean;
}

export const homeState: Fact<{ name: string; home?: string }, HomeState> = {
  name: 'the home directory',
  requires: ['getent'],
  script: ({ name, home }) =>
    `${homeScript(name, undefined)}; [ -n "$h" ] && [ -e "$h" ] && echo current\n` + `${homeScript(name, home)}; [ -n "$h" ] && [ -e "$h" ] && echo asked; true`,
  parse: (stdout) => {
    const words = stdout.split('\n');
    return { current: words.includes('current'), asked: words.includes('asked') };
  },
};

export interface SshKeyState {
  path: string;
  private: boolean;
  public: boolean;
  /** `ssh-keygen -l -f` of the private key ('' when it cannot tell). */
  fingerprint: string;
  publicKey?: string;
}

/** Lines: the key path, 'private' or '-', 'public' or '-', the fingerprint, then the public key. */
export const sshKey: Fact<{ name: string; file: string }, SshKeyState | undefined> = {
  name: "the user's SSH key",
  requires: ['getent'],
  script: ({ name, file }) =>
    `${keyPathScript(name, file)}\n` +
    `echo "$p"; if [ -e "$p" ]; then echo private; else echo -; fi; if [ -e "$p.pub" ]; then echo public; else echo -; fi\n` +
    `if [ -e "$p" ] && command -v ssh-keygen >/dev/null 2>&1; then ssh-keygen -l -f "$p" 2>/dev/null | head -n 1; else echo; fi\n` +
    `[ -r "$p.pub" ] && head -n 1 "$p.pub"; true`,
  parse: (stdout) => {
    const lines = stdout.split('\n');
    if (lines.length < 4 || lines[0] === '') return undefined;
    const publicKey = lines[4]?.trim();
    return { path: lines[0], private: lines[1] === 'private', public: lines[2] === 'public', fingerprint: lines[3].trim(), ...(publicKey ? { publicKey } : {}) };
  },
};
