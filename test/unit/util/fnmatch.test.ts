import { describe, expect, it } from 'vitest';
import { fnmatchRegExp } from '../../../src/util/fnmatch.js';

// Expected values as Python's fnmatch.fnmatchcase gives them.
describe('fnmatchRegExp', () => {
  it.each([
    ['ansible_eth*', 'ansible_eth0', true],
    ['ansible_eth*', 'xansible_eth0', false],
    ['node?', 'node1', true],
    ['node?', 'node12', false],
    ['node[13]', 'node3', true],
    ['node[!13]', 'node3', false],
    ['node[!13]', 'node2', true],
    ['a.b', 'axb', false],
    ['web[', 'web[', true],
    ['x*', 'x\ny', true],
  ] as const)('%s against %j: %s', (glob, name, expected) => {
    expect(fnmatchRegExp(glob).test(name)).toBe(expected);
  });
});
