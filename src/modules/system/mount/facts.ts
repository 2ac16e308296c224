// Whether a path is mounted: `mountpoint -q` (Python's ismount) or a line of /proc/self/mountinfo
// with it as mount point (bind mounts); the source mounted there is the line's source field.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import { escapeField } from './fstab.js';

export interface MountStatus {
  mounted: boolean;
  /** The source of what is mounted there (mountinfo's source field), when mounted. */
  source?: string;
  /** The path exists (a mount point is created when missing). */
  exists: boolean;
}

export const mountStatus: Fact<string, MountStatus> = {
  name: 'the mounts',
  requires: ['mount', 'umount'],
  script: (path) =>
    [
      `[ -e ${shellQuote(path)} ] && echo exists`,
      `mountpoint -q -- ${shellQuote(path)} 2>/dev/null && echo ismount`,
      // mountinfo escapes spaces in its fields as fstab does; the separator ' - ' ends the optional fields.
      `awk -v p=${shellQuote(escapeField(path).replace(/\\/g, '\\\\'))} '$5 == p { sub(/.* - /, ""); print "info " $0 }' /proc/self/mountinfo 2>/dev/null`,
      'true',
    ].join('\n'),
  parse(stdout) {
    const lines = stdout.split('\n');
    const info = lines.filter((l) => l.startsWith('info ')).pop();
    return {
      exists: lines.includes('exists'),
      mounted: lines.includes('ismount') || info !== undefined,
      ...(info !== undefined ? { source: info.split(' ')[2] } : {}),
    };
  },
};
