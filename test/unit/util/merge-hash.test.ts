import { describe, expect, it } from 'vitest';
import { mergeHash } from '../../../src/util/merge-hash.js';

describe('mergeHash (hash_behaviour=merge)', () => {
  it.each([
    ['new keys added, equal ones kept', { a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    ['mappings merged recursively', { n: { a: 21, keep: true } }, { n: { b: 22 } }, { n: { a: 21, keep: true, b: 22 } }],
    ['lists and scalars replaced', { l: [1, 2], s: 'old', m: { x: 1 } }, { l: [3], s: 'new', m: 'now a string' }, { l: [3], s: 'new', m: 'now a string' }],
    ['an already merged value unchanged', { a: { b: 1 } }, { a: { b: 1 } }, { a: { b: 1 } }],
  ])('%s', (_name, older, newer, expected) => {
    expect(mergeHash(older, newer)).toEqual(expected);
  });

  it('leaves both inputs as they were', () => {
    const older = { n: { a: 1 } };
    mergeHash(older, { n: { b: 2 } });
    expect(older).toEqual({ n: { a: 1 } });
  });
});
