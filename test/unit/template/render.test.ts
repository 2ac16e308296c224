import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsafeText } from '../../../src/source/yaml.js';
import {
  OMIT,
  TemplateError,
  evaluateCondition,
  evaluateExpression,
  isOmit,
  isTemplate,
  renderString,
  renderValue,
} from '../../../src/template/index.js';
import { templateError as caught } from './helpers/template-error.js';

const vars = { n: 5, l: [1, 2], d: { a: 1 }, s: 'text', json: '[1, 2]', t: 'True', none: null, empty: [] };
const ctx = { vars };

describe('isTemplate', () => {
  it.each([
    ['{{ x }}', true],
    ['{% if x %}{% endif %}', true],
    ['{# note #}', true],
    ['plain { text }', false],
    ['', false],
  ])('%s -> %s', (s, expected) => expect(isTemplate(s)).toBe(expected));
});

describe('renderValue: values as Ansible 2.14 gives them (jinja2_native off)', () => {
  it.each([
    // A lone variable holding a number or boolean keeps it (a trailing newline allowed).
    ['{{ n }}', 5],
    ['{{ n }}\n', 5],
    // Computed numbers are text; modules convert them back to their argument types.
    ['{{ n + 1 }}', '6'],
    ['{{ l }}', [1, 2]],
    ['{{ l + [3] }}', [1, 2, 3]],
    ['{{ d }}', { a: 1 }],
    ['{{ {"k": n} }}', { k: 5 }],
    ['{{ n > 1 }}', true],
    ['{{ none }}', null],
    // Ansible's literal_eval step: text that reads as a list/dict/bool becomes one.
    ['{{ json }}', [1, 2]],
    ['{{ t }}', true],
    ['[{{ n }}, 2]', [5, 2]],
    // JSON text becomes data as well, as in Ansible.
    ['{{ \'{"a": true}\' }}', { a: true }],
    ['{{ \'[null]\' }}', [null]],
    ['{{ \'{"a": "true"}\' }}', { a: 'true' }],
    // Anything else is text.
    [' {{ n }}', ' 5'],
    ['{{ n }}{{ n }}', '55'],
    ['{{ s }}', 'text'],
    ['no template', 'no template'],
  ])('%s', (template, expected) => expect(renderValue(template, ctx)).toEqual(expected));

  it('walks arrays and objects, renders keys, and leaves !unsafe text alone', () => {
    const unsafe = new UnsafeText('{{ n }}');
    const out = renderValue({ '{{ s }}_key': ['{{ n }}', 'x{{ n }}', 3, true, null], raw: unsafe }, ctx) as Record<string, unknown>;
    expect(out).toEqual({ text_key: [5, 'x5', 3, true, null], raw: unsafe });
    expect(out.raw).toBe(unsafe);
  });

  it('does not template a variable whose value is !unsafe', () => {
    expect(renderString('={{ u }}', { vars: { u: new UnsafeText('{{ n }}'), n: 1 } })).toBe('={{ n }}');
  });

  it('renders variables whose values are templates, lazily and recursively', () => {
    const v = { a: '{{ b }}-a', b: '{{ c | upper }}', c: 'x', list: ['{{ c }}', '{{ b }}'] };
    expect(renderString('{{ a }} {{ list }}', { vars: v })).toBe("X-a ['x', 'X']");
  });

  it('reports a variable that refers to itself instead of looping', () => {
    const err = caught(() => renderString('{{ a }}', { vars: { a: '{{ b }}', b: '{{ a }}' } }));
    expect(err.code).toBe('template-error');
    expect(err.message).toMatch(/recursive loop/);
  });

  it('an error inside another variable says which variable, and points at its use', () => {
    const err = caught(() => renderString('x\n  {{ url }}', { vars: { url: 'http://{{ host }}' } }));
    expect(err.code).toBe('undefined-variable');
    expect(err.message).toBe("'host' is undefined");
    expect(err.hint).toBe("in variable 'url': http://{{ host }}");
    expect([err.line, err.col]).toEqual([2, 6]);
  });

  it('a variable whose template needs an undefined one counts as undefined, like Ansible', () => {
    const v = { foo: '{{ bar }}', d: { x: '{{ bar }}', y: 1 } };
    expect(renderString('{{ foo is defined }} {{ foo | default("dflt") }} {{ d.x is defined }}', { vars: v })).toBe('False dflt False');
    const err = caught(() => renderString('{{ d.y }}', { vars: v }));
    expect(err.message).toBe("'bar' is undefined");
    expect(err.hint).toContain("in variable 'd'");
  });

  it('an undefined variable that is never read does no harm', () => {
    expect(renderString('{{ ok }}', { vars: { ok: 1, broken: '{{ nope }}' } })).toBe('1');
  });
});

describe('the vars variable', () => {
  it('reads any variable by a computed name, rendered', () => {
    const v = { db_port: '{{ base + 6 }}', base: 3300, role: 'db' };
    expect(renderValue("{{ vars[role ~ '_port'] }}", { vars: v })).toBe('3306');
    expect(renderValue("{{ vars.nope is defined }}", { vars: v })).toBe(false);
  });
});

describe('omit', () => {
  it('is available in every render and recognised by isOmit', () => {
    const out = renderValue({ mode: '{{ m | default(omit) }}', owner: '{{ o | default(omit) }}' }, { vars: { o: 'root' } }) as Record<string, unknown>;
    expect(isOmit(out.mode)).toBe(true);
    expect(out.mode).toBe(OMIT);
    expect(isOmit(out.owner)).toBe(false);
    expect(out.owner).toBe('root');
  });
});

describe('evaluateCondition', () => {
  it.each([
    ['n == 5', true],
    ['n > 5', false],
    ['l', true],
    ['empty', false],
    ['not empty', true],
    ['none', false],
    ['s is defined and s == "text"', true],
    ['missing is defined and missing.x', false],
    ['missing is undefined or missing', true],
    ['"yes" | bool', true],
    ['"no" | bool', false],
    ['d.a == 1', true],
    ['"e" in s', true],
    // Ansible renders `{{ }}` first, then reads a string result as an expression again.
    ['{{ n == 5 }}', true],
    ['{{ t }}', true],
    ['{{ "False" }}', false],
  ] as const)('%s -> %s', (cond, expected) => expect(evaluateCondition(cond, ctx)).toBe(expected));

  it('points into the expression itself, not the {{ }} it is wrapped in', () => {
    const undefinedErr = caught(() => evaluateCondition('n == 5 and missing', ctx));
    expect([undefinedErr.line, undefinedErr.col]).toEqual([1, 12]);
    const syntax = caught(() => evaluateCondition('n == ', ctx));
    expect(syntax.code).toBe('template-syntax');
  });

  it('takes booleans as they are', () => {
    expect(evaluateCondition(true, ctx)).toBe(true);
    expect(evaluateCondition(false, ctx)).toBe(false);
  });

  it('fails on an undefined variable, like Ansible', () => {
    const err = caught(() => evaluateCondition('missing == 1', ctx));
    expect(err.code).toBe('undefined-variable');
    expect(err.message).toBe("'missing' is undefined");
  });
});

describe('evaluateExpression', () => {
  it('returns native values', () => {
    expect(evaluateExpression('l | map("string") | list', ctx)).toEqual(['1', '2']);
    expect(evaluateExpression('d.a + n', ctx)).toBe(6);
  });
});

describe('errors', () => {
  it.each([
    ['{{ foo }}', 'undefined-variable', "'foo' is undefined"],
    ['{{ [1, foo] }}', 'undefined-variable', "'foo' is undefined"],
    ['{{ foo.bar }}', 'undefined-variable', "'foo' is undefined"],
    ['{{ d.x }}', 'undefined-variable', "'dict object' has no attribute 'x'"],
    ['{{ d.x.y }}', 'undefined-variable', "'dict object' has no attribute 'x'"],
    ['{{ l[5] }}', 'undefined-variable', 'list object has no element 5'],
    ['{{ foo | upper }}', 'undefined-variable', "'foo' is undefined"],
    ['{% for x in foo %}{% endfor %}', 'undefined-variable', "'foo' is undefined"],
    ['{{ n + "a" }}', 'template-error', "unsupported operand type(s) for +: 'int' and 'str'"],
    ['{{ n | nosuchfilter }}', 'template-error', "no filter named 'nosuchfilter'"],
    ['{{ n is nosuchtest }}', 'template-error', "no test named 'nosuchtest'"],
    // A name no plugin can have: Ansible's own words, which playbooks assert on.
    ['{{ [n] | select("asdf ") | list }}', 'template-error', `TemplateSyntaxError: Could not load "asdf ": 'invalid plugin name: ansible.builtin.asdf '`],
    ['{{ "x" | from_json }}', 'template-error', 'from_json'],
    ['{{ n + }}', 'template-syntax', 'template syntax error'],
    ['{% if n %}', 'template-syntax', 'endif'],
    ['{% include "x" %}', 'template-error', 'work in template files'],
    ['{% extends "x" %}', 'template-error', 'not supported'],
    ['{{ [1, l[5]] }}', 'undefined-variable', 'list object has no element 5'],
    ['{{ {"k": foo} }}', 'undefined-variable', "'foo' is undefined"],
  ])('%s', (template, code, message) => {
    for (const render of [renderString, renderValue]) {
      const err = caught(() => render(template, ctx));
      expect(err.code).toBe(code);
      expect(err.message).toContain(message);
      expect(err.message).not.toMatch(/\n\s+at /);
    }
  });

  it('points at the line and column inside the template', () => {
    const err = caught(() => renderString('line one\nvalue: {{ n }} {{ missing }}', ctx));
    expect(err.code).toBe('undefined-variable');
    expect([err.line, err.col]).toEqual([2, 19]);
    const syntax = caught(() => renderString('a\n\n{{ n + }}', ctx));
    expect(syntax.line).toBe(3);
  });

  it('default() and `is defined` accept undefined; mandatory refuses it', () => {
    expect(renderString('{{ foo.bar | default("x") }} {{ foo.bar is defined }}', ctx)).toBe('x False');
    const err = caught(() => renderString('{{ foo | mandatory }}', ctx));
    expect(err.code).toBe('undefined-variable');
  });
});

describe('string escapes', () => {
  it("keep backslashes in playbook templates, like Ansible", () => {
    expect(renderString("{{ 'a\\d' }}|{{ ['x', 'y'] | join('\\n') }}", ctx)).toBe('a\\d|x\\ny');
  });

  it('follow Python in template files', () => {
    expect(renderString("{{ ['x', 'y'] | join('\\n') }}|{{ 'a\\d' }}", { ...ctx, stringEscapes: 'python' })).toBe('x\ny|a\\d');
  });

  it('follow Python in template files, \\x, \\u and octal escapes included', () => {
    expect(renderString("{{ '\\x41\\u00e9\\101\\0' }}", { ...ctx, stringEscapes: 'python' })).toBe('A\u00e9A\0');
    expect(renderString("{{ '\\xZ1' }}", { ...ctx, stringEscapes: 'python' })).toBe('\\xZ1');
  });

  it('follow Python in conditions, which Ansible evaluates inside {% if %}; variables they read keep theirs', () => {
    const vars = { tab: '\t', later: "{{ '\\t' | length }}" };
    expect(evaluateCondition("'\\t' == tab and '\\x41' == 'A'", { vars })).toBe(true);
    expect(evaluateCondition("later == '2' and 'a1' is match('a\\d')", { vars })).toBe(true);
  });
});

describe('whitespace', () => {
  it('trims the newline after a block tag (trim_blocks) but not leading spaces (no lstrip_blocks)', () => {
    expect(renderString('{% for i in l %}\n  {{ i }}\n{% endfor %}\n', ctx)).toBe('  1\n  2\n');
    expect(renderString('a  {%- if true %} b {% endif -%}  c', ctx)).toBe('a b c');
  });

  // Template files as Ansible renders them (Jinja2 with trim_blocks), each checked with ansible-core 2.14.
  it.each([
    ['{# header comment #}\nline1\n', 'line1\n', 'the newline after a comment tag goes too (trim_blocks)'],
    ['a\n{# multi\nline #}\n\nb\n', 'a\n\nb\n', 'only one newline goes'],
    ['{# c #}\r\nb', 'b', 'a CRLF goes whole'],
    ['a {# c #}  \nb', 'a   \nb', 'blanks before the newline keep it'],
    ['a\n  {# c #}\nb\n', 'a\n  b\n', 'blanks before the tag stay (no lstrip_blocks)'],
    ['x {#- c -#}\n  y\n', 'xy\n', '`{#-` and `-#}` strip all blanks'],
    ['a {#- c #}\n b', 'a b', '`{#-` then trim_blocks'],
    ['line1\n{# end #}\n', 'line1\n', "a comment at the end: the source's trailing newline comes back"],
    ['line1\n{# end #}', 'line1\n', 'a comment at the end without a newline'],
    ['{# only a comment #}\n', '\n', 'nothing but a comment'],
  ])('comment %j renders %j: %s', (source, expected) => {
    expect(renderString(source, { ...ctx, stringEscapes: 'python' })).toBe(expected);
  });
});

describe('lookups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-lookup-'));
  mkdirSync(join(dir, 'files'));
  writeFileSync(join(dir, 'files', 'motd.txt'), 'hello\n\n');
  writeFileSync(join(dir, 'top.txt'), 'top');

  it('file: found through searchPaths (files/ first), trailing whitespace stripped', () => {
    expect(renderString("{{ lookup('file', 'motd.txt') }}|{{ lookup('file', 'top.txt') }}", { vars: {}, searchPaths: [dir] })).toBe('hello|top');
  });

  it('file: without searchPaths, searched in role_path then playbook_dir (as Ansible), not the cwd', () => {
    const role = mkdtempSync(join(tmpdir(), 'ha-run-lookup-role-'));
    mkdirSync(join(role, 'files'));
    writeFileSync(join(role, 'files', 'motd.txt'), 'from role');
    expect(renderString("{{ lookup('file', 'motd.txt') }}", { vars: { playbook_dir: dir } })).toBe('hello');
    expect(renderString("{{ lookup('file', 'motd.txt') }}|{{ lookup('file', 'top.txt') }}", { vars: { role_path: role, playbook_dir: dir } })).toBe('from role|top');
  });

  it('file: a missing file is a clear error', () => {
    const err = caught(() => renderString("{{ lookup('file', 'nope.txt') }}", { vars: {}, searchPaths: [dir] }));
    expect(err.message).toContain('could not locate file in lookup: nope.txt');
  });

  it('env, vars, query/q', () => {
    process.env.HA_RUN_TEST_LOOKUP = 'from-env';
    expect(renderString("{{ lookup('env', 'HA_RUN_TEST_LOOKUP') }}|{{ lookup('env', 'HA_RUN_UNSET_XYZ') }}|", { vars: {} })).toBe('from-env||');
    // What a lookup gives is data (unsafe text), as in Ansible.
    expect(renderValue("{{ lookup('vars', 'n') }}", ctx)).toStrictEqual(new UnsafeText('5'));
    expect(renderValue("{{ query('env', 'HA_RUN_TEST_LOOKUP') }}", ctx)).toStrictEqual([new UnsafeText('from-env')]);
    expect(renderValue("{{ q('vars', 'n', 's') }}", ctx)).toStrictEqual([5, new UnsafeText('text')]);
    expect(renderValue("{{ lookup('vars', 'n', allow_unsafe=True) }}", ctx)).toBe('5');
    expect(renderValue("{{ lookup('vars', 'zz', default=0) }}", ctx)).toStrictEqual(new UnsafeText('0'));
  });

  it('template renders a template file with the same variables; first_found picks the first existing file', () => {
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'x.j2'), "{% for i in l %}\n{{ i }}{{ '\\t' }}\n{% endfor %}");
    expect(renderString("{{ lookup('template', 'x.j2') }}", { vars: { l: [1, 2] }, searchPaths: [dir] })).toBe('1\t\n2\t\n');
    expect(renderValue("{{ lookup('first_found', ['nope.txt', 'motd.txt']) }}", { vars: {}, searchPaths: [dir] })).toStrictEqual(new UnsafeText(join(dir, 'files', 'motd.txt')));
  });

  it("errors='ignore' and 'warn' turn a failing lookup into None (lookup) or [] (query); an undefined variable still fails", () => {
    const search = { vars: {}, searchPaths: [dir] };
    expect(renderValue("{{ lookup('first_found', 'nope.txt', errors='ignore') is none }}", search)).toBe(true);
    expect(renderString("[{{ lookup('file', 'nope.txt', errors='warn') }}]", search)).toBe('[]');
    expect(renderValue("{{ query('first_found', 'nope.txt', errors='ignore') }}", search)).toEqual([]);
    expect(caught(() => renderString("{{ lookup('first_found', 'nope.txt') }}", search)).message).toContain('No file was found');
    expect(caught(() => renderString("{{ lookup('vars', 'zz_undefined', errors='ignore') }}", search)).code).toBe('undefined-variable');
    expect(caught(() => renderString("{{ lookup('file', 'x', errors='loud') }}", search)).message).toContain('strict, warn or ignore');
  });

  it('shell is refused with an explanation', () => {
    const err = caught(() => renderString("{{ lookup('shell', 'id') }}", ctx));
    expect(err.code).toBe('template-error');
    expect(err.message).toContain("lookup('shell') is not supported");
    expect(err.hint).toContain('register');
  });
});

describe('hostile input', () => {
  it('refuses deep nesting instead of overflowing the stack', () => {
    const err = caught(() => renderString('{{ ' + '('.repeat(400) + '1' + ')'.repeat(400) + ' }}', ctx));
    expect(['template-error', 'template-syntax']).toContain(err.code);
  });

  it('caps range()', () => {
    expect(caught(() => renderString('{{ range(10000000) | list | length }}', ctx)).message).toContain('range()');
  });
});

describe('big values', () => {
  it('a large JSON text in a variable renders and becomes data', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `item-${i}` }));
    const json = JSON.stringify(items);
    const out = renderValue('{{ stdout }}', { vars: { stdout: json } }) as unknown[];
    expect(out).toHaveLength(5000);
    expect(out[4999]).toEqual({ id: 4999, name: 'item-4999' });
  });
});

describe('to_yaml round trip', () => {
  it('multi-line strings at any depth read back the same', () => {
    const data = { a: { b: ['x\ny', { c: 'l1\n  l2\n' }] }, t: 'tab\there', q: "it's", e: '' };
    for (const f of ['to_yaml', 'to_nice_yaml']) {
      expect(renderValue(`{{ data | ${f} | from_yaml }}`, { vars: { data } })).toEqual(data);
    }
  });
});

describe('tests as Jinja2 reads them', () => {
  it('take one argument without parentheses, in conditions too', () => {
    expect(evaluateCondition('n is divisibleby 5 and n is not divisibleby 2', ctx)).toBe(true);
    expect(evaluateCondition("s is match 'te' and l is contains 2", ctx)).toBe(true);
  });

  it('bind as tightly as filters: `1 + n is odd` adds a boolean', () => {
    expect(renderString('{{ 1 + n is odd }} {{ l | length is even }}', ctx)).toBe('2 True');
  });

  it('refuse a chain of tests and an `if` taken for an argument, as Jinja2 does', () => {
    expect(caught(() => renderString('{{ n is number is true }}', ctx)).message).toContain('You cannot chain multiple tests with is');
    expect(caught(() => renderString('{{ n is defined if true else 1 }}', ctx)).code).toBe('template-syntax');
  });
});

describe('attribute names that are also literals', () => {
  it('read `.null`, `.none`, `.true` after a dot as keys, as Jinja2 does', () => {
    const data = { null: 'n', none: 'o', true: 't', false: 'f' };
    expect(renderString('{{ data.null }}{{ data.none }}{{ data.true }}{{ data.false }}', { vars: { data } })).toBe('notf');
    expect(evaluateCondition('data.null is none', { vars: { data: { null: null } } })).toBe(true);
  });
});
