import { describe, expect, it } from 'vitest';
import { inventoryYaml, labInventory, toYaml } from '../../../src/lab/inventory-writer.js';
import type { LabSpec } from '../../../src/lab/lab-file.js';
import type { LabPaths, LabState } from '../../../src/lab/state.js';
import { parseYaml } from '../../../src/source/yaml.js';

const paths: LabPaths = {
  dir: '/labs/demo',
  state: '/labs/demo/state.json',
  privateKey: '/labs/demo/id_ed25519',
  publicKey: '/labs/demo/id_ed25519.pub',
  knownHosts: '/labs/demo/known hosts',
  inventory: '/labs/demo/inventory.yml',
};

const spec: LabSpec = {
  name: 'demo',
  file: '/src/lab.yml',
  vars: { region: 'lab' },
  groupVars: { db: { port: 3306 } },
  images: {},
  hosts: [
    { name: 'db1', kind: 'systemd', groups: ['db', 'db_primary'], vars: { id: 1 } },
    { name: 'web1', kind: 'plain', groups: [], vars: {} },
  ],
};

const state: LabState = {
  name: 'demo',
  labFile: '/src/lab.yml',
  network: 'ha-run-lab-demo',
  subnet: '10.213.0.0/24',
  hosts: {
    db1: { name: 'db1', kind: 'systemd', groups: ['db', 'db_primary'], container: 'c1', port: 20001, address: '10.213.0.10', image: 'i' },
    web1: { name: 'web1', kind: 'plain', groups: [], container: 'c2', port: 20002, address: '10.213.0.11', image: 'i' },
  },
};

describe('lab inventory', () => {
  it('gives each host its connection settings, lab_ip and vars; groups list their hosts', () => {
    const inventory = labInventory(spec, state, paths) as { all: Record<string, any> };
    expect(inventory.all.hosts.db1).toEqual({
      ansible_host: '127.0.0.1',
      ansible_port: 20001,
      ansible_user: 'root',
      ansible_ssh_private_key_file: '/labs/demo/id_ed25519',
      lab_ip: '10.213.0.10',
      id: 1,
    });
    expect(inventory.all.children).toEqual({
      db: { hosts: { db1: {} }, vars: { port: 3306 } },
      db_primary: { hosts: { db1: {} } },
    });
    expect(inventory.all.vars.ansible_ssh_common_args).toBe('-o UserKnownHostsFile=/labs/demo/known hosts -o StrictHostKeyChecking=yes');
    expect(inventory.all.vars.region).toBe('lab');
  });

  it('hands the stand-in images it built to every host as lab_images, and nothing when there are none', () => {
    const images = { rancher_server: { image: 'ha-run-lab/rancher-server-stand-in:abc', archive: '/labs/demo/images/r.tar' } };
    const withImages = labInventory(spec, { ...state, images }, paths) as { all: Record<string, any> };
    expect(withImages.all.vars.lab_images).toEqual(images);
    const without = labInventory(spec, state, paths) as { all: Record<string, any> };
    expect(without.all.vars).not.toHaveProperty('lab_images');
  });

  it('writes YAML that reads back (as YAML 1.1, like Ansible) to the same structure', () => {
    const text = inventoryYaml(spec, state, paths);
    const loaded = parseYaml(text, 'inventory.yml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual(labInventory(spec, state, paths));
  });

  it('quotes keys and strings YAML 1.1 would otherwise turn into booleans, numbers or nulls', () => {
    const value = { yes: 'no', 'on': 'null', '0644': '0644', 'a key': ['x', 1, true, null], nested: { empty: {}, list: [] } };
    const loaded = parseYaml(toYaml(value), 'x.yml');
    expect(loaded.value).toEqual(value);
  });
});
