// The known_hosts file as known_hosts reads it: its path with ~ expanded for the remote user, and its
// text (base64, so any byte survives the answer).
import { shellPathFromHome } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';

export interface KnownHostsFile {
  /** The path with ~ expanded. */
  path: string;
  exists: boolean;
  /** The file's text ('' when it does not exist). */
  content: string;
  /** Permission bits, owner and size, for the result (as Ansible's module reports the file). */
  stat?: { mode: number; owner: string; group: string; uid: number; gid: number; size: number };
}

export const knownHostsFile: Fact<string, KnownHostsFile> = {
  name: 'the known_hosts file',
  requires: ['base64'],
  script: (path) =>
    [
      `f=${shellPathFromHome(path)}`,
      'printf "%s\\n" "$(printf %s "$f" | base64 | tr -d "\\n")"',
      'if [ -e "$f" ]; then echo present; base64 < "$f" | tr -d "\\n"; echo; stat -L -c "%a|%U|%G|%u|%g|%s" -- "$f"; else echo absent; fi',
    ].join('\n'),
  parse: (stdout) => {
    const [path = '', state = '', body = '', statLine = ''] = stdout.split('\n');
    const [mode, owner, group, uid, gid, size] = statLine.split('|');
    return {
      path: Buffer.from(path, 'base64').toString('utf8'),
      exists: state === 'present',
      content: Buffer.from(body, 'base64').toString('utf8'),
      ...(size === undefined ? {} : { stat: { mode: parseInt(mode!, 8), owner: owner!, group: group!, uid: Number(uid), gid: Number(gid), size: Number(size) } }),
    };
  },
};
