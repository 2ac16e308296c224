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

/** How long apt-get waits for another apt or dpkg (an unattended upgrade, a parallel run) to let go: Ansible's default lock_timeout. */
export const DEFAULT_LOCK_TIMEOUT_S = 60;

export function lockTimeoutArgs(seconds: number = DEFAULT_LOCK_TIMEOUT_S): string[] {
  return ['-o', `DPkg::Lock::Timeout=${seconds}`];
}

/** One apt-get command line, every word quoted; it waits for the dpkg lock unless the words say how long. */
export function aptGet(words: readonly string[]): string {
  const waits = words.some((w) => w.startsWith('DPkg::Lock::Timeout='));
  return `${APT_ENV} apt-get ${[...(waits ? [] : lockTimeoutArgs()), ...words].map(shellQuote).join(' ')}`;
}
