import { describe, expect, it } from 'vitest';
import { environmentStrings } from '../../../src/executor/environment.js';
import { allConditions, allTags, blockVars, childScope, effective, type Scope } from '../../../src/executor/scope.js';
import { dropOmitted } from '../../../src/executor/module-arguments.js';
import type { InheritableKeywords } from '../../../src/playbook/types.js';
import { OMIT } from '../../../src/template/index.js';

const kw = (k: Partial<InheritableKeywords>): InheritableKeywords => ({ when: [], tags: [], vars: {}, ...k });

describe('inherited keywords', () => {
  const play = kw({ become: true, becomeUser: 'root', tags: ['play'], when: ['a'], vars: { p: 1 } });
  const block = kw({ becomeUser: 'app', tags: ['block'], when: ['b'], vars: { b: 2 } });
  const scope: Scope = childScope({ keywords: [play] }, block);

  it('takes the innermost value that is set, the task first', () => {
    expect(effective(scope, kw({}), 'becomeUser')).toBe('app');
    expect(effective(scope, kw({ becomeUser: 'db' }), 'becomeUser')).toBe('db');
    expect(effective(scope, kw({}), 'become')).toBe(true);
    expect(effective(scope, kw({ become: false }), 'become')).toBe(false);
    expect(effective(scope, kw({}), 'delegateTo')).toBeUndefined();
  });
  it('accumulates conditions and tags from the outside in, each once', () => {
    expect(allConditions(scope, kw({ when: ['c', 'a'] }))).toEqual(['a', 'b', 'c']);
    expect(allTags(scope, kw({ tags: ['task', 'play'] }))).toEqual(['play', 'block', 'task']);
  });
  it('block vars exclude the play vars (they have their own precedence level)', () => {
    expect(blockVars(scope)).toEqual([{ b: 2 }]);
  });
});

describe('argument clean-up', () => {
  it('drops omitted arguments at any depth', () => {
    expect(dropOmitted({ a: 1, b: OMIT, c: { d: OMIT, e: 'x' }, f: [1, OMIT, 2] })).toEqual({ a: 1, c: { e: 'x' }, f: [1, 2] });
  });
  it('turns environment values into strings and drops null ones', () => {
    expect(environmentStrings({ A: 1, B: true, C: null, D: 'x', E: { k: 1 } })).toEqual({ A: '1', B: 'true', D: 'x', E: '{"k":1}' });
    expect(environmentStrings(undefined)).toEqual({});
  });
});
