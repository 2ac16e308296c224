// Everything the systemd plan reads about one unit, in one round trip.
import { probeOf } from '../../kit/probe.js';
import { ask } from '../../kit/fact.js';
import type { ModuleContext } from '../../types.js';
import { initScriptFact, rcLinksFact } from '../sysv-facts.js';
import { unitEnabledFact, unitInstallFact, unitShowFact, type EnabledAnswer, type UnitQuery } from './facts.js';

export interface UnitFacts {
  unit: string;
  /** `systemctl show`, as Ansible registers it in `status`. */
  props: Record<string, string>;
  /** Why `systemctl show` failed, if it did. */
  showError?: string;
  enabled: EnabledAnswer;
  /** What enabling hooks it into, for the reason ("wanted by multi-user.target"). */
  install: string[];
  /** An /etc/init.d script by that name (systemd runs it through its sysv generator). */
  initScript: boolean;
  /** That script is started in some runlevel (an S link). */
  sysvStarted: boolean;
}

export async function gatherUnit(ctx: ModuleContext, q: UnitQuery): Promise<UnitFacts> {
  const [show, enabled, install, initScript, links] = await probeOf(ctx.conn).many(
    ask(unitShowFact, q),
    ask(unitEnabledFact, q),
    ask(unitInstallFact, q),
    ask(initScriptFact, q.unit),
    ask(rcLinksFact(), q.unit),
  );
  return { unit: q.unit, props: show.props, ...(show.error ? { showError: show.error } : {}), enabled, install, initScript, sysvStarted: links.start };
}
