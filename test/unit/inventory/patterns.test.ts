import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { loadInventory } from '../../../src/inventory/load.js';
import { readLimit, selectHosts, splitHostPattern } from '../../../src/inventory/patterns.js';
import { ansibleAvailable, runAnsibleBatch } from './helpers.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/inventory/compat/yaml-nested');
const { inventory } = loadInventory(['hosts.yml'], { cwd: FIXTURE });
// Groups: web (web01 web03 db1), db (db-a db-b db-c + child web), zoo (z1), site (db, edge), edge (lb1/lb2, fe80::1, child zoo).

describe('splitHostPattern', () => {
  it.each<[string | string[], string[]]>([
    ['a,b[1], c[2:3] , d', ['a', 'b[1]', 'c[2:3]', 'd']],
    ['web:&db:!web01', ['web', '&db', '!web01']],
    ['node[1:3]', ['node[1:3]']],
    ['10.0.0.1', ['10.0.0.1']],
    ['fe80::1', ['fe80::1']],
    ['web[0]:db', ['web[0]', 'db']],
    [['web', 'db,zoo'], ['web', 'db', 'zoo']],
  ])('%j', (pattern, parts) => {
    expect(splitHostPattern(pattern)).toEqual(parts);
  });
});

describe('selectHosts', () => {
  it.each<[string | string[], string[]]>([
    ['all', ['solo', 'web01', 'web03', 'db1', 'db-a', 'db-b', 'db-c', 'lb1.example.com', 'lb2.example.com', 'fe80::1', 'z1']],
    ['web', ['web01', 'web03', 'db1']],
    ['db', ['db-a', 'db-b', 'db-c', 'web01', 'web03', 'db1']],
    ['web01', ['web01']],
    ['web:zoo', ['web01', 'web03', 'db1', 'z1']],
    ['zoo,web', ['z1', 'web01', 'web03', 'db1']],
    [['zoo', 'web'], ['z1', 'web01', 'web03', 'db1']],
    ['db:&web', ['web01', 'web03', 'db1']],
    ['db:!web', ['db-a', 'db-b', 'db-c']],
    ['!web', ['solo', 'db-a', 'db-b', 'db-c', 'lb1.example.com', 'lb2.example.com', 'fe80::1', 'z1']],
    ['&zoo', ['z1']],
    // Ordering: union terms first, then intersections, then exclusions, whatever the written order.
    ['!db1:&web:db', ['web01', 'web03']],
    ['db-*', ['db-a', 'db-b', 'db-c']],
    ['db?', ['db1']],
    ['db[ab]', []],
    ['db-[ab]', ['db-a', 'db-b']],
    ['db-[!a]', ['db-b', 'db-c']],
    ['*.example.com', ['lb1.example.com', 'lb2.example.com']],
    ['~web0[13]', ['web01', 'web03']],
    ['~(web|db)[0-9]+', ['web01', 'web03', 'db1']],
    ['web[0]', ['web01']],
    ['web[-1]', ['db1']],
    ['web[1:]', ['web03', 'db1']],
    ['web[0:1]', ['web01', 'web03']],
    ['*b*[1:2]', ['web03', 'db1']],
    ['e*', ['lb1.example.com', 'lb2.example.com', 'fe80::1', 'z1']],
    ['nothing', []],
    ['*', ['solo', 'web01', 'web03', 'db1', 'db-a', 'db-b', 'db-c', 'lb1.example.com', 'lb2.example.com', 'fe80::1', 'z1']],
    ['ungrouped', ['solo']],
  ])('%j', (pattern, hosts) => {
    expect(selectHosts(inventory, pattern)).toEqual(hosts);
  });

  it('narrows by --limit, with the same grammar and @file', () => {
    expect(selectHosts(inventory, 'db', { limit: 'web:!db1' })).toEqual(['web01', 'web03']);
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-limit-'));
    writeFileSync(join(dir, 'retry'), 'db-b\n\nz1\n');
    expect(selectHosts(inventory, 'all', { limit: '@retry', cwd: dir })).toEqual(['db-b', 'z1']);
    expect(selectHosts(inventory, 'all', { limit: ['@retry', 'solo'], cwd: dir })).toEqual(['solo', 'db-b', 'z1']);
    expect(readLimit('@retry,web01', dir)).toEqual(['db-b', 'z1', 'web01']);
    expect(() => readLimit('@missing', dir)).toThrow(/cannot read limit file 'missing'/);
    expect(() => readLimit(`@${dir}`, '/')).toThrow(/is a directory/);
  });

  it.each([
    ['~web(', /invalid regular expression/],
    ['web[7]', /no host at index 7/],
    ['web:!', /empty host pattern/],
  ])('throws bad-pattern for %s', (pattern, message) => {
    let caught: unknown;
    try {
      selectHosts(inventory, pattern);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(HaRunError);
    expect((caught as HaRunError).code).toBe('bad-pattern');
    expect((caught as HaRunError).message).toMatch(message);
  });
});

const available = ansibleAvailable();

describe.skipIf(!available)('selectHosts matches Ansible’s InventoryManager.get_hosts', () => {
  const queries: { pattern: string; limit?: string }[] = [
    // Not plain 'site': Ansible orders grandchild groups by set iteration (random), ha-run breadth-first by definition.
    ...['all', '*', 'web', 'db', 'edge', 'web:zoo', 'zoo,web', 'db:&web', 'db:!web', '!web', '&zoo', '!db1:&web:db'].map((pattern) => ({ pattern })),
    ...['db-*', 'db?', 'db-[!a]', '*.example.com', '~web0[13]', '~(web|db)[0-9]+', '~.*1$', 'e*', 'site:&~lb'].map((pattern) => ({ pattern })),
    ...['web[0]', 'web[-1]', 'web[1:]', 'web[0:1]', 'web[1:0]', '*b*[1:2]', 'db[2:4]', 'site[0]', 'nothing', 'ungrouped', 'fe80::1', 'lb1.example.com'].map((pattern) => ({ pattern })),
    { pattern: 'db', limit: 'web:!db1' },
    { pattern: 'all', limit: 'edge,solo' },
    { pattern: 'site', limit: '~^db' },
  ];
  type Answer = { hosts: string[] } | { error: string };
  let expected: Answer[] = [];
  /** The same everyday patterns on the other compat inventories (INI, directory, several sources, priorities). */
  const others: [dir: string, sources: string[]][] = [
    ['ini-basic', ['hosts.ini']],
    ['multi', ['a/hosts.yml', 'b/hosts']],
    ['dir-source', ['inv']],
    ['yaml-edges', ['inventory.yaml']],
    ['priority', ['inventory.yml']],
    ['ini-special-groups', ['hosts']],
  ];
  const everyday = ['all', 'prod', 'web:db', '*', 'app:&lb', 'parent', 'child_a:child_b', 'web[1:2]', '!web', 'ungrouped', 'cache', 'tagged:web'];
  let expectedOthers: Answer[][] = [];

  beforeAll(() => {
    const answers = runAnsibleBatch<Answer[][]>('ansible_patterns_batch.py', [
      { cwd: FIXTURE, sources: ['hosts.yml'], queries },
      ...others.map(([dir, sources]) => ({ cwd: join(FIXTURE, '..', dir), sources, queries: everyday.map((pattern) => ({ pattern })) })),
    ]);
    expected = answers[0]!;
    expectedOthers = answers.slice(1);
  });

  it.each(others.map(([dir, sources], i) => [dir, sources, i] as const))('everyday patterns on %s', (dir, sources, i) => {
    const { inventory: other } = loadInventory([...sources], { cwd: join(FIXTURE, '..', dir) });
    expect(everyday.map((p) => selectHosts(other, p))).toEqual(expectedOthers[i]!.map((a) => ('hosts' in a ? a.hosts : a)));
  });

  it.each(queries.map((q, i) => [q.limit ? `${q.pattern} --limit ${q.limit}` : q.pattern, i] as const))('%s', (_label, i) => {
    const q = queries[i]!;
    const answer = expected[i]!;
    if ('error' in answer) expect(() => selectHosts(inventory, q.pattern, { limit: q.limit })).toThrow(HaRunError);
    else expect(selectHosts(inventory, q.pattern, { limit: q.limit })).toEqual(answer.hosts);
  });
});
