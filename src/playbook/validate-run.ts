// validateRun: everything a run needs, proven before any connection: playbook (syntax, schema,
// includes, roles), inventory, host patterns, handlers, source files and variables. Throws one
// ValidationError carrying every problem; returns the warnings with the validated inputs.
import { dirname, resolve } from 'node:path';
import { hasErrors, ValidationError, type Diagnostic } from '../errors.js';
import { loadInventory, loadVarsBeside, type Inventory, type VarsBeside } from '../inventory/index.js';
import { loadPlaybook } from './load.js';
import { playHostsMatch } from './rules/host-patterns.js';
import { includeVarsFilesLoad } from './rules/include-vars-files.js';
import { inventoryAssertionsHold } from './rules/inventory-assertions.js';
import { notifyNamesAHandler } from './rules/notify-handlers.js';
import { runCertainty } from './rules/run-certainty.js';
import { sliceable } from './rules/sliceable.js';
import { sourceFilesExist } from './rules/source-files-exist.js';
import { variablesAreDefined } from './rules/undefined-variables.js';
import type { Playbook } from './types.js';
import { walkPlay } from './walk.js';
import { MISSING_MAYBE } from './normalize-tasks.js';
import { NOT_EVERY_RUN } from './load-session.js';
import type { TagSelection } from '../executor/tags.js';
import { appendAll } from '../util/append.js';

export interface ValidateRunOptions {
  playbook: string;
  inventorySources: string[];
  limit?: string;
  extraVars?: Record<string, unknown>;
  /** --tags / --skip-tags: a task they leave out is not certainly run (its problems are warnings). */
  tags?: TagSelection;
  /** --slice: plays that depend on hosts of other slices are refused (rules/sliceable.ts). */
  sliced?: boolean;
}

export interface ValidatedRun {
  playbook: Playbook;
  inventory: Inventory;
  /** Per play: the hosts it targets after --limit, or undefined when its pattern is a template. */
  hostsByPlay: (string[] | undefined)[];
  /** group_vars/ and host_vars/ beside the playbook (Ansible reads them too). */
  varsBesidePlaybook: VarsBeside;
  /** Warnings (no errors: those are thrown). */
  diagnostics: Diagnostic[];
}

export function validateRun(options: ValidateRunOptions): ValidatedRun {
  const loadedPlaybook = loadPlaybook(options.playbook);
  const { inventory, diagnostics: inventoryProblems } = loadInventory(options.inventorySources);
  const diagnostics: Diagnostic[] = [...loadedPlaybook.diagnostics, ...inventoryProblems];
  const playbook = loadedPlaybook.playbook;
  const playbookDir = dirname(resolve(options.playbook));
  const inventoryUsable = !hasErrors(inventoryProblems);
  // Host patterns and source files can be checked on what loaded despite errors; handler and variable
  // checks cannot (a task dropped for an error may be the one defining a name).
  const { hostsByPlay, diagnostics: hostProblems } = playHostsMatch(loadedPlaybook.partial, inventory, inventoryUsable ? options.limit : undefined);
  if (inventoryUsable) appendAll(diagnostics, hostProblems);
  // Read after the host patterns, which may have added the implicit localhost (host_vars/localhost.yml).
  // When the inventory's own vars directory is the playbook's, the inventory loader has read them already.
  const readWithInventory = inventory.varsDirs.includes(playbookDir);
  const varsBesidePlaybook = readWithInventory
    ? { groupVars: new Map(), hostVars: new Map(), diagnostics: [] }
    : loadVarsBeside(playbookDir, { groups: inventory.groups.keys(), hosts: inventory.hosts.keys() });
  appendAll(diagnostics, varsBesidePlaybook.diagnostics);
  diagnostics.push(...sourceFilesExist(loadedPlaybook.partial), ...includeVarsFilesLoad(loadedPlaybook.partial));
  if (options.sliced) appendAll(diagnostics, sliceable(loadedPlaybook.partial, loadedPlaybook.sources));
  if (playbook && inventoryUsable) {
    const outside = [...inventoryVariableNames(inventory), ...Object.keys(options.extraVars ?? {})];
    for (const vars of [...varsBesidePlaybook.groupVars.values(), ...varsBesidePlaybook.hostVars.values()]) appendAll(outside, Object.keys(vars));
    const certainty = runCertainty(playbook, hostsByPlay.map((hosts) => (hosts ?? []).length > 0), options.tags);
    // An include of a missing file or role, or a task whose arguments do not fit its module, fails
    // every run that reaches it.
    for (const play of playbook.plays) {
      for (const { item } of walkPlay(play)) {
        const problems = item.kind === 'task' ? (item.argsProblems ?? []) : (item.kind === 'include_tasks' || item.kind === 'include_role') && item.missing ? [item.missing] : [];
        if (problems.length === 0 || !certainty.runs(item)) continue;
        for (const p of problems) Object.assign(p, { severity: 'error', message: p.message.replace(MISSING_MAYBE, '').replace(NOT_EVERY_RUN, '') });
      }
    }
    diagnostics.push(...notifyNamesAHandler(playbook), ...variablesAreDefined({ playbook, files: loadedPlaybook.sources, outside, certainty }));
    // Evaluated only on input that is otherwise sound: the assertions read what the rest proved.
    if (!hasErrors(diagnostics)) {
      appendAll(diagnostics, inventoryAssertionsHold({ playbook, inventory, hostsByPlay, varsBesidePlaybook, extraVars: options.extraVars, tags: options.tags }));
    }
  } else if (playbook) {
    diagnostics.push(...notifyNamesAHandler(playbook));
  }
  const unique = dedupe(diagnostics);
  if (hasErrors(unique) || !playbook) throw new ValidationError(unique);
  return { playbook, inventory, hostsByPlay, varsBesidePlaybook, diagnostics: unique };
}

/** Every variable name any host or group sets in the inventory (and its group_vars/host_vars). */
function inventoryVariableNames(inventory: Inventory): Set<string> {
  const names = new Set<string>();
  for (const entity of [...inventory.hosts.values(), ...inventory.groups.values()]) {
    for (const k of Object.keys(entity.vars)) names.add(k);
    for (const k of Object.keys(entity.fileVars)) names.add(k);
  }
  return names;
}

/** A role used twice is checked twice: report each problem once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.location?.file}:${d.location?.line}:${d.location?.col}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
