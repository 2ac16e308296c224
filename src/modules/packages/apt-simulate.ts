// What an apt-get operation would do, from `apt-get --simulate` (read-only: nothing is locked or
// changed). Used for the operations whose effect cannot be read from package states alone: upgrade,
// autoremove, autoclean, build-dep.
import type { Fact } from '../kit/fact.js';
import { aptGet } from './apt-command.js';
import { ModuleFailure } from '../failure.js';

export interface SimulatedAction {
  kind: 'Inst' | 'Remv' | 'Purg' | 'Del';
  name: string;
  /** The version installed now, for upgrades and removals. */
  from?: string;
  /** The version it would install. */
  to?: string;
}

export const aptSimulate: Fact<readonly string[], SimulatedAction[]> = {
  name: 'what apt-get would do (simulation)',
  requires: ['apt-get'],
  script: (words) => `${aptGet(['-s', '-o', 'Debug::NoLocking=true', ...words])} 2>&1`,
  parse: (stdout, words, rc) => {
    if (rc !== 0) {
      const why = stdout.split('\n').filter((l) => /^E: /.test(l)).join('; ') || stdout.trim().split('\n').slice(-3).join('; ');
      throw new ModuleFailure(`apt-get ${words.join(' ')} would fail: ${why}`, { stdout });
    }
    return parseSimulation(stdout);
  },
};

export function parseSimulation(stdout: string): SimulatedAction[] {
  const actions: SimulatedAction[] = [];
  for (const line of stdout.split('\n')) {
    // "Inst tree (2.1.0-1 Debian:12.8/stable [amd64])", "Inst libx [1.0] (1.1 ...)", "Remv sl [5.02-1+b1]",
    // "Del tree 2.1.0-1 [47.1 kB]".
    const m = /^(Inst|Remv|Purg|Del) (\S+)(?: \[([^\]]+)\])?(?: \((\S+))?(?: (\S+))?/.exec(line);
    if (!m) continue;
    const kind = m[1] as SimulatedAction['kind'];
    if (kind === 'Del') actions.push({ kind, name: m[2] });
    else actions.push({ kind, name: m[2], ...(m[3] ? { from: m[3] } : {}), ...(m[4] ? { to: m[4] } : {}) });
  }
  return actions;
}

/** "install tree 2.1.0-1", "upgrade libx 1.0 → 1.1", "remove sl 5.02-1+b1", "delete the cached tree". */
export function describeAction(a: SimulatedAction): string {
  switch (a.kind) {
    case 'Inst':
      return a.from ? `upgrade ${a.name} ${a.from} → ${a.to ?? '?'}` : `install ${a.name}${a.to ? ` ${a.to}` : ''}`;
    case 'Remv':
      return `remove ${a.name}${a.from ? ` ${a.from}` : ''}`;
    case 'Purg':
      return `purge ${a.name}${a.from ? ` ${a.from}` : ''}`;
    case 'Del':
      return `delete the downloaded archive of ${a.name}`;
  }
}
