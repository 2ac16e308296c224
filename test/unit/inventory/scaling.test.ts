// Loading an inventory and working out every host's groups and variables grows linearly with its size.
// Timing is measured in CPU time (not wall time, which other processes stretch) and judged by growth:
// four times the hosts may take at most ten times as long (a quadratic step takes sixteen).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupsMap } from '../../../src/inventory/index.js';
import { hostVars } from '../../../src/inventory/host-vars.js';
import { listInventory } from '../../../src/inventory/listing.js';
import { loadInventory } from '../../../src/inventory/load.js';
import { selectHosts } from '../../../src/inventory/patterns.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-run-scaling-'));

/** Hosts spread over 10 groups, each with two variables, or (ownGroups) each host in a group of its own. */
function inventoryFile(format: 'ini' | 'yml', hosts: number, shape: 'ten-groups' | 'own-groups' = 'ten-groups'): string {
  const groups = shape === 'ten-groups' ? 10 : hosts;
  const perGroup = hosts / groups;
  const out: string[] = format === 'yml' ? ['all:', '  children:'] : [];
  for (let g = 0; g < groups; g++) {
    out.push(format === 'yml' ? `    g${g}:\n      hosts:` : `[g${g}]`);
    for (let h = 0; h < perGroup; h++) {
      const name = `host-${g}-${h}`;
      out.push(format === 'yml' ? `        ${name}: {ansible_host: 10.0.0.${h % 250}, id: ${h}}` : `${name} ansible_host=10.0.0.${h % 250} id=${h}`);
    }
  }
  const file = join(dir, `${shape}-${hosts}.${format}`);
  writeFileSync(file, out.join('\n') + '\n');
  return file;
}

/** CPU milliseconds `work` takes. */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function loadAndResolve(file: string, expectedHosts: number): void {
  const { inventory, diagnostics } = loadInventory([file]);
  expect(diagnostics).toEqual([]);
  expect(inventory.hosts.size).toBe(expectedHosts);
  expect(selectHosts(inventory, 'all')).toHaveLength(expectedHosts);
  for (const host of inventory.hosts.keys()) hostVars(inventory, host);
  groupsMap(inventory);
  listInventory(inventory);
}

/** Time for n and 4n hosts; the larger must stay within 10x (plus a millisecond floor against timer noise). */
function expectLinear(format: 'ini' | 'yml', n: number, shape: 'ten-groups' | 'own-groups'): void {
  const small = inventoryFile(format, n, shape);
  const large = inventoryFile(format, 4 * n, shape);
  loadAndResolve(small, n); // warm up the JIT first, so the small run is not charged for it
  const smallMs = cpuMs(() => loadAndResolve(small, n));
  const largeMs = cpuMs(() => loadAndResolve(large, 4 * n));
  expect(largeMs, `${n} hosts: ${smallMs.toFixed(0)} ms, ${4 * n} hosts: ${largeMs.toFixed(0)} ms`).toBeLessThan(10 * Math.max(smallMs, 50));
}

describe('inventory size', () => {
  it('INI: 25k and 100k hosts in ten groups', () => expectLinear('ini', 25_000, 'ten-groups'), 120_000);
  it('YAML: 5k and 20k hosts in ten groups', () => expectLinear('yml', 5_000, 'ten-groups'), 120_000);
  it('INI: 5k and 20k hosts, each in a group of its own', () => expectLinear('ini', 5_000, 'own-groups'), 120_000);
  it('YAML: 10k hosts in one group', () => {
    const file = join(dir, 'one-group.yml');
    const lines = ['all:', '  hosts:'];
    for (let h = 0; h < 10_000; h++) lines.push(`    h${h}: {id: ${h}}`);
    writeFileSync(file, lines.join('\n') + '\n');
    // A single mapping of 10k keys: the YAML library's duplicate-key check alone was quadratic in it (~6 s).
    expect(cpuMs(() => loadAndResolve(file, 10_000))).toBeLessThan(5_000);
  });
});
