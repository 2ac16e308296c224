import { describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { itemLabel, itemVars, loopItems } from '../../../src/executor/loop.js';
import { UnsafeText } from '../../../src/source/yaml.js';
import { isUnsafe, markUnsafe, withoutUnsafe } from '../../../src/template/unsafe.js';

describe('loop normalization', () => {
  it('loop takes a list as it is and refuses anything else', () => {
    expect(loopItems([1, [2, 3]], 'loop')).toEqual([1, [2, 3]]);
    expect(() => loopItems('a,b', 'loop')).toThrow(HaRunError);
    expect(() => loopItems({ a: 1 }, 'loop')).toThrow(/requires a list/);
  });
  it('with_items flattens one level and wraps a lone value', () => {
    expect(loopItems([1, [2, [3]]], 'with_items')).toEqual([1, 2, [3]]);
    expect(withoutUnsafe(loopItems('one', 'with_items'))).toEqual(['one']);
    expect(loopItems(null, 'with_items')).toEqual([]);
  });
  it('with_dict gives key/value items, unsafe as every lookup result', () => {
    expect(isUnsafe(loopItems({ a: 1 }, 'with_dict'))).toBe(true);
    expect(withoutUnsafe(loopItems({ a: 1, b: 2 }, 'with_dict'))).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
  });
  it('with_sequence counts with a format', () => {
    expect(withoutUnsafe(loopItems('start=1 end=3 format=node%d', 'with_sequence'))).toEqual(['node1', 'node2', 'node3']);
    expect(withoutUnsafe(loopItems('count=2', 'with_sequence'))).toEqual(['1', '2']);
  });
  it('with_* items come from lookups: unsafe, never rendered again (as in Ansible)', () => {
    const template = '{{ secret }}';
    const forms = [
      ['with_items', [template, [template]]],
      ['with_list', [template, { nested: template }]],
      ['with_dict', { k: template }],
      ['with_sequence', 'start=1 end=1 format={{x}}%d'],
    ] as const;
    for (const [form, value] of forms) {
      const items = loopItems(value, form);
      expect(items.length, form).toBeGreaterThan(0);
      for (const item of items) expect(isUnsafe(item), `${form}: ${JSON.stringify(withoutUnsafe(item))}`).toBe(true);
    }
    expect(loopItems([template], 'with_items')[0]).toBeInstanceOf(UnsafeText);
    expect((loopItems({ k: template }, 'with_dict')[0] as { value: unknown }).value).toBeInstanceOf(UnsafeText);
    expect(loopItems([1, true, null], 'with_list')).toEqual([1, true, null]); // only text is marked
  });
  it('with_list takes a lone value as a list of one and refuses a mapping as Ansible does', () => {
    expect(withoutUnsafe(loopItems('hello', 'with_list'))).toEqual(['hello']);
    expect(() => loopItems({ key: 'value' }, 'with_list')).toThrow('with_list expects a list');
    expect(() => loopItems({ key: 'value' }, 'loop')).toThrow("Invalid data passed to 'loop'");
  });
  it('loop items are as safe as the values they come from', () => {
    const safe = loopItems(['{{ secret }}', 'plain'], 'loop');
    expect(safe).toEqual(['{{ secret }}', 'plain']);
    expect(isUnsafe(safe)).toBe(false);
    const fromTarget = loopItems(markUnsafe(['{{ secret }}']), 'loop');
    expect(fromTarget[0]).toBeInstanceOf(UnsafeText);
    expect(loopItems([markUnsafe('{{ a }}'), 'b'], 'loop').map((v) => isUnsafe(v))).toEqual([true, false]);
  });
  it('item vars: loop_var, index_var and extended ansible_loop', () => {
    const items = ['a', 'b', 'c'];
    expect(itemVars(items, 1, undefined)).toEqual({ item: 'b', ansible_loop_var: 'item' });
    const v = itemVars(items, 2, { loopVar: 'pkg', indexVar: 'i', extended: true });
    expect(v.pkg).toBe('c');
    expect(v.i).toBe(2);
    expect(v.ansible_loop).toMatchObject({ index: 3, index0: 2, first: false, last: true, length: 3, revindex: 1, revindex0: 0, previtem: 'b' });
    // At the ends the neighbour is absent (`is undefined` in a condition), not a None.
    expect(v.ansible_loop).not.toHaveProperty('nextitem');
    expect(itemVars(items, 0, { extended: true }).ansible_loop).not.toHaveProperty('previtem');
  });
  it('labels items as text', () => {
    expect(itemLabel('x')).toBe('x');
    expect(itemLabel({ a: 1, b: [true, null, 'x'] })).toBe("{'a': 1, 'b': [True, None, 'x']}");
  });
});
