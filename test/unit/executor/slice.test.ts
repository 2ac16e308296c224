// --slice K/N: the option's form, and the partition every slice computes the same way.
import { describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import type { PreparedPlaybook } from '../../../src/executor/prepare.js';
import { parseSlice, partition, sliced } from '../../../src/executor/slice.js';

describe('parseSlice', () => {
  it('reads K/N', () => {
    expect(parseSlice('2/3')).toEqual({ number: 2, count: 3 });
    expect(parseSlice(' 1 / 1 ')).toEqual({ number: 1, count: 1 });
  });

  it.each([
    ['0/3', 'K from 1 to N (3)'],
    ['4/3', 'K from 1 to N (3)'],
    ['1/0', 'N of at least 1'],
    ['2', 'takes K/N'],
    ['-1/3', 'takes K/N'],
    ['1.5/3', 'takes K/N'],
    ['a/b', 'takes K/N'],
  ])('refuses %s with exit 5', (text, says) => {
    let caught: unknown;
    try {
      parseSlice(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(HaRunError);
    expect((caught as HaRunError).message).toContain(says);
    expect((caught as HaRunError).exitCode).toBe(5);
  });
});

describe('partition', () => {
  const hosts = ['web10', 'db1', 'web2', 'web1', 'lb', 'web3', 'db2'];

  it('sorts the hosts by name and deals them out in turn', () => {
    expect(Object.fromEntries(partition(hosts, 3))).toEqual({ db1: 1, db2: 2, lb: 3, web1: 1, web10: 2, web2: 3, web3: 1 });
  });

  it('does not depend on the order the hosts come in, nor on duplicates', () => {
    const reversed = partition([...hosts].reverse(), 3);
    const twice = partition([...hosts, ...hosts], 3);
    expect(Object.fromEntries(reversed)).toEqual(Object.fromEntries(partition(hosts, 3)));
    expect(Object.fromEntries(twice)).toEqual(Object.fromEntries(partition(hosts, 3)));
  });

  it('gives every host exactly one slice, the slices within one host of each other in size', () => {
    const many = Array.from({ length: 101 }, (_v, i) => `node${i}`);
    for (const n of [1, 2, 3, 7, 101, 150]) {
      const owner = partition(many, n);
      expect(owner.size).toBe(many.length);
      const sizes = Array.from({ length: n }, (_v, k) => [...owner.values()].filter((s) => s === k + 1).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('sorts by code units, not by the locale (the same on every controller)', () => {
    expect([...partition(['b', 'B', 'a', 'A'], 4).entries()]).toEqual([
      ['A', 1],
      ['B', 2],
      ['a', 3],
      ['b', 4],
    ]);
  });
});

describe('sliced', () => {
  /** Only what slicing reads of a prepared playbook. */
  const prepared = (hostsPerPlay: string[][], rematch: (i: number) => string[] = (i) => hostsPerPlay[i]!) =>
    ({ hostsPerPlay, rematchHosts: rematch }) as unknown as PreparedPlaybook;

  it('partitions the hosts of all plays of all playbooks together: a host is in one slice for the whole run', () => {
    const run = [prepared([['a', 'b', 'c'], ['c', 'd']]), prepared([['e', 'a']])];
    const slices = [1, 2].map((number) => sliced(run, { number, count: 2 }).map((p) => p.hostsPerPlay));
    expect(slices[0]).toEqual([[['a', 'c'], ['c']], [['e', 'a']]]);
    expect(slices[1]).toEqual([[['b'], ['d']], [[]]]);
  });

  it('keeps the play order of the hosts', () => {
    expect(sliced([prepared([['c', 'b', 'a']])], { number: 1, count: 1 })[0]!.hostsPerPlay).toEqual([['c', 'b', 'a']]);
  });

  it('a host matched again at run time keeps its slice; one only this run added (add_host) stays', () => {
    const p = sliced([prepared([['a', 'b']], () => ['a', 'b', 'added'])], { number: 2, count: 2 })[0]!;
    expect(p.rematchHosts(0)).toEqual(['b', 'added']);
  });
});
