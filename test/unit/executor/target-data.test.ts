// The one door module results go through on their way into variables: target data becomes unsafe
// text, deeply, so no later template renders what a host sent back; conditions refuse it as code.
import { describe, expect, it } from 'vitest';
import { itemLabel, loopItems } from '../../../src/executor/loop.js';
import { argumentsFor, resultAsVariable } from '../../../src/executor/target-data.js';
import { UnsafeText } from '../../../src/source/yaml.js';
import { evaluateCondition, renderString, renderValue } from '../../../src/template/index.js';
import { isUnsafe } from '../../../src/template/unsafe.js';

const planted = "{{ lookup('file', '/etc/passwd') }}";
const vars = (r: unknown) => ({ r, secret: 'TOPSECRET', n: 5 });

describe('module results become variables as unsafe data', () => {
  const result = () => ({
    changed: true,
    rc: 0,
    stdout: '{{ secret }}',
    stdout_lines: ['{{ secret }}', planted],
    ansible_facts: { distribution_release: '{{ secret }}', mounts: [{ mount: '/{{ secret }}', size: 1 }] },
    nested: { '{{ secret }}': { deep: ['{{ secret }}'] } },
  });

  it('every string, at any depth, is unsafe text; numbers and booleans stay as they are', () => {
    const r = resultAsVariable('command', result()) as Record<string, any>;
    expect(r.stdout).toStrictEqual(new UnsafeText('{{ secret }}'));
    expect(r.stdout_lines[1]).toStrictEqual(new UnsafeText(planted));
    expect(r.ansible_facts.mounts[0].mount).toBeInstanceOf(UnsafeText);
    expect(r.nested['{{ secret }}'].deep[0]).toBeInstanceOf(UnsafeText);
    expect(r.rc).toBe(0);
    expect(r.changed).toBe(true);
  });

  it('the module result itself is left as it was (reporters print it)', () => {
    const raw = result();
    resultAsVariable('ansible.builtin.shell', raw);
    expect(raw.stdout).toBe('{{ secret }}');
  });

  it('a template reading it gives the text, never its rendering, and the result is unsafe again', () => {
    const r = resultAsVariable('command', result());
    const ctx = { vars: vars(r) };
    expect(renderString('{{ r.stdout }} {{ r.stdout_lines[1] }}', ctx)).toBe(`{{ secret }} ${planted}`);
    expect(renderValue('pre-{{ r.stdout }}', ctx)).toStrictEqual(new UnsafeText('pre-{{ secret }}'));
    expect(renderValue('{{ r.stdout_lines }}', ctx)).toStrictEqual([new UnsafeText('{{ secret }}'), new UnsafeText(planted)]);
    // The dict keys of target data are not rendered either.
    expect(Object.keys(renderValue('{{ r.nested }}', ctx) as object)).toEqual(['{{ secret }}']);
    expect(renderString('{{ r.ansible_facts.distribution_release | upper }}', ctx)).toBe('{{ SECRET }}');
  });

  it('a variable set from it (set_fact y="{{ r.stdout }}") stays data when read later', () => {
    const r = resultAsVariable('command', result());
    const y = renderValue('{{ r.stdout }}', { vars: vars(r) });
    const later = { vars: { ...vars(r), y, z: 'x{{ y }}' } };
    expect(renderString('{{ y }}|{{ z }}', later)).toBe('{{ secret }}|x{{ secret }}');
    expect(isUnsafe(renderValue('{{ z }}', later))).toBe(true);
  });

  it('templates that read only safe variables stay safe', () => {
    const r = resultAsVariable('command', result());
    expect(renderValue('{{ secret }}-{{ n }}', { vars: vars(r) })).toBe('TOPSECRET-5');
  });

  it('set_fact and include_vars results are the controller values they were given', () => {
    const facts = { changed: false, ansible_facts: { x: 'text' } };
    expect(resultAsVariable('set_fact', facts)).toBe(facts);
    expect(resultAsVariable('ansible.builtin.include_vars', facts)).toBe(facts);
  });

  it('modules get plain text arguments; set_fact keeps them unsafe', () => {
    const rendered = { content: new UnsafeText('{{ secret }}'), dest: '/tmp/x', list: [new UnsafeText('a')] };
    expect(argumentsFor('copy', rendered)).toEqual({ content: '{{ secret }}', dest: '/tmp/x', list: ['a'] });
    expect(typeof argumentsFor('copy', rendered).content).toBe('string');
    expect(argumentsFor('set_fact', rendered)).toBe(rendered);
  });

  it('loop items made from it are unsafe, with_dict keys too; labels are their text', () => {
    const r = resultAsVariable('command', result()) as Record<string, any>;
    const items = loopItems(renderValue('{{ r.stdout_lines }}', { vars: vars(r) }), 'loop');
    expect(items[0]).toBeInstanceOf(UnsafeText);
    expect(itemLabel(items[0])).toBe('{{ secret }}');
    const dictItems = loopItems(renderValue('{{ r.nested }}', { vars: vars(r) }), 'with_dict') as Record<string, unknown>[];
    expect(dictItems[0]!.key).toStrictEqual(new UnsafeText('{{ secret }}'));
  });
});

describe('conditions on target data', () => {
  const r = resultAsVariable('command', { stdout: '1 == 1', rc: 0, changed: false });

  it('compare it as data', () => {
    expect(evaluateCondition("r.stdout == '1 == 1'", { vars: vars(r) })).toBe(true);
    expect(evaluateCondition('{{ r.rc == 0 }}', { vars: vars(r) })).toBe(true);
    expect(evaluateCondition('{{ r.stdout | length > 0 }}', { vars: vars(r) })).toBe(true);
  });

  it('refuse to evaluate it as a condition, with Ansible\'s message', () => {
    expect(() => evaluateCondition('{{ r.stdout }}', { vars: vars(r) })).toThrow('Conditional is marked as unsafe, and cannot be evaluated.');
    // Ansible: "{{ r.rc }}" renders to the text '0', unsafe as well.
    expect(() => evaluateCondition('{{ r.rc }}', { vars: vars(r) })).toThrow('Conditional is marked as unsafe');
  });

  it('a safe condition written with {{ }} is still evaluated as an expression', () => {
    expect(evaluateCondition('{{ cond }}', { vars: { cond: '1 == 1' } })).toBe(true);
  });
});
