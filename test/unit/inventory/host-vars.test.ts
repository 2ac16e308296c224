import { describe, expect, it } from 'vitest';
import { InventoryBuilder } from '../../../src/inventory/builder.js';
import { hostVarLayers, hostVars } from '../../../src/inventory/host-vars.js';
import { groupDepths, groupsMap, groupsOf } from '../../../src/inventory/relations.js';
import type { Inventory } from '../../../src/inventory/types.js';

/**
 * all ─ parent ─┬─ child_a (h1, h2)
 *               └─ child_b (h1)          priority 10
 *     sibling (h2)                        priority 3
 */
function sample(): Inventory {
  const b = new InventoryBuilder();
  b.addChild('parent', 'child_a');
  b.addChild('parent', 'child_b');
  b.addHostToGroup('h1', 'child_a');
  b.addHostToGroup('h2', 'child_a');
  b.addHostToGroup('h1', 'child_b');
  b.addHostToGroup('h2', 'sibling');
  b.setGroupVar('all', 'v', 'all');
  b.setGroupVar('parent', 'v', 'parent');
  b.setGroupVar('child_a', 'v', 'child_a');
  b.setGroupVar('child_b', 'v', 'child_b');
  b.setGroupVar('child_b', 'ansible_group_priority', 10);
  b.setGroupVar('sibling', 'ansible_group_priority', '3');
  b.setGroupVar('sibling', 'v', 'sibling');
  const inv = b.finish([], '/');
  inv.groups.get('all')!.fileVars = { v: 'all_file', f: 'all_file' };
  inv.groups.get('parent')!.fileVars = { f: 'parent_file' };
  inv.hosts.get('h1')!.vars = { h: 'inline' };
  inv.hosts.get('h1')!.fileVars = { h: 'host_file' };
  return inv;
}

describe('hostVars: Ansible merge order', () => {
  it('children beat parents, higher priority beats lower at the same depth, group_vars files beat all inline group vars', () => {
    const inv = sample();
    // h1: all < parent < child_a < child_b (priority 10); then group_vars/all and group_vars/parent files.
    expect(hostVars(inv, 'h1')).toEqual({ v: 'all_file', f: 'parent_file', h: 'host_file' });
    expect(hostVarLayers(inv, 'h1').map((l) => `${l.kind}:${l.name}`)).toEqual([
      'all_inventory:all',
      'groups_inventory:parent',
      'groups_inventory:child_a',
      'groups_inventory:child_b',
      'all_plugins_inventory:all',
      'groups_plugins_inventory:parent',
      'host_inventory:h1',
      'host_plugins_inventory:h1',
    ]);
  });

  it("puts a playbook's group_vars/host_vars right after their inventory counterparts", () => {
    const inv = sample();
    const playbook = {
      groupVars: new Map([
        ['all', { v: 'pb_all', pa: 'pb_all' }],
        ['child_a', { f: 'pb_child_a' }],
      ]),
      hostVars: new Map([['h1', { h: 'pb_host' }]]),
    };
    expect(hostVars(inv, 'h1', playbook)).toEqual({ v: 'pb_all', pa: 'pb_all', f: 'pb_child_a', h: 'pb_host' });
    expect(hostVarLayers(inv, 'h1', playbook).map((l) => `${l.kind}:${l.name}`)).toEqual([
      'all_inventory:all',
      'groups_inventory:parent',
      'groups_inventory:child_a',
      'groups_inventory:child_b',
      'all_plugins_inventory:all',
      'all_plugins_play:all',
      'groups_plugins_inventory:parent',
      'groups_plugins_play:child_a',
      'host_inventory:h1',
      'host_plugins_inventory:h1',
      'host_plugins_play:h1',
    ]);
  });

  it('orders groups by depth, then priority, then name', () => {
    const inv = sample();
    inv.groups.get('all')!.fileVars = {};
    // h2 is in child_a (depth 2) and sibling (depth 1, priority 3); parent (depth 1, priority 1) merges before sibling.
    expect(groupsOf(inv, 'h2')).toEqual(['all', 'parent', 'sibling', 'child_a']);
    expect(hostVars(inv, 'h2')).toEqual({ v: 'child_a', f: 'parent_file' });
    expect(groupsOf(inv, 'h1')).toEqual(['all', 'parent', 'child_a', 'child_b']);
    expect(Object.fromEntries(groupDepths(inv))).toEqual({ all: 0, ungrouped: 1, parent: 1, child_a: 2, child_b: 2, sibling: 1 });
  });

  it('keeps ansible_group_priority out of the variables', () => {
    const inv = sample();
    expect(inv.groups.get('child_b')!.priority).toBe(10);
    expect(inv.groups.get('sibling')!.priority).toBe(3);
    expect(hostVars(inv, 'h1')).not.toHaveProperty('ansible_group_priority');
  });

  it('is empty for an unknown host', () => {
    expect(hostVars(sample(), 'nope')).toEqual({});
    expect(groupsOf(sample(), 'nope')).toEqual([]);
  });
});

describe('groupsMap (the `groups` magic variable)', () => {
  it('lists every group with its hosts through children, including all and ungrouped', () => {
    const b = new InventoryBuilder();
    b.addHostToGroup('loner', 'all');
    b.addChild('parent', 'child_a');
    b.addHostToGroup('h1', 'child_a');
    b.addHostToGroup('p1', 'parent');
    const inv = b.finish([], '/');
    expect(groupsMap(inv)).toEqual({
      all: ['loner', 'p1', 'h1'],
      ungrouped: ['loner'],
      parent: ['p1', 'h1'],
      child_a: ['h1'],
    });
  });
});

describe('InventoryBuilder', () => {
  it('refuses cycles and self-parenting, keeping the graph acyclic', () => {
    const b = new InventoryBuilder();
    expect(b.addChild('a', 'b')).toBe(true);
    expect(b.addChild('b', 'c')).toBe(true);
    expect(b.addChild('c', 'a')).toBe(false);
    expect(b.addChild('a', 'a')).toBe(false);
    expect(b.diagnostics.map((d) => d.code)).toEqual(['group-cycle', 'group-cycle']);
    expect(b.groups.get('c')!.children).toEqual([]);
  });

  it('reports a non-numeric ansible_group_priority', () => {
    const b = new InventoryBuilder();
    b.setGroupVar('g', 'ansible_group_priority', 'high');
    expect(b.diagnostics.map((d) => d.code)).toEqual(['wrong-type']);
  });
});
