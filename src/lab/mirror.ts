// The Debian mirror the machine already uses: the lab builds from it, so it works wherever apt works.
import { readFileSync } from 'node:fs';
import { HaRunError } from '../errors.js';

const DEB822_SOURCES = '/etc/apt/sources.list.d/debian.sources';
const ONE_LINE_SOURCES = '/etc/apt/sources.list';

/** A release's own main archive (`trixie`), not its `-security` or `-updates` suites. */
const ANY_RELEASE = /^[a-z]+$/;

/**
 * First mirror URI that serves the suite's main archive (not the security one); else the machine's
 * mirror for another release (a Debian 13 machine building the lab's Debian 12 hosts): a Debian
 * mirror serves every release.
 */
export function debianMirror(suite: string): string {
  const deb822 = readOrEmpty(DEB822_SOURCES);
  const list = readOrEmpty(ONE_LINE_SOURCES);
  const found =
    mirrorInDeb822(deb822, suite) ?? mirrorInSourcesList(list, suite) ?? mirrorInDeb822(deb822, ANY_RELEASE) ?? mirrorInSourcesList(list, ANY_RELEASE);
  if (found) return found;
  throw new HaRunError('lab-no-mirror', `no Debian mirror for '${suite}' found in ${DEB822_SOURCES} or ${ONE_LINE_SOURCES}`, {
    hint: 'add a Debian source for apt, e.g. a `deb http://MIRROR/debian bookworm main` line',
  });
}

export function mirrorInDeb822(text: string, suite: string | RegExp): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const types = (fields.get('types') ?? '').split(/\s+/);
    const suites = (fields.get('suites') ?? '').split(/\s+/);
    const uri = (fields.get('uris') ?? '').split(/\s+/)[0];
    if (uri && types.includes('deb') && suites.some((s) => isSuite(s, suite))) return uri;
  }
  return undefined;
}

export function mirrorInSourcesList(text: string, suite: string | RegExp): string | undefined {
  for (const line of text.split('\n')) {
    // `deb [options] URI SUITE COMPONENTS...`
    const match = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (match && isSuite(match[2]!, suite)) return match[1];
  }
  return undefined;
}

function isSuite(name: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
