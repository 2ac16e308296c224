// Everything proven before any connection: the playbook, the inventory, each play's hosts, the
// playbook's group_vars/host_vars. Any problem → ValidationError with all diagnostics (exit 4).
import { dirname } from 'node:path';
import { ValidationError, hasErrors, type Diagnostic } from '../errors.js';
import type { Inventory } from '../inventory/types.js';
import type { Playbook } from '../playbook/types.js';
import { loadInventory, loadVarsBeside, selectHosts } from '../inventory/index.js';
import { loadPlaybook } from '../playbook/load.js';

export interface PreparedPlaybook {
  playbook: Playbook;
  inventory: Inventory;
  /** Hosts of each play, in inventory order, --limit applied. */
  hostsPerPlay: string[][];
  playbookVars: { groupVars: Map<string, Record<string, unknown>>; hostVars: Map<string, Record<string, unknown>> };
  warnings: Diagnostic[];
}

export interface PrepareRequest {
  playbook: string;
  inventorySources: string[];
  limit?: string;
  extraVars?: Record<string, unknown>;
}

export function playHosts(inventory: Inventory, pattern: string, limit: string | undefined): string[] {
  const hosts = selectHosts(inventory, pattern);
  if (!limit) return hosts;
  const allowed = new Set(selectHosts(inventory, limit));
  return hosts.filter((h) => allowed.has(h));
}

export function preparePlaybook(req: PrepareRequest): PreparedPlaybook {
  const diagnostics: Diagnostic[] = [];
  const { playbook, diagnostics: pbDiags } = loadPlaybook(req.playbook);
  diagnostics.push(...pbDiags);
  const { inventory, diagnostics: invDiags } = loadInventory(req.inventorySources);
  diagnostics.push(...invDiags);
  if (!playbook || hasErrors(diagnostics)) throw new ValidationError(diagnostics);
  const hostsPerPlay = playbook.plays.map((p) => playHosts(inventory, p.hosts, req.limit));
  const beside = loadVarsBeside(dirname(playbook.file), { groups: inventory.groups.keys(), hosts: inventory.hosts.keys() });
  diagnostics.push(...beside.diagnostics);
  if (hasErrors(diagnostics)) throw new ValidationError(diagnostics);
  return {
    playbook,
    inventory,
    hostsPerPlay,
    playbookVars: { groupVars: beside.groupVars, hostVars: beside.hostVars },
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}
