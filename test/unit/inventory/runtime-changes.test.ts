// add_host and group_by change the in-memory inventory as Ansible's add_dynamic_host/_group do, and
// say whether anything changed (the task's `changed`). Checked against ansible-playbook by the
// differential case inventory_group_by_add_host.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupsMap, groupsOf, loadInventory, selectHosts } from '../../../src/inventory/index.js';
import { addDynamicGroup, addDynamicHost } from '../../../src/inventory/runtime-changes.js';
import { tree } from './helpers.js';

function inventory() {
  const dir = tree({ inv: '[web]\nw1\nw2\n[db]\nd1\n' });
  return loadInventory([join(dir, 'inv')]).inventory;
}

describe('in-memory inventory changes', () => {
  it('group_by: the host joins a new top-level group once; the second time nothing changes', () => {
    const inv = inventory();
    expect(addDynamicGroup(inv, 'w1', 'kind_web', ['all'])).toBe(true);
    expect(addDynamicGroup(inv, 'w1', 'kind_web', ['all'])).toBe(false);
    expect(addDynamicGroup(inv, 'w2', 'kind_web', ['all'])).toBe(true);
    expect(selectHosts(inv, 'kind_web')).toEqual(['w1', 'w2']);
    expect(groupsOf(inv, 'w1')).toContain('kind_web');
    expect(inv.revision).toBeGreaterThan(0);
  });

  it('group_by with parents: the group hangs under them, not under all', () => {
    const inv = inventory();
    expect(addDynamicGroup(inv, 'd1', 'sub', ['meta'])).toBe(true);
    expect(inv.groups.get('all')!.children).toContain('meta');
    expect(inv.groups.get('all')!.children).not.toContain('sub');
    expect(selectHosts(inv, 'meta')).toEqual(['d1']);
  });

  it('group_by under an existing parent: what was derived before (group parents) is derived again', () => {
    const inv = inventory();
    expect(groupsOf(inv, 'w1')).not.toContain('db');
    expect(addDynamicGroup(inv, 'w1', 'web', ['db'])).toBe(true);
    expect(groupsOf(inv, 'w1')).toContain('db');
  });

  it('add_host: a new host in new groups with variables; again the same is no change, a new variable is', () => {
    const inv = inventory();
    expect(addDynamicHost(inv, { name: 'n1', groups: ['added', 'web'], vars: { foo: 'bar' } })).toBe(true);
    expect(addDynamicHost(inv, { name: 'n1', groups: ['added'], vars: { foo: 'bar' } })).toBe(false);
    expect(addDynamicHost(inv, { name: 'n1', groups: [], vars: { foo: 'baz' } })).toBe(true);
    expect(inv.hosts.get('n1')!.vars).toEqual({ foo: 'baz' });
    expect(groupsMap(inv).web).toEqual(['w1', 'w2', 'n1']);
    expect(selectHosts(inv, 'added')).toEqual(['n1']);
  });

  it('add_host without groups puts the host in ungrouped, and a later group takes it out', () => {
    const inv = inventory();
    addDynamicHost(inv, { name: 'lonely', groups: [], vars: {} });
    expect(groupsMap(inv).ungrouped).toEqual(['lonely']);
    expect(addDynamicHost(inv, { name: 'lonely', groups: ['web'], vars: {} })).toBe(true);
    expect(groupsMap(inv).ungrouped).toEqual([]);
  });
});
