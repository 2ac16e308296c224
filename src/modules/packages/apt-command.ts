// How ha-run calls apt-get and dpkg on a target: never interactive, C locale (the output is read),
// and dpkg keeping changed config files the way Ansible's apt module does by default.
import { shellQuote } from '../../connection/quote.js';

export const APT_ENV = 'DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical LC_ALL=C LANG=C';

/** Ansible's default dpkg_options. */
export const DEFAULT_DPKG_OPTIONS = 'force-confdef,force-confold';

/** `force-confdef,force-confold` → `-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold`. */
export function dpkgOptionArgs(options: string | undefined): string[] {
  return (options ?? DEFAULT_DPKG_OPTIONS)
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .flatMap((o) => ['-o', `Dpkg::Options::=--${o}`]);
}

/** One apt-get command line, every word quoted. */
export function aptGet(words: readonly string[]): string {
  return `${APT_ENV} apt-get ${words.map(shellQuote).join(' ')}`;
}
