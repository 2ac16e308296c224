// A small inventory built in memory: all > {web > web_eu, db}, host h1 in web_eu and db.
import type { Inventory, InventoryGroup, InventoryHost } from '../../../src/inventory/types.js';

function group(name: string, children: string[], hosts: string[], priority?: number): InventoryGroup {
  return { name, vars: {}, fileVars: {}, children, hosts, ...(priority === undefined ? {} : { priority }) };
}

function host(name: string, groups: string[]): InventoryHost {
  return { name, vars: {}, fileVars: {}, groups };
}

export function sampleInventory(priorities: Record<string, number> = {}): Inventory {
  const groups: InventoryGroup[] = [
    group('all', ['ungrouped', 'web', 'db'], []),
    group('ungrouped', [], ['lonely']),
    group('web', ['web_eu'], ['h2'], priorities.web),
    group('web_eu', [], ['h1'], priorities.web_eu),
    group('db', [], ['h1'], priorities.db),
  ];
  const hosts = [host('h1', ['web_eu', 'db']), host('h2', ['web']), host('lonely', ['ungrouped'])];
  return {
    groups: new Map(groups.map((g) => [g.name, g])),
    hosts: new Map(hosts.map((h) => [h.name, h])),
    sources: ['/inv/hosts.yml'],
    dir: '/inv',
    varsDirs: ['/inv'],
  };
}
