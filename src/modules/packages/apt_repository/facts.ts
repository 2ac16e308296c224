// The one-line sources files apt reads: /etc/apt/sources.list and sources.list.d/*.list, with their
// content (base64, so any byte survives the trip).
import type { Fact } from '../../kit/fact.js';

export const SOURCES_LIST = '/etc/apt/sources.list';
export const SOURCES_DIR = '/etc/apt/sources.list.d';

export const sourcesFiles: Fact<void, Record<string, string>> = {
  name: 'the apt sources files',
  requires: ['base64'],
  script: () => `for f in ${SOURCES_LIST} ${SOURCES_DIR}/*.list; do [ -f "$f" ] || continue; printf '%s\\n' "$f"; base64 < "$f" | tr -d '\\n'; echo; done`,
  parse: (stdout) => {
    const lines = stdout.split('\n');
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < lines.length; i += 2) {
      if (!lines[i]) break;
      out[lines[i]] = Buffer.from(lines[i + 1], 'base64').toString('utf8');
    }
    return out;
  },
};
