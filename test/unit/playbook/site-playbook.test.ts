// The example Rancher HA playbook validates against the lab's generated inventory and the production example.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { loadLabFile } from '../../../src/lab/lab-file.js';
import { inventoryYaml } from '../../../src/lab/inventory-writer.js';
import type { LabState } from '../../../src/lab/state.js';
import { validateRun, type ValidatedRun } from '../../../src/playbook/validate-run.js';
import { formatDiagnostic } from '../../../src/output/diagnostics.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SITE = join(ROOT, 'playbooks/site.yml');

/** The inventory `ha-run lab up` writes for lab/ha.yml, with made-up ports and addresses. */
function labInventory(): string {
  const spec = loadLabFile(join(ROOT, 'lab/ha.yml'));
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-lab-inv-'));
  const state: LabState = { name: spec.name, labFile: spec.file, network: 'ha-net', subnet: '10.77.0.0/24', hosts: {} };
  spec.hosts.forEach((h, i) => {
    state.hosts[h.name] = { name: h.name, kind: h.kind, groups: h.groups, container: `ha-${h.name}`, port: 20022 + i, address: `10.77.0.${10 + i}`, image: 'x' };
  });
  const paths = { dir, state: join(dir, 'state.json'), privateKey: join(dir, 'id'), publicKey: join(dir, 'id.pub'), knownHosts: join(dir, 'known_hosts'), inventory: join(dir, 'inventory.yml') };
  writeFileSync(paths.inventory, inventoryYaml(spec, state, paths));
  return paths.inventory;
}

function validate(inventory: string): ValidatedRun {
  try {
    return validateRun({ playbook: SITE, inventorySources: [inventory] });
  } catch (err) {
    if (err instanceof ValidationError) throw new Error(err.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    throw err;
  }
}

describe('playbooks/site.yml', () => {
  it('validates against the lab inventory, every play with hosts', () => {
    const run = validate(labInventory());
    expect(run.diagnostics).toEqual([]);
    // validate (layout, MySQL settings), preflight, mysql (3 plays), loadbalancer, bootstrap, servers (first, all), hosts, backups, summary.
    expect(run.playbook.plays.map((p) => p.hosts)).toEqual([
      'all[0]',
      'mysql',
      'mysql:loadbalancer:rancher_servers:rancher_agents',
      'mysql',
      'mysql_primary',
      'mysql_replicas',
      'loadbalancer',
      'rancher_servers[0]',
      'rancher_servers[0]',
      'rancher_servers',
      'rancher_agents',
      'mysql_replicas[0]',
      'loadbalancer[0]',
    ]);
    expect(run.hostsByPlay.map((h) => h?.length)).toEqual([1, 3, 8, 3, 1, 2, 1, 1, 1, 3, 1, 1, 1]);
  });

  const production = join(ROOT, 'inventory/production.example.yml');
  it.skipIf(!existsSync(production))('validates against inventory/production.example.yml', () => {
    const run = validate(production);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run.hostsByPlay.every((h) => h !== undefined && h.length > 0)).toBe(true);
  });
});

describe('the repository inventory folder', () => {
  // `-i inventory/` reads every file there as an inventory: the lab file (a lab description, not an
  // inventory) used to sit among them and broke it.
  it('is an inventory as a whole, with no lab description among its files', () => {
    const run = validate(join(ROOT, 'inventory'));
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run.hostsByPlay.every((h) => h !== undefined && h.length > 0)).toBe(true);
  });
});
