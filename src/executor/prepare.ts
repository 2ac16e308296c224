// Everything proven before any connection (src/playbook's validateRun: playbook, inventory, host
// patterns, handlers, files, variables), turned into what the executor runs. Any problem →
// ValidationError with all diagnostics (exit 4).
import type { Diagnostic } from '../errors.js';
import type { Inventory } from '../inventory/types.js';
import type { Playbook } from '../playbook/types.js';
import { selectHosts } from '../inventory/index.js';
import { validateRun } from '../playbook/validate-run.js';
import { renderString } from './deps.js';
import type { TagSelection } from './tags.js';

export interface PreparedPlaybook {
  playbook: Playbook;
  inventory: Inventory;
  /** Hosts of each play, in inventory order, --limit applied. */
  hostsPerPlay: string[][];
  /** The hosts of play `i` matched again now: add_host and group_by may have changed the inventory since. */
  rematchHosts(i: number): string[];
  playbookVars: { groupVars: Map<string, Record<string, unknown>>; hostVars: Map<string, Record<string, unknown>> };
  warnings: Diagnostic[];
}

export interface PrepareRequest {
  playbook: string;
  inventorySources: string[];
  limit?: string;
  extraVars?: Record<string, unknown>;
  tags?: TagSelection;
  /** --slice: refuse plays that cannot be sliced. */
  sliced?: boolean;
}

export function playHosts(inventory: Inventory, pattern: string, limit: string | undefined): string[] {
  // selectHosts reads `--limit @file` itself; a playbook may target Ansible's implicit localhost.
  return selectHosts(inventory, pattern, limit ? { limit, implicitLocalhost: true } : { implicitLocalhost: true });
}

export function preparePlaybook(req: PrepareRequest): PreparedPlaybook {
  const v = validateRun(req);
  // A templated `hosts:` is only known now: Ansible renders it with the play's vars and -e.
  const pattern = (i: number) => renderString(v.playbook.plays[i]!.hosts, { vars: { ...v.playbook.plays[i]!.vars, ...req.extraVars } });
  const hostsPerPlay = v.playbook.plays.map((_play, i) => v.hostsByPlay[i] ?? playHosts(v.inventory, pattern(i), req.limit));
  return {
    playbook: v.playbook,
    inventory: v.inventory,
    hostsPerPlay,
    rematchHosts: (i) => playHosts(v.inventory, pattern(i), req.limit),
    playbookVars: { groupVars: v.varsBesidePlaybook.groupVars, hostVars: v.varsBesidePlaybook.hostVars },
    warnings: v.diagnostics,
  };
}
