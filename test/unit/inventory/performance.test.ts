import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostVars } from '../../../src/inventory/host-vars.js';
import { loadInventory } from '../../../src/inventory/load.js';
import { selectHosts } from '../../../src/inventory/patterns.js';

/** 1000 hosts in 10 groups under 2 parents, each host with a few vars. */
function bigInventory(): string {
  const lines = ['all:', '  vars: {ntp: pool.ntp.org}', '  children:'];
  for (const parent of ['east', 'west']) {
    lines.push(`    ${parent}:`, '      children:');
    for (let g = 0; g < 5; g++) {
      lines.push(`        ${parent}_${g}:`, '          vars: {tier: ' + g + '}', '          hosts:');
      for (let h = 0; h < 100; h++) lines.push(`            ${parent}-${g}-${h}: {ansible_host: 10.${g}.${h}.1, ansible_port: 22, id: ${h}}`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-big-'));
  writeFileSync(join(dir, 'hosts.yml'), lines.join('\n') + '\n');
  return dir;
}

describe('inventory performance', () => {
  it('loads a 1000-host inventory well under 100 ms', () => {
    const dir = bigInventory();
    loadInventory(['hosts.yml'], { cwd: dir }); // warm up module-level caches (schema compilation)
    // CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      const { inventory, diagnostics } = loadInventory(['hosts.yml'], { cwd: dir });
      const used = process.cpuUsage(start);
      runs.push((used.user + used.system) / 1000);
      expect(diagnostics).toEqual([]);
      expect(inventory.hosts.size).toBe(1000);
    }
    const best = Math.min(...runs);
    expect(best).toBeLessThan(100);
  });

  it('selects and merges vars for 1000 hosts quickly', () => {
    const { inventory } = loadInventory(['hosts.yml'], { cwd: bigInventory() });
    const start = performance.now();
    expect(selectHosts(inventory, 'east:!east_0')).toHaveLength(400);
    for (const host of inventory.hosts.keys()) hostVars(inventory, host);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
