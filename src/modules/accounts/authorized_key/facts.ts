// The authorized_keys file as authorized_key reads it: its path (the given one, or under the user's
// home), the path a symlink leads to, and the file's text.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';

export interface KeyFileState {
  /** undefined when no path was given and the user has no entry. */
  path?: string;
  /** The path with symlinks resolved. */
  realPath?: string;
  /** The file's directory exists. */
  dirExists: boolean;
  /** The text of the file ('' when it is not a regular file). */
  content: string;
}

/** Lines: the path, the resolved path, 'dir' or '-', then the file's text as it is. */
export const keyFileState: Fact<{ user: string; path?: string }, KeyFileState> = {
  name: 'the authorized_keys file',
  requires: ['getent', 'readlink'],
  script: ({ user, path }) =>
    (path !== undefined ? `f=${shellQuote(path)}` : `h=$(getent passwd ${shellQuote(user)} | cut -d: -f6); [ -n "$h" ] || exit 0; f="$h/.ssh/authorized_keys"`) +
    `\nprintf '%s\\n' "$f"; readlink -m -- "$f"; if [ -d "$(dirname -- "$f")" ]; then echo dir; else echo -; fi\n[ -f "$f" ] && cat -- "$f"; true`,
  parse: (stdout) => {
    const lines = stdout.split('\n');
    if (lines.length < 3) return { dirExists: false, content: '' };
    return { path: lines[0], realPath: lines[1], dirExists: lines[2] === 'dir', content: lines.slice(3).join('\n') };
  },
};
