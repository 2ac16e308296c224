// Rule: play `hosts:` patterns and --limit parse, and say when they match nothing (as Ansible does:
// a play matching no host is skipped with a warning; a --limit leaving no host at all is an error).
import { diagnostic, HaRunError, type Diagnostic } from '../../errors.js';
import { inventoryHostCount, selectHosts, type Inventory } from '../../inventory/index.js';
import { isTemplateString } from '../../schema/validate.js';
import { sourceOf } from '../source-map.js';
import type { Play, Playbook } from '../types.js';
import { findModule } from '../../modules/registry.js';
import { tasksOf } from '../walk.js';

export interface PlayHosts {
  /** Per play (same order as playbook.plays): the hosts it runs on, or undefined when the pattern is a template. */
  hostsByPlay: (string[] | undefined)[];
  diagnostics: Diagnostic[];
}

export function playHostsMatch(playbook: Playbook, inventory: Inventory, limit?: string): PlayHosts {
  const diagnostics: Diagnostic[] = [];
  // As Ansible: an inventory without hosts is no error (the implicit localhost may still be targeted).
  const noHosts = inventoryHostCount(inventory) === 0;
  if (noHosts) diagnostics.push(diagnostic('empty-inventory', "provided hosts list is empty, only localhost is available. Note that the implicit localhost does not match 'all'", undefined, undefined, 'warning'));
  let usableLimit: string | undefined;
  if (limit !== undefined && limit !== '') {
    const hosts = select(inventory, 'all', undefined, diagnostics, limit);
    if (hosts) {
      usableLimit = limit;
      if (hosts.length === 0 && !noHosts) diagnostics.push(diagnostic('no-hosts-matched', `--limit '${limit}' leaves no hosts to target`, undefined, 'check the pattern against `ha-run inventory --list`'));
    }
  }
  // After add_host or group_by, a pattern matching nothing now may match at run time.
  let inventoryMayChange = false;
  const hostsByPlay = playbook.plays.map((play) => {
    const earlierMayChange = inventoryMayChange;
    inventoryMayChange ||= [...tasksOf(play)].some(({ task }) => findModule(task.module)?.changesInventory === true);
    if (isTemplateString(play.hosts)) return undefined;
    const hosts = select(inventory, play.hosts, play, diagnostics);
    if (!hosts) return [];
    if (hosts.length === 0 && !earlierMayChange) {
      diagnostics.push(diagnostic('no-hosts-matched', `could not match host pattern '${play.hosts}'; the play will be skipped`, hostsLocation(play), undefined, 'warning'));
    }
    // The limit narrows what the play matches (it may name the implicit localhost, which `all` lacks).
    return usableLimit === undefined ? hosts : (select(inventory, play.hosts, play, diagnostics, usableLimit) ?? []);
  });
  return { hostsByPlay, diagnostics };
}

function select(inventory: Inventory, pattern: string, play: Play | undefined, diagnostics: Diagnostic[], limit?: string): string[] | undefined {
  try {
    // --limit may be `@file`, which selectHosts reads relative to the working directory.
    return selectHosts(inventory, pattern, limit === undefined ? { implicitLocalhost: true } : { limit, implicitLocalhost: true });
  } catch (err) {
    if (!(err instanceof HaRunError)) throw err;
    const where = play ? hostsLocation(play) : undefined;
    diagnostics.push(diagnostic(err.code, play ? err.message : `--limit: ${err.message}`, where ?? err.location, err.hint));
    return undefined;
  }
}

function hostsLocation(play: Play) {
  const src = sourceOf(play);
  return src ? src.loaded.locate([...src.path, 'hosts']) : play.location;
}
