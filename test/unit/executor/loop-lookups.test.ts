// with_<lookup> loops and their lookup()/query() forms. Every expected list below is what
// ansible-playbook 2.14 gave for the same value (debug of `item` per iteration, -c local).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { loopItems, lookupSubdirFor, type LoopForm } from '../../../src/executor/loop.js';
import { isUnsafe, markUnsafe, renderValue, withoutUnsafe } from '../../../src/template/index.js';

const users = [
  { name: 'alice', keys: ['ka1', 'ka2'], opts: { sh: 'bash' } },
  { name: 'bob', keys: ['kb1'] },
  { name: 'carol' },
];

// A playbook directory with a files/ dir, as with_fileglob and with_first_found search it.
const playbookDir = mkdtempSync(join(tmpdir(), 'ha-run-loops-'));
mkdirSync(join(playbookDir, 'files', 'globdir'), { recursive: true });
for (const f of ['a.txt', 'b.txt', 'c.conf', '.hidden.txt']) writeFileSync(join(playbookDir, 'files', 'globdir', f), f);
writeFileSync(join(playbookDir, 'files', 'first.txt'), 'one');
const filesDir = join(playbookDir, 'files');

const groups = { all: ['w1', 'w2', 'd1'], ungrouped: [], web: ['w1', 'w2'], db: ['d1'] };
const ctx = { vars: { groups, playbook_dir: playbookDir }, searchPaths: [playbookDir] };

function items(form: LoopForm, value: unknown): unknown {
  return withoutUnsafe(loopItems(value, form, ctx));
}

const cases: [LoopForm, unknown, unknown[]][] = [
  ['with_together', [[1, 2, 3], ['x', 'y']], [[1, 'x'], [2, 'y'], [3, null]]],
  ['with_together', [[1, 2], ['a']], [[1, 'a'], [2, null]]],
  ['with_dict', { k1: 'v1', k2: { n: 2 } }, [{ key: 'k1', value: 'v1' }, { key: 'k2', value: { n: 2 } }]],
  ['with_dict', [{ p: 1 }, { q: 2 }], [{ key: 'p', value: 1 }, { key: 'q', value: 2 }]],
  [
    'with_subelements',
    [users, 'keys', { skip_missing: true }],
    [
      [{ name: 'alice', opts: { sh: 'bash' } }, 'ka1'],
      [{ name: 'alice', opts: { sh: 'bash' } }, 'ka2'],
      [{ name: 'bob' }, 'kb1'],
    ],
  ],
  ['with_subelements', [[{ n: 1, k: ['z'] }], 'k'], [[{ n: 1 }, 'z']]],
  ['with_subelements', [{ skipped: true, results: [] }, 'k'], []],
  ['with_nested', [['x', 'y'], ['p', 'q']], [['x', 'p'], ['x', 'q'], ['y', 'p'], ['y', 'q']]],
  ['with_cartesian', [['x', 'y'], ['p', 'q'], [1]], [['x', 'p', 1], ['x', 'q', 1], ['y', 'p', 1], ['y', 'q', 1]]],
  ['with_sequence', 'start=0 end=4 stride=2 format=host%02x', ['host00', 'host02', 'host04']],
  ['with_sequence', 'count=3', ['1', '2', '3']],
  ['with_sequence', '2-10/4:n%d', ['n2', 'n6', 'n10']],
  ['with_sequence', 'start=5 end=1 stride=-2', ['5', '3', '1']],
  ['with_sequence', 'start=0x10 end=0x12', ['16', '17', '18']],
  ['with_sequence', 'count=0', []],
  ['with_sequence', '4:host%02d', ['host01', 'host02', 'host03', 'host04']],
  ['with_indexed_items', ['a', ['b', 'c']], [[0, 'a'], [1, 'b'], [2, 'c']]],
  ['with_flattened', [1, [2, [3, [4]]], ['x', 'y']], [1, 2, 3, 4, 'x', 'y']],
  ['with_random_choice', ['only'], ['only']],
  ['with_fileglob', 'globdir/*.txt', [join(filesDir, 'globdir/a.txt'), join(filesDir, 'globdir/b.txt')]],
  ['with_fileglob', ['nonexist/*', 'globdir/*.conf'], [join(filesDir, 'globdir/c.conf')]],
  ['with_first_found', ['missing.txt', 'first.txt'], [join(filesDir, 'first.txt')]],
  ['with_first_found', [{ files: ['nope.txt', 'first.txt'], paths: ['files'] }], [join(filesDir, 'first.txt')]],
  ['with_first_found', [{ files: 'nope.txt,first.txt' }], [join(filesDir, 'first.txt')]],
  ['with_first_found', [{ files: ['nope.txt'], skip: true }], []],
  ['with_inventory_hostnames', 'all:!db', ['w1', 'w2']],
  ['with_inventory_hostnames', ['web', 'db'], ['w1', 'w2', 'd1']],
];

describe('with_<lookup> loops give the items Ansible gives', () => {
  it.each(cases)('%s %j', (form, value, expected) => {
    expect(items(form, value)).toEqual(expected);
  });

  it('with_first_found takes names rendered from facts (unsafe text) and searches the subdirectory the action asks for', () => {
    mkdirSync(join(playbookDir, 'vars'), { recursive: true });
    writeFileSync(join(playbookDir, 'vars', 'Debian.yml'), 'x: 1\n');
    const names = markUnsafe(['Debian-12.yml', 'Debian.yml']);
    expect(withoutUnsafe(loopItems(names, 'with_first_found', { ...ctx, lookupSubdir: lookupSubdirFor('include_vars') }))).toEqual([join(playbookDir, 'vars', 'Debian.yml')]);
    // The same names from a task whose action is not about vars look in files/ (as Ansible: not found).
    expect(() => loopItems(names, 'with_first_found', { ...ctx, lookupSubdir: lookupSubdirFor('debug') })).toThrow('No file was found');
    expect([lookupSubdirFor('ansible.builtin.template'), lookupSubdirFor('include_vars'), lookupSubdirFor('copy')]).toEqual(['templates', 'vars', 'files']);
  });

  it('marks the items unsafe, as every lookup result is', () => {
    expect(isUnsafe(loopItems([['a'], ['b']], 'with_together', ctx))).toBe(true);
  });

  it.each([
    ['with_subelements', [users, 'keys'], "could not find 'keys' key in iterated item '{'name': 'carol'}'"],
    ['with_subelements', [users, 'opts.sh', { skip_missing: true }], "the key sh should point to a list, got 'bash'"],
    ['with_subelements', [users], 'expects a list of two or three items'],
    ['with_subelements', [users, 'keys', 'wolves'], "the optional third item must be a dict with flags ('skip_missing',)"],
    ['with_subelements', [9001, 'keys'], "subelements lookup expects a dictionary, got '9001'"],
    ['with_subelements', [users, true], 'expects a list of two or three items, first a dict or a list, second a string pointing to the subkey'],
    ['with_indexed_items', { a: 1 }, 'with_indexed_items expects a list'],
    ['with_together', [], 'with_together requires at least one element in each list'],
    ['with_sequence', 'start=1', 'must specify count or end'],
    ['with_sequence', 'start=3 end=1', 'to count backwards make stride negative'],
    ['with_sequence', 'end=3 step=1', 'unrecognized arguments to with_sequence'],
    ['with_sequence', 'end=x', "can't parse end=x as integer"],
    ['with_first_found', ['nope.txt'], 'No file was found when using first_found'],
    ['with_dict', ['a'], 'with_dict expects a dict'],
  ] as [LoopForm, unknown, string][])('%s %j fails: %s', (form, value, message) => {
    expect(() => loopItems(value, form, ctx)).toThrow(HaRunError);
    expect(() => loopItems(value, form, ctx)).toThrow(message);
  });

  it("fails with the lookup's own message, as Ansible's loops do (the task names the loop already)", () => {
    expect(() => loopItems('start=0 junk=3', 'with_sequence', ctx)).toThrow(/^unrecognized arguments to with_sequence: \['junk'\]$/);
    expect(() => loopItems('A-4/2', 'with_sequence', ctx)).toThrow(/^can't parse start=A as integer$/);
  });
});

describe('the same lookups called from templates', () => {
  const render = (template: string): unknown => withoutUnsafe(renderValue(template, { vars: { a: [1, 2, 3], b: ['x', 'y'], users, groups }, searchPaths: [playbookDir] }));
  it.each([
    ["{{ lookup('together', a, b) }}", [[1, 'x'], [2, 'y'], [3, null]]],
    ["{{ query('nested', b, [1, 2]) }}", [['x', 1], ['x', 2], ['y', 1], ['y', 2]]],
    ["{{ query('sequence', 'start=1 end=3') }}", ['1', '2', '3']],
    ["{{ lookup('sequence', 'start=1 end=3') }}", '1,2,3'],
    ["{{ query('indexed_items', b) }}", [[0, 'x'], [1, 'y']]],
    ["{{ lookup('flattened', [1, [2]]) }}", [1, 2]],
    ["{{ query('subelements', users, 'keys', {'skip_missing': True}) | map('last') | list }}", ['ka1', 'ka2', 'kb1']],
    ["{{ query('dict', {'k': 1}) }}", [{ key: 'k', value: 1 }]],
    ["{{ lookup('fileglob', 'globdir/*.txt') }}", `${join(filesDir, 'globdir/a.txt')},${join(filesDir, 'globdir/b.txt')}`],
    ["{{ query('inventory_hostnames', 'web') }}", ['w1', 'w2']],
  ])('%s', (template, expected) => {
    expect(render(template)).toEqual(expected);
  });
});
