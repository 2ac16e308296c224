// When the package lists were last updated, read as Ansible's apt module reads it: the mtime of
// apt's periodic update-success stamp when there is one, else of /var/lib/apt/lists. Also the
// target's clock, so "older than cache_valid_time" is judged on the target's time.
import type { Fact } from '../kit/fact.js';

export interface CacheTime {
  /** Seconds since the epoch; 0 when neither file exists. */
  mtime: number;
  now: number;
}

export const STAMP = '/var/lib/apt/periodic/update-success-stamp';
export const LISTS = '/var/lib/apt/lists';

export const aptCacheTime: Fact<void, CacheTime> = {
  name: 'the age of the package lists',
  requires: ['stat', 'date'],
  script: () => `if [ -e ${STAMP} ]; then stat -c %Y ${STAMP}; elif [ -e ${LISTS} ]; then stat -c %Y ${LISTS}; else echo 0; fi; date +%s`,
  parse: (stdout) => {
    const [mtime, now] = stdout.trim().split(/\s+/).map(Number);
    return { mtime: mtime || 0, now: now || 0 };
  },
};
