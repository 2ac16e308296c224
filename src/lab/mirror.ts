// The Debian mirror the machine already uses: the lab builds from it, so it works wherever apt works.
import { readFileSync } from 'node:fs';
import { HaRunError } from '../errors.js';

const DEB822_SOURCES = '/etc/apt/sources.list.d/debian.sources';
const ONE_LINE_SOURCES = '/etc/apt/sources.list';

/** First mirror URI that serves the suite's main archive (not the security one). */
export function debianMirror(suite: string): string {
  const fromDeb822 = mirrorInDeb822(readOrEmpty(DEB822_SOURCES), suite);
  if (fromDeb822) return fromDeb822;
  const fromList = mirrorInSourcesList(readOrEmpty(ONE_LINE_SOURCES), suite);
  if (fromList) return fromList;
  throw new HaRunError('lab-no-mirror', `no Debian mirror for '${suite}' found in ${DEB822_SOURCES} or ${ONE_LINE_SOURCES}`, {
    hint: 'add a Debian source for apt, e.g. a `deb http://MIRROR/debian bookworm main` line',
  });
}

export function mirrorInDeb822(text: string, suite: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const types = (fields.get('types') ?? '').split(/\s+/);
    const suites = (fields.get('suites') ?? '').split(/\s+/);
    const uri = (fields.get('uris') ?? '').split(/\s+/)[0];
    if (uri && types.includes('deb') && suites.includes(suite)) return uri;
  }
  return undefined;
}

export function mirrorInSourcesList(text: string, suite: string): string | undefined {
  for (const line of text.split('\n')) {
    // `deb [options] URI SUITE COMPONENTS...`
    const match = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (match && match[2] === suite) return match[1];
  }
  return undefined;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
