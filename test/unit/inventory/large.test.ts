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

// How fast these go is bench:validate's business (1000 hosts included); here only what they produce.
describe('a 1000-host inventory', () => {
  it('loads every host without a problem', () => {
    const { inventory, diagnostics } = loadInventory(['hosts.yml'], { cwd: bigInventory() });
    expect(diagnostics).toEqual([]);
    expect(inventory.hosts.size).toBe(1000);
  });

  it('selects by pattern and merges each host\'s vars', () => {
    const { inventory } = loadInventory(['hosts.yml'], { cwd: bigInventory() });
    expect(selectHosts(inventory, 'east:!east_0')).toHaveLength(400);
    expect(hostVars(inventory, 'west-3-7')).toMatchObject({ ntp: 'pool.ntp.org', tier: 3, id: 7, ansible_host: '10.3.7.1' });
  });
});
