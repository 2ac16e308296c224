import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load.js';
import { groupsMap, groupsOf } from '../../../src/inventory/relations.js';
import { tree } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/inventory');

describe('loadInventory: YAML', () => {
  it('reads all/hosts/children/vars, ranges, ports, and keeps definition order', () => {
    const dir = tree({
      'hosts.yml': `all:
  vars: {ntp: pool}
  hosts:
    solo:
  children:
    web:
      hosts:
        web[1:2]:
          role: web
        "lb:2222":
    db:
      children:
        web:
      hosts:
        db1: {ansible_host: 10.0.0.5}
other:
  hosts: single
`,
    });
    const { inventory, diagnostics } = loadInventory(['hosts.yml'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect([...inventory.hosts.keys()]).toEqual(['solo', 'web1', 'web2', 'lb', 'db1', 'single']);
    expect(inventory.hosts.get('web2')!.vars).toEqual({ role: 'web' });
    expect(inventory.hosts.get('lb')!.vars).toEqual({ ansible_port: 2222 });
    expect(inventory.hosts.get('db1')!.vars).toEqual({ ansible_host: '10.0.0.5' });
    expect(inventory.groups.get('all')!.vars).toEqual({ ntp: 'pool' });
    expect(inventory.groups.get('all')!.children).toEqual(['ungrouped', 'web', 'db', 'other']);
    expect(inventory.groups.get('db')!.children).toEqual(['web']);
    expect(inventory.hosts.get('web1')!.location).toEqual({ file: join(dir, 'hosts.yml'), line: 8, col: 9 });
    expect(inventory.sources).toEqual([join(dir, 'hosts.yml')]);
    expect(inventory.dir).toBe(dir);
  });

  it('puts hosts without a group in ungrouped, and takes them out once they have one', () => {
    const dir = tree({ 'a.yml': 'all:\n  hosts:\n    lonely:\n    later:\n', 'b.yml': 'web:\n  hosts:\n    later:\n' });
    const { inventory } = loadInventory(['a.yml', 'b.yml'], { cwd: dir });
    expect(inventory.groups.get('ungrouped')!.hosts).toEqual(['lonely']);
    expect(groupsOf(inventory, 'later')).toEqual(['all', 'web']);
    expect(groupsOf(inventory, 'lonely')).toEqual(['all', 'ungrouped']);
  });

  it('reads `y` and `n` keys as strings, as PyYAML does (only yes/no/true/false/on/off are booleans)', () => {
    const dir = tree({ 'h.yml': 'all:\n  vars:\n    y: 1\n    n: no\n' });
    const { inventory } = loadInventory(['h.yml'], { cwd: dir });
    expect(inventory.groups.get('all')!.vars).toEqual({ y: 1, n: false });
  });

  it('warns about an empty file', () => {
    const dir = tree({ 'empty.yml': '' });
    const { diagnostics } = loadInventory(['empty.yml'], { cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['empty-inventory', 'warning']]);
  });
});

describe('loadInventory: INI', () => {
  it('reads hosts, [g:vars], [g:children] declared before the child, typed values', () => {
    const dir = tree({
      hosts: `top1 ansible_port=2200
[parent:children]
kid
[kid]
k[1:2] weight=5 name="a b"
[kid:vars]
retries=3
label='x'
[all:vars]
flag=True
`,
    });
    const { inventory, diagnostics } = loadInventory(['hosts'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(inventory.groups.get('parent')!.children).toEqual(['kid']);
    expect(inventory.groups.get('kid')!.hosts).toEqual(['k1', 'k2']);
    expect(inventory.hosts.get('k1')!.vars).toEqual({ weight: 5, name: 'a b' });
    expect(inventory.hosts.get('top1')!.vars).toEqual({ ansible_port: 2200 });
    expect(inventory.groups.get('kid')!.vars).toEqual({ retries: 3, label: 'x' });
    expect(inventory.groups.get('all')!.vars).toEqual({ flag: true });
    expect(inventory.groups.get('ungrouped')!.hosts).toEqual(['top1']);
  });

  it('sniffs a file without extension: YAML when it is a mapping of groups, INI otherwise', () => {
    const dir = tree({ yamlish: 'all:\n  hosts:\n    y1:\n', inish: 'i1\ni2 a=1\n' });
    const { inventory, diagnostics } = loadInventory(['yamlish', 'inish'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect([...inventory.hosts.keys()]).toEqual(['y1', 'i1', 'i2']);
  });

  it('reports a broken YAML file without extension as YAML, not as INI', () => {
    const dir = tree({ hosts: 'all:\n  hosts:\n    a: [unclosed\n' });
    const { diagnostics } = loadInventory(['hosts'], { cwd: dir });
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
  });
});

describe('loadInventory: sources', () => {
  it('reads a directory in sorted order, skipping what Ansible skips, descending into subdirectories', () => {
    const dir = tree({
      'inv/b.yml': 'all:\n  hosts:\n    from-b:\n',
      'inv/a': '[g]\nfrom-a\n',
      'inv/sub/c.yml': 'all:\n  hosts:\n    from-sub:\n',
      'inv/notes.md': 'not inventory',
      'inv/old.ini': '[g]\nfrom-ini\n',
      'inv/a~': '[g]\nfrom-backup\n',
      'inv/.hidden': '[g]\nfrom-hidden\n',
      'inv/x.retry': 'from-retry\n',
      'inv/group_vars/g.yml': 'gv: 1\n',
    });
    const { inventory, diagnostics } = loadInventory(['inv'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect([...inventory.hosts.keys()]).toEqual(['from-a', 'from-b', 'from-sub']);
    expect(inventory.groups.get('g')!.fileVars).toEqual({ gv: 1 });
  });

  it('says clearly when a directory has no inventory files, or a source does not exist', () => {
    const dir = tree({ 'inv/README.md': '# nothing', 'inv/group_vars/all.yml': 'a: 1\n' });
    const { diagnostics } = loadInventory(['inv', 'missing.yml'], { cwd: dir });
    expect(diagnostics.map((d) => d.code)).toEqual(['empty-inventory-dir', 'inventory-not-found']);
  });

  it("reads a comma-separated host list (-i 'a,b:2222,')", () => {
    const { inventory, diagnostics } = loadInventory(['a, b:2222,'], { cwd: tmpdir() });
    expect(diagnostics).toEqual([]);
    expect([...inventory.hosts.keys()]).toEqual(['a', 'b']);
    expect(inventory.hosts.get('b')!.vars).toEqual({ ansible_port: 2222 });
    expect(groupsMap(inventory)).toEqual({ all: ['a', 'b'], ungrouped: ['a', 'b'] });
  });

  it('merges several sources: later definitions add hosts and override vars key by key', () => {
    const dir = tree({
      'one.yml': 'web:\n  vars: {a: 1, b: 1}\n  hosts:\n    w1: {x: 1, y: 1}\n',
      'two.yml': 'web:\n  vars: {b: 2}\n  hosts:\n    w1: {y: 2}\n    w2:\n',
    });
    const { inventory } = loadInventory(['one.yml', 'two.yml'], { cwd: dir });
    expect(inventory.groups.get('web')!.hosts).toEqual(['w1', 'w2']);
    expect(inventory.groups.get('web')!.vars).toEqual({ a: 1, b: 2 });
    expect(inventory.hosts.get('w1')!.vars).toEqual({ x: 1, y: 2 });
  });
});

describe('loadInventory: group_vars and host_vars', () => {
  it('finds NAME, NAME.yml, NAME.yaml, NAME.json (first wins) and merges NAME/ directories in sorted order', () => {
    const dir = tree({
      'hosts.yml': 'all:\n  children:\n    web:\n      hosts:\n        w1:\n    db:\n      hosts:\n        d1:\n    cache:\n      hosts:\n        c1:\n',
      'group_vars/web/10-base.yml': 'a: base\nb: base\n',
      'group_vars/web/20-over.yaml': 'b: over\n',
      'group_vars/web/nested/30.json': '{"c": "nested"}',
      'group_vars/web/skip.txt': 'a: skipped\n',
      'group_vars/web/.hidden.yml': 'a: hidden\n',
      'group_vars/db.yml': 'from: yml\n',
      'group_vars/db.json': '{"from": "json"}',
      'group_vars/cache.json': '{"from": "json"}',
      'group_vars/unknown-group.yml': 'ignored: true\n',
      'host_vars/w1': 'hv: bare\n',
      'host_vars/d1.yml': '',
    });
    const { inventory, diagnostics } = loadInventory(['hosts.yml'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(inventory.groups.get('web')!.fileVars).toEqual({ a: 'base', b: 'over', c: 'nested' });
    expect(inventory.groups.get('db')!.fileVars).toEqual({ from: 'yml' });
    expect(inventory.groups.get('cache')!.fileVars).toEqual({ from: 'json' });
    expect(inventory.hosts.get('w1')!.fileVars).toEqual({ hv: 'bare' });
    expect(inventory.hosts.get('d1')!.fileVars).toEqual({});
    expect(inventory.groups.has('unknown-group')).toBe(false);
  });

  it('merges vars dirs of several sources in source order', () => {
    const dir = tree({
      'a/hosts.yml': 'web:\n  hosts:\n    w1:\n',
      'a/group_vars/web.yml': 'x: a\ny: a\n',
      'b/hosts.yml': 'web:\n  hosts:\n    w2:\n',
      'b/group_vars/web.yml': 'y: b\n',
    });
    const { inventory } = loadInventory(['a/hosts.yml', 'b/hosts.yml'], { cwd: dir });
    expect(inventory.groups.get('web')!.fileVars).toEqual({ x: 'a', y: 'b' });
  });
});

/** Bad inputs: each fixture with the diagnostics it must produce (code, severity, file:line:col). */
describe('loadInventory: bad input is reported, all of it, with locations', () => {
  const bad = join(FIXTURES, 'bad');
  it.each<[string, [code: string, file: string, line: number, col: number, severity?: string][], RegExp?]>([
    ['unknown-key.yml', [['unknown-key', 'unknown-key.yml', 2, 3], ['unknown-key', 'unknown-key.yml', 8, 7]], /did you mean 'hosts'/],
    ['wrong-types.yml', [['wrong-type', 'wrong-types.yml', 3, 5], ['invalid-value', 'wrong-types.yml', 8, 25], ['wrong-type', 'wrong-types.yml', 9, 13]]],
    ['cycle.yml', [['group-cycle', 'cycle.yml', 5, 9], ['group-cycle', 'cycle.yml', 10, 9]], /loop/],
    ['bad-ranges.yml', [['bad-range', 'bad-ranges.yml', 3, 5], ['bad-range', 'bad-ranges.yml', 4, 5], ['bad-range', 'bad-ranges.yml', 5, 5], ['bad-range', 'bad-ranges.yml', 6, 5]]],
    ['host-group-conflict.yml', [['host-group-conflict', 'host-group-conflict.yml', 3, 5, 'warning']]],
    ['plugin.yml', [['inventory-plugin', 'plugin.yml', 1, 1]]],
    [
      'bad.ini',
      [
        ['ini-syntax', 'bad.ini', 2, 19],
        ['bad-range', 'bad.ini', 3, 1],
        ['ini-syntax', 'bad.ini', 6, 1],
        ['ini-section', 'bad.ini', 8, 1],
        ['ini-section', 'bad.ini', 18, 1],
        ['undefined-group', 'bad.ini', 13, 1],
        ['undefined-group', 'bad.ini', 15, 1],
      ],
    ],
    ['vars-not-mapping/hosts.yml', [['vars-not-mapping', 'web.yml', 1, 1], ['wrong-type', 'web1.yml', 1, 15]]],
  ])('%s', (source, expected, message) => {
    const { diagnostics } = loadInventory([source], { cwd: bad });
    expect(
      diagnostics.map((d) => [d.code, d.location!.file.split('/').pop(), d.location!.line, d.location!.col, d.severity]),
    ).toEqual(expected.map(([code, file, line, col, severity]) => [code, file, line, col, severity ?? 'error']));
    if (message) expect(diagnostics[0]!.message).toMatch(message);
  });

  it('still loads the good parts next to the bad ones', () => {
    const { inventory } = loadInventory(['bad-ranges.yml'], { cwd: bad });
    expect([...inventory.hosts.keys()]).toEqual(['ok1', 'ok2']);
  });
});
