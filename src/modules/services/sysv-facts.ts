// What the sysvinit side knows about a service: its script in /etc/init.d and its rc?.d links
// (S links: started in some runlevel, i.e. enabled; K links: installed by update-rc.d before).
import { shellQuote } from '../../connection/quote.js';
import type { Fact } from '../kit/fact.js';

/** The init script's path: a name, or an absolute path as given. */
export function initScriptPath(name: string): string {
  return name.startsWith('/') ? name : `/etc/init.d/${name}`;
}

export const initScriptFact: Fact<string, boolean> = {
  name: 'the init script',
  script: (name) => `[ -f ${shellQuote(initScriptPath(name))} ] && echo script; true`,
  parse: (stdout) => stdout.trim() === 'script',
};

export interface RcLinks {
  /** Some runlevel starts it (S??name): enabled. */
  start: boolean;
  /** Some runlevel stops it (K??name): update-rc.d installed it once. */
  kill: boolean;
}

/** The rc?.d links of a service; `tool` is what a module then needs to change them. */
export function rcLinksFact(tool?: string): Fact<string, RcLinks> {
  return {
    name: 'the rc?.d links',
    ...(tool ? { requires: [tool] } : {}),
    script: (name) => {
      const base = shellQuote(name.replace(/^.*\//, ''));
      // The name is quoted, the rc?.d/S?? part stays a glob.
      return `for f in /etc/rc?.d/S??${base}; do [ -e "$f" ] && echo S && break; done\nfor f in /etc/rc?.d/K??${base}; do [ -e "$f" ] && echo K && break; done\ntrue`;
    },
    parse: (stdout) => {
      const lines = stdout.split('\n').map((l) => l.trim());
      return { start: lines.includes('S'), kill: lines.includes('K') };
    },
  };
}
