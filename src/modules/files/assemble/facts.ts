// What assemble reads of a fragment directory on the target (~ being the remote user's home): whether
// it is one, and each entry's name, whether it is a regular file (following links, as Python's isfile)
// and its bytes. Names and contents travel as base64, so no name or byte can break the answer's lines.
import { shellPathFromHome } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import type { Fragment } from './join.js';

export type FragmentDirectory = { kind: 'missing' } | { kind: 'not-directory' } | { kind: 'directory'; fragments: Fragment[] };

export const fragmentDirectory: Fact<string, FragmentDirectory> = {
  name: 'the fragment directory',
  requires: ['base64'],
  script: (dir) =>
    [
      `d=${shellPathFromHome(dir)}`,
      'if [ ! -e "$d" ]; then echo missing; exit 0; fi',
      'if [ ! -d "$d" ]; then echo not-directory; exit 0; fi',
      'echo directory',
      'for f in "$d"/* "$d"/.*; do',
      '  n=${f##*/}',
      '  [ -e "$f" ] || [ -L "$f" ] || continue',
      '  [ "$n" = . ] || [ "$n" = .. ] && continue',
      '  printf "name=%s\\n" "$(printf %s "$n" | base64 | tr -d "\\n")"',
      '  if [ -f "$f" ]; then if c=$(base64 < "$f" 2>/dev/null); then printf "file=%s\\n" "$(printf %s "$c" | tr -d "\\n")"; else echo unreadable; fi; fi',
      'done',
    ].join('\n'),
  parse: (stdout) => {
    const lines = stdout.split('\n');
    if (lines[0] === 'missing') return { kind: 'missing' };
    if (lines[0] === 'not-directory') return { kind: 'not-directory' };
    const fragments: Fragment[] = [];
    for (const line of lines.slice(1)) {
      if (line.startsWith('name=')) fragments.push({ name: Buffer.from(line.slice(5), 'base64'), isFile: false });
      const last = fragments[fragments.length - 1];
      if (!last) continue;
      if (line.startsWith('file=')) Object.assign(last, { isFile: true, content: Buffer.from(line.slice(5), 'base64') });
      else if (line === 'unreadable') last.isFile = true;
    }
    return { kind: 'directory', fragments };
  },
};
