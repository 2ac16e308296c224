import { describe, expect, it } from 'vitest';
import { referencedVariables } from '../../../src/template/index.js';

describe('referencedVariables', () => {
  it.each([
    ['{{ a }} {{ b.c }} {{ d["e"] }} {{ f[g] }}', ['a', 'b', 'd', 'f', 'g'], []],
    ['{{ a | join(sep) }} {{ x.split(",") }}', ['a', 'sep', 'x'], []],
    ['{% set z = y %}{{ z }}', ['y'], []],
    ['{% for k, v in items %}{{ k }}{{ v }}{{ loop.index }}{{ outer }}{% endfor %}{{ k2 }}', ['items', 'outer', 'k2'], []],
    ['{% macro m(p, q=dflt) %}{{ p }}{{ q }}{{ r }}{% endmacro %}{{ m(1) }}', ['dflt', 'r'], []],
    ['{{ x | default(y) }}', ['y'], ['x']],
    ['{{ x.attr | d("z") }}', [], ['x']],
    ['{% if x is defined %}{{ x }}{% else %}{{ w }}{% endif %}', ['w'], ['x']],
    ['{% if x is undefined %}none{% else %}{{ x }}{% endif %}', [], ['x']],
    ['{{ x if x is defined else y }}', ['y'], ['x']],
    ['{{ lookup("env", "HOME") }} {{ omit }} {{ range(3) }} {{ True }} {{ None }}', [], []],
    ['{{ hostvars[inventory_hostname].ansible_host }}', ['hostvars', 'inventory_hostname'], []],
    ['{% for u in users if u.admin and u.name != skip %}{{ u.name }}{% endfor %}', ['users', 'skip'], []],
    ['plain text', [], []],
  ])('%s', (template, names, optional) => {
    const refs = referencedVariables(template);
    expect(refs.error).toBeUndefined();
    expect(refs.names).toEqual(names);
    expect(refs.optional).toEqual(optional);
  });

  // Names read wherever the template renders: not only in a branch, a loop body or a macro.
  it.each([
    ['{{ a }} {{ b if c else d }}', ['a', 'c']],
    ['{% if c %}{{ x }}{% else %}{{ y }}{% endif %}{{ z }}', ['c', 'z']],
    ['{% for i in items %}{{ per_item }}{% endfor %}', ['items']],
    ['{% macro m() %}{{ in_macro }}{% endmacro %}', []],
  ])('certain names of %s', (template, certain) => {
    expect(referencedVariables(template).certain).toEqual(certain);
  });

  it.each([
    ['left and right', ['left']],
    ['left or right | bool', ['left']],
  ])('certain names of the expression %s', (expression, certain) => {
    expect(referencedVariables(expression, { expression: true }).certain).toEqual(certain);
  });

  it.each([
    ['x is defined and x > 1', [], ['x']],
    ['x is not defined or x == 1', [], ['x']],
    ['result.rc == 0 and not skip', ['result', 'skip'], []],
    ['item.name in allowed', ['item', 'allowed'], []],
    // A test's argument without parentheses is read like one in them.
    ['n is divisibleby step and other is sameas none', ['n', 'step', 'other'], []],
    ['x is not ansible.builtin.defined or x is eq limit', ['limit'], ['x']],
  ])('expression %s', (expr, names, optional) => {
    const refs = referencedVariables(expr, { expression: true });
    expect(refs.names).toEqual(names);
    expect(refs.optional).toEqual(optional);
  });

  it('lists filters, tests and lookups ha-run does not have, with their positions', () => {
    const refs = referencedVariables("{{ x | to_json | json_query('a') }}\n{{ x is fancy }} {{ lookup('url', 'id') }}  {{ lookup('env', 'HOME') }} {{ x | ansible.builtin.to_json }}");
    expect(refs.unknown).toEqual([
      { kind: 'filter', name: 'json_query', line: 1, col: 18 },
      { kind: 'test', name: 'fancy', line: 2, col: 9 },
      { kind: 'lookup', name: 'url', line: 2, col: 28 },
    ]);
    expect(referencedVariables('{{ x | default(1) is defined }}').unknown).toEqual([]);
    expect(referencedVariables('{{ x is fancy 3 }}').unknown).toEqual([{ kind: 'test', name: 'fancy', line: 1, col: 9 }]);
    expect(referencedVariables('x | nofilter', { expression: true }).unknown).toEqual([{ kind: 'filter', name: 'nofilter', line: 1, col: 5 }]);
  });

  it('returns the syntax error instead of throwing', () => {
    const refs = referencedVariables('ok\n{{ a + }}');
    expect(refs.names).toEqual([]);
    expect(refs.error?.message).toContain('template syntax error');
    expect(refs.error?.line).toBe(2);
    expect(referencedVariables('a ==', { expression: true }).error).toBeDefined();
  });
});
