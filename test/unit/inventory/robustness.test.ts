// Whatever the file holds, loading reports diagnostics and never throws (a stack trace on bad input is a bug).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/errors.js';
import { loadInventory } from '../../../src/inventory/load.js';
import { tree } from './helpers.js';

const badYaml = [
  'all: 5',
  'all: [1, 2]',
  '- just\n- a list',
  '"a string"',
  'all:\n  hosts:\n    a: 5',
  'all:\n  hosts: [a, b]',
  'all:\n  children: [x]',
  'all:\n  children:\n    x: 5',
  'all:\n  vars: 5',
  'all:\n  vars: [a]',
  'all:\n  hosts:\n    "web[": ',
  'all:\n  hosts:\n    "web[1:2:3:4]": ',
  'all:\n  children:\n    all:\n',
  'all:\n  children:\n    ungrouped:\n      children:\n        all:\n',
  'all:\n  hosts:\n    a:\n      ansible_port: {x: 1}',
  'all:\n  vars:\n    ansible_group_priority: [1]',
  'all:\n\tbad: tab',
  'a: &x [*x]',
  'all: {hosts: {a: }, hosts: {b: }}',
];

const badIni = ['[', '[]', '[a:b:c]', '[a b]', 'host "unclosed', 'host a', '[all:vars]\n=', '[all:vars]\n = 1', 'h =1', '[g:children]\n[x', 'h[9:1]', 'h:', '---'];

describe('bad inventories never throw', () => {
  it.each(badYaml.map((t) => [JSON.stringify(t), t]))('YAML %s', (_label, text) => {
    const dir = tree({ 'inv.yml': text });
    const { diagnostics } = loadInventory(['inv.yml'], { cwd: dir });
    expect(hasErrors(diagnostics)).toBe(true);
    for (const d of diagnostics) expect(d.location?.file).toContain('inv.yml');
  });

  it.each(badIni.map((t) => [JSON.stringify(t), t]))('INI %s', (_label, text) => {
    const dir = tree({ 'inv.ini': text });
    const { diagnostics } = loadInventory(['inv.ini'], { cwd: dir });
    expect(hasErrors(diagnostics)).toBe(true);
    for (const d of diagnostics) expect(d.location).toMatchObject({ file: expect.stringContaining('inv.ini'), line: expect.any(Number) });
  });
});

describe('invalid UTF-8 in an inventory is an error where it is', () => {
  it.each([
    ['inv.ini', Buffer.concat([Buffer.from('[web]\nweb1 note=caf'), Buffer.from([0xe9]), Buffer.from('\n')]), 2, 14],
    ['hosts', Buffer.concat([Buffer.from('web1\nweb2 x='), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), 2, 8],
    ['inv.yml', Buffer.concat([Buffer.from('all:\n  hosts:\n    w'), Buffer.from([0xc3]), Buffer.from(':\n')]), 3, 6],
  ])('%s', (name, bytes, line, col) => {
    const dir = tree({});
    writeFileSync(join(dir, name), bytes);
    const { diagnostics } = loadInventory([name], { cwd: dir });
    expect(diagnostics).toMatchObject([{ code: 'invalid-utf8', location: { file: join(dir, name), line, col } }]);
  });
});
