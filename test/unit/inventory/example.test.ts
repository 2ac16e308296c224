import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostVars } from '../../../src/inventory/host-vars.js';
import { loadInventory } from '../../../src/inventory/load.js';
import { selectHosts } from '../../../src/inventory/patterns.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('inventory/production.example.yml', () => {
  const { inventory, diagnostics } = loadInventory(['inventory/production.example.yml'], { cwd: ROOT });

  it('loads without problems', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has the groups the site playbooks use', () => {
    expect(selectHosts(inventory, 'mysql_primary')).toEqual(['db1.example.com']);
    expect(selectHosts(inventory, 'mysql')).toEqual(['db1.example.com', 'db2.example.com', 'db3.example.com']);
    expect(selectHosts(inventory, 'loadbalancer')).toHaveLength(1);
    expect(selectHosts(inventory, 'rancher_servers')).toEqual(['rancher1.example.com', 'rancher2.example.com', 'rancher3.example.com']);
    expect(selectHosts(inventory, 'rancher_agents')).toHaveLength(4);
  });

  it('gives every host its connection variables', () => {
    expect(hostVars(inventory, 'db2.example.com')).toMatchObject({ ansible_host: '10.10.1.12', ansible_user: 'deploy', mysql_server_id: 2, mysql_max_connections: 500 });
    expect(hostVars(inventory, 'agent03.example.com')).toMatchObject({ ansible_port: 2222, ansible_become: true });
  });
});
