import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/inventory/types.js';
import { groupOrder, mergeVars, precedenceLevels, type VarScopes } from '../../../src/vars/index.js';
import { sampleInventory } from './fixtures.js';

type Scopes = Partial<VarScopes> & { inventory: Inventory; host: string };

/** Every level, lowest first; each sets `x` to its own name in the scopes it is given. */
const levels: [string, (s: Scopes, v: Record<string, unknown>) => void][] = [
  ['role defaults', (s, v) => (s.roleDefaults = [v])],
  ['inventory file: all', (s, v) => (s.inventory.groups.get('all')!.vars = v)],
  ['inventory file: web (parent)', (s, v) => (s.inventory.groups.get('web')!.vars = v)],
  ['inventory file: web_eu (child)', (s, v) => (s.inventory.groups.get('web_eu')!.vars = v)],
  ['inventory group_vars/all', (s, v) => (s.inventory.groups.get('all')!.fileVars = v)],
  ['playbook group_vars/all', (s, v) => s.playbookGroupVars!.set('all', v)],
  ['inventory group_vars/web_eu', (s, v) => (s.inventory.groups.get('web_eu')!.fileVars = v)],
  ['playbook group_vars/web_eu', (s, v) => s.playbookGroupVars!.set('web_eu', v)],
  ['inventory file host vars', (s, v) => (s.inventory.hosts.get('h1')!.vars = v)],
  ['inventory host_vars', (s, v) => (s.inventory.hosts.get('h1')!.fileVars = v)],
  ['playbook host_vars', (s, v) => s.playbookHostVars!.set('h1', v)],
  ['facts', (s, v) => (s.facts = v)],
  ['play vars', (s, v) => (s.playVars = v)],
  ['vars_files', (s, v) => (s.varsFiles = [v])],
  ['role vars', (s, v) => (s.roleVars = [v])],
  ['block vars', (s, v) => (s.blockVars = [v])],
  ['task vars', (s, v) => (s.taskVars = v)],
  ['include_vars', (s, v) => (s.includeVars = v)],
  ['set_fact / register', (s, v) => (s.hostFacts = v)],
  ['role params', (s, v) => (s.roleParams = v)],
  ['include params', (s, v) => (s.includeParams = v)],
  ['extra vars', (s, v) => (s.extraVars = v)],
];

function freshScopes(): Scopes {
  return { inventory: sampleInventory(), host: 'h1', playbookGroupVars: new Map(), playbookHostVars: new Map() };
}

describe('mergeVars precedence', () => {
  it.each(levels.map(([name], i) => [name, i] as const))('%s beats every level below it', (_name, index) => {
    const scopes = freshScopes();
    for (let i = 0; i <= index; i++) levels[i]![1](scopes, { x: levels[i]![0], [`only_${i}`]: true });
    const merged = mergeVars(scopes);
    expect(merged.x).toBe(levels[index]![0]);
    // Lower levels still contribute their other variables.
    for (let i = 0; i <= index; i++) expect(merged[`only_${i}`]).toBe(true);
  });

  it('sets nothing beyond what the levels hold', () => {
    expect(mergeVars(freshScopes())).toEqual({});
  });

  it('replaces dicts across levels instead of merging them (hash_behaviour=replace)', () => {
    const s = freshScopes();
    s.playVars = { conf: { a: 1, b: 2 } };
    s.taskVars = { conf: { b: 3 } };
    expect(mergeVars(s).conf).toEqual({ b: 3 });
  });

  it('applies later entries of list levels over earlier ones (vars_files, role defaults, blocks)', () => {
    const s = freshScopes();
    s.varsFiles = [{ x: 'first', y: 1 }, { x: 'second' }];
    s.blockVars = [{ b: 'outer' }, { b: 'inner' }];
    expect(mergeVars(s)).toMatchObject({ x: 'second', y: 1, b: 'inner' });
  });

  it('magic variables cannot be overridden, not even by extra vars', () => {
    const s = freshScopes();
    s.extraVars = { inventory_hostname: 'spoof' };
    s.magic = { inventory_hostname: 'h1' };
    expect(mergeVars(s).inventory_hostname).toBe('h1');
  });

  it('accepts its scopes in several parts', () => {
    expect(mergeVars({ playVars: { a: 1 } }, { taskVars: { a: 2 } })).toEqual({ a: 2 });
  });

  it('precedenceLevels names where each value comes from', () => {
    const s = freshScopes();
    s.inventory.groups.get('db')!.fileVars = { d: 1 };
    s.taskVars = { t: 1 };
    expect(precedenceLevels(s).map((l) => l.level)).toEqual(['inventory group_vars/db', 'task vars']);
  });
});

describe('groupOrder', () => {
  it('all first, then by depth, then name', () => {
    expect(groupOrder(sampleInventory(), 'h1')).toEqual(['all', 'db', 'web', 'web_eu']);
  });

  it('siblings by ansible_group_priority before name', () => {
    expect(groupOrder(sampleInventory({ db: 10 }), 'h1')).toEqual(['all', 'web', 'db', 'web_eu']);
  });

  it('a deeper group always merges after a shallower one, whatever its priority', () => {
    expect(groupOrder(sampleInventory({ web_eu: 0, db: 10 }), 'h1')).toEqual(['all', 'web', 'db', 'web_eu']);
  });

  it('decides which group var wins for the host', () => {
    const inv = sampleInventory();
    inv.groups.get('web')!.vars = { x: 'web' };
    inv.groups.get('db')!.vars = { x: 'db' };
    expect(mergeVars({ inventory: inv, host: 'h1' }).x).toBe('web');
    const prioritized = sampleInventory({ db: 10 });
    prioritized.groups.get('web')!.vars = { x: 'web' };
    prioritized.groups.get('db')!.vars = { x: 'db' };
    expect(mergeVars({ inventory: prioritized, host: 'h1' }).x).toBe('db');
  });

  it('ungrouped hosts get all and ungrouped', () => {
    expect(groupOrder(sampleInventory(), 'lonely')).toEqual(['all', 'ungrouped']);
  });
});
