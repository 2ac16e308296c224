// Bad or odd templates end in a TemplateError with a code, never in a raw JavaScript error.
import { describe, expect, it } from 'vitest';
import { TemplateError, evaluateCondition, referencedVariables, renderString, renderValue } from '../../../src/template/index.js';

const ctx = { vars: { l: [1, 2], d: { a: 1 }, s: 'str', n: 3, none: null } };

const odd = [
  '{{ l.append }}',
  '{{ n() }}',
  '{{ d.items }}',
  '{{ none.x }}',
  '{{ none[0] }}',
  '{{ l[1:2:0] }}',
  '{{ n[0] }}',
  '{{ n.x.y }}',
  '{{ s | int(base=16) }}',
  '{{ l | join(d) }}',
  '{{ d | map("upper") | list }}',
  '{{ n | sort }}',
  '{{ l | combine(d) }}',
  '{{ d | dict2items(1, 2) }}',
  '{{ s | regex_replace("(", "") }}',
  '{{ s | regex_search("[") }}',
  '{{ 1 / 0 }}',
  '{{ 1 // 0 }}',
  '{{ 1 % 0 }}',
  '{{ s * s }}',
  '{{ l - l }}',
  '{{ -s }}',
  '{{ s < n }}',
  '{{ l < d }}',
  '{{ n in n }}',
  '{{ 1 in s }}',
  '{% for x in n %}{% endfor %}',
  '{% for a, b in l %}{% endfor %}',
  '{% set a, b = l %}{{ a }}{{ b }}',
  '{{ range(1, 2, 0) }}',
  '{{ lookup() }}',
  '{{ lookup("nope") }}',
  '{{ lookup("file") }}',
  "{{ 'x' | version('1', 'weird') }}",
  "{{ '' is version('1', '<') }}",
  '{{ s | b64decode | from_json }}',
  '{{ "a: [" | from_yaml }}',
  '{{ l | hash("nope") }}',
  '{{ l | items2dict }}',
  '{{ d.get() }}',
  '{{ s.split("") }}',
  '{{ s.index("zz") }}',
  '{{ l.index(9) }}',
  '{{ l.pop(5) if false else l | first }}',
  '{{ [].pop() }}',
  '{{ "%d" % "x" }}',
  '{{ "%s %s" % n }}',
  '{{ "{0}".format() }}',
  '{{ dict([1, 2]) }}',
  '{% extends "x" %}',
  '{% block b %}{% endblock %}',
  '{% macro m() %}{% endmacro %}{{ m(1, 2, 3) }}',
  '{{ loop }}',
  '{{ x',
  '{% if %}',
  '{% for %}',
  '{{ }}',
  '{{ ) }}',
  "{{ 'unterminated }}",
  '{{ a.1.2.3 }}',
  '{{ a[] }}',
  '{{ l[::] }}',
  '{{ {1: 2}[1] }}',
  '{{ {"a": {"b": {"c": 1}}}.a.b.c }}',
];

describe.each(odd)('%s', (template) => {
  it('renders or fails with a TemplateError', () => {
    for (const run of [() => renderString(template, ctx), () => renderValue(template, ctx)]) {
      try {
        run();
      } catch (err) {
        expect(err).toBeInstanceOf(TemplateError);
        expect(['undefined-variable', 'template-syntax', 'template-error']).toContain((err as TemplateError).code);
        expect((err as TemplateError).message.length).toBeGreaterThan(0);
      }
    }
    expect(() => referencedVariables(template)).not.toThrow();
  });
});

describe('conditions from YAML values', () => {
  it('judges non-string values by Python truthiness', () => {
    expect(evaluateCondition(1 as unknown as string, ctx)).toBe(true);
    expect(evaluateCondition(null as unknown as string, ctx)).toBe(false);
    expect(evaluateCondition('', ctx)).toBe(false);
  });
});
