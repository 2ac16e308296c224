// Renders the same templates with ha-run and with ansible-core's Templar and expects the same text
// (or the same error message). Templates start with text so both sides produce strings.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderString, renderTemplateFile, renderValue, syntaxSetting, templateSearchPath, TemplateError } from '../../../src/template/index.js';
import { PyFloat } from '../../../src/template/py-float.js';
import { markUnsafe } from '../../../src/template/unsafe.js';
import { ansibleAvailable, renderWithAnsible, type ReferenceResult } from './helpers/ansible-templar.js';
import { typed } from './helpers/typed-values.js';

const vars = {
  a: 1,
  b: 2.5,
  name: 'Hello World',
  csv: 'a,b,,c',
  spaced: '  padded  ',
  empty_list: [],
  nums: [3, 1, 2, 3],
  words: ['b', 'A', 'c'],
  users: [
    { name: 'ann', uid: 1001, admin: true, shell: '/bin/bash' },
    { name: 'bob', uid: 1002, admin: false },
    { name: 'cid', uid: 1003, admin: true, shell: '/bin/sh', groups: ['wheel', 'ops'] },
  ],
  conf: { port: 8080, host: 'db1', nested: { a: 1, b: [1, 2] } },
  flag_yes: 'yes',
  flag_false: 'False',
  derived: '{{ a + 41 }}',
  chained: '{{ derived }}-x',
  version: '1.10.2',
  result_ok: { changed: true, failed: false, rc: 0, stdout: 'line1\nline2' },
  result_skip: { skipped: true, changed: false },
  path: '/etc/nginx/conf.d/site.conf',
  nothing: null,
  conf2: { a: 'A', b: 'B' },
  nl_text: 'x\n',
  multi: 'one\ntwo\n\nthree',
  // A float whose value is whole (2.0): what `4 / 2` or `| float` gives.
  whole: new PyFloat(2),
  mixed: [1, new PyFloat(2), 3],
};

const templates = [
  '={{ a }} {{ b }} {{ name }} {{ nothing }} {{ True }} {{ false }}',
  '={{ nums }} {{ conf }} {{ users[0] }}',
  '={{ a + 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2 ** 8 }} {{ 2 * 3 % 4 }} {{ 10 - 2 - 3 }}',
  "={{ 'x' ~ a ~ nothing }} {{ 'ab' * 3 }} {{ [1] + [2] }} {{ 'a' + 'b' }}",
  '={{ name.split(" ") }} {{ name.split() }} {{ csv.split(",") }} {{ csv.split(",", 1) }}',
  '={{ name.lower() }} {{ name.upper() }} {{ name.startswith("Hell") }} {{ name.endswith(("x", "ld")) }} {{ spaced.strip() }}|',
  "={{ name.replace('o', '0') }} {{ name[1:4] }} {{ name[::-1] }} {{ name[-3:] }} {{ nums[1:] }} {{ nums[-1] }}",
  '={{ conf.items() | list }} {{ conf.keys() | list }} {{ conf.get("port") }} {{ conf.get("nope", "dflt") }}',
  '={{ "port" in conf }} {{ 3 in nums }} {{ "World" in name }} {{ 9 not in nums }}',
  '={% for k, v in conf.items() %}{{ loop.index }}:{{ k }};{% endfor %}',
  '={% for u in users %}{{ u.name }}{% if not loop.last %},{% endif %}{% endfor %}',
  '={% for i in empty_list %}x{% else %}none{% endfor %}',
  '={% set total = 0 %}{% for n in nums %}{% set total = total + n %}{% endfor %}{{ total }}',
  '={% if empty_list %}T{% elif a == 1 %}E{% else %}F{% endif %}',
  '=\n{% for i in [1, 2] %}\n{{ i }}\n{% endfor %}\nend',
  '=  {%- if True -%}  x  {%- endif -%}  |',
  '={{ missing | default("d") }} {{ missing | d(5) }} {{ "" | default("e", true) }} {{ conf.nope | default(0) }}',
  '={{ missing is defined }} {{ a is defined }} {{ missing is undefined }} {{ nothing is none }} {{ conf.nope is defined }}',
  '={{ flag_yes | bool }} {{ flag_false | bool }} {{ "0" | bool }} {{ 1 | bool }}',
  "={{ '42' | int + 1 }} {{ '3.7' | int }} {{ 3.7 | int }} {{ 'x' | int }} {{ '2.5' | float * 3 }} {{ 5 | string }}",
  '={{ nums | unique }} {{ nums | sort }} {{ nums | sort(reverse=true) }} {{ words | sort }} {{ nums | min }} {{ nums | max }} {{ nums | sum }}',
  '={{ nums | first }} {{ nums | last }} {{ nums | length }} {{ conf | length }} {{ name | count }}',
  "={{ users | map(attribute='name') | join(',') }} {{ users | selectattr('admin') | map(attribute='uid') | list }}",
  "={{ users | rejectattr('admin') | map(attribute='name') | list }} {{ users | selectattr('shell', 'defined') | map(attribute='name') | list }}",
  "={{ nums | select('odd') | list }} {{ nums | reject('equalto', 3) | list }} {{ ['1', '2'] | map('int') | sum }}",
  "={{ users | sort(attribute='uid', reverse=true) | map(attribute='name') | first }}",
  '={{ [[1, [2]], [3]] | flatten }} {{ [[1, [2]], [3]] | flatten(levels=1) }}',
  '={{ [1, 2, 3] | difference([2]) }} {{ [1, 2] | union([2, 3]) }} {{ [1, 2, 3] | intersect([3, 2, 9]) }}',
  '={{ [1, 2] | zip(["a", "b"]) | list }}',
  "={{ conf | combine({'port': 9090}) }} {{ conf | combine({'nested': {'b': 3}}, recursive=true) }}",
  "={{ conf | dict2items | map(attribute='key') | list }} {{ [{'key': 'k', 'value': 'v'}] | items2dict }}",
  '={{ conf | dictsort }}',
  '={{ name | lower }} {{ name | upper }} {{ "hello there" | capitalize }} {{ "hello there" | title }} {{ spaced | trim }}|',
  "={{ name | replace('l', 'L') }} {{ name | regex_replace('o', '0') }} {{ 'ab12cd34' | regex_replace('(\\d+)', '<\\1>') }}",
  "={{ 'ab12cd34' | regex_search('\\d+') }} {{ 'ab12cd34' | regex_findall('\\d+') }} {{ 'key=val' | regex_search('(\\w+)=(\\w+)', '\\2') }}",
  "={{ 'a.b*c' | regex_escape }} {{ 'x' | regex_search('y') }}",
  "={{ {'b': 1, 'a': [1, 'x']} | to_json }} {{ conf | to_nice_json }}",
  '={{ \'{"k": [1, 2]}\' | from_json }} {{ "k: [1, 2]" | from_yaml }}',
  '={{ "hello" | b64encode }} {{ "aGVsbG8=" | b64decode }} {{ "hello" | hash("sha256") }} {{ "hello" | sha1 }} {{ "hello" | md5 }} {{ "hello" | checksum }}',
  '={{ "it\'s a test" | quote }} {{ \'plain\' | quote }} {{ \'\' | quote }} {{ \'a b\' | quote }}',
  '={{ path | basename }} {{ path | dirname }}',
  "={{ (a == 1) | ternary('yes', 'no') }} {{ name | type_debug }} {{ nums | type_debug }} {{ conf | type_debug }} {{ -3 | abs }}",
  '={{ 2.567 | round(1) }} {{ 2.567 | round(2) }} {{ 2.5 | round | int }} {{ 3.5 | round | int }}',
  "={{ version is version('1.9', '>') }} {{ version is version('1.10.2', 'eq') }} {{ '2.0' is version('10.0', 'lt') }} {{ version is version_compare('1.10', '>=') }}",
  '={{ result_ok is changed }} {{ result_ok is succeeded }} {{ result_ok is failed }} {{ result_skip is skipped }} {{ result_ok is success }}',
  "={{ name is match('Hel') }} {{ name is match('World') }} {{ name is search('World') }} {{ name is regex('^H.*d$') }}",
  "={{ name is string }} {{ a is number }} {{ conf is mapping }} {{ nums is iterable }} {{ nums is sequence }} {{ 3 is in(nums) }} {{ nums is contains(2) }}",
  '={{ [1] is subset([1, 2]) }} {{ [1, 2] is superset([2]) }} {{ "" is falsy }} {{ "x" is truthy }}',
  '={{ derived }} {{ chained }} {{ derived | int + 1 }}',
  '={{ range(3) | list }} {{ range(1, 10, 3) | list }}',
  '={% set ns = namespace(found=false) %}{% for u in users %}{% if u.uid == 1002 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}',
  "={{ '%s-%03d' | format('x', 7) }} {{ 'v=%s' % a }} {{ '{} and {}'.format(1, 'b') }}",
  '={{ result_ok.stdout.splitlines() }} {{ result_ok.stdout_lines | default([]) }}',
  '={{ a if a > 0 else "neg" }} {{ "x" if false else "y" }}',
  '={{ a == 1.0 }} {{ "1" == 1 }} {{ [1, 2] == [1, 2] }} {{ conf == conf }} {{ 1 < 2 < 3 }} {{ "a" < "b" }}',
  '={{ missing }}',
  '={{ missing.attr }}',
  '={{ conf.nope }}',
  '={{ conf.nope.deeper }}',
  '={{ nums[10] }}',
  '={{ missing | upper }}',
  '={{ nothing.attr }}',
  '={{ users | map(attribute="shell") | list }}',
  '={% macro greet(who, punct="!") %}Hi {{ who }}{{ punct }}{% endmacro %}{{ greet("ann") }} {{ greet("bob", punct="?") }}',
  '={{ [3, 1] | sort | first }} {{ ["x", "y"] | join }} {{ nums | join("-") }} {{ users | join(", ", attribute="name") if false else "" }}',
  '={# a comment #}after',
  // trim_blocks removes the first newline after a comment tag too (not after spaces), `-#}` all blanks.
  '={# a comment #}\nafter\n',
  '=a\n{# multi\nline #}\n\nb\n',
  '=x {#- c -#}\n  y',
  '=a {#- c #}\n b',
  '=a {# c #}  \nb',
  '=a{# c #}\r\nb',
  '=line\n{# end #}\n',
  '=line\n{# end #}',
  '={% if a %}{# c #}\n{% endif %}x',
  '={{ conf["host"] }} {{ conf.nested["b"][1] }} {{ users.0.name }} {{ nums.1 }}',
  '={{ 10 / 4 }} {{ 0.1 + 0.2 }} {{ 1 / 3 }}',
  // Numbers: int and float kept apart as in Python (`/` always gives a float).
  '={{ 4 / 2 }} {{ 7 / 2 }} {{ a / 1 }} {{ -4 / 2 }} {{ 10 / 2 * 2 }} {{ True / 1 }} {{ 0 / 5 }} {{ -0.0 }} {{ 0.0 * -1 }}',
  '={{ 7 // 2 }} {{ 7.0 // 2 }} {{ -7 // 2.0 }} {{ 7 % 2.5 }} {{ -7 % 2.0 }} {{ 10 % -3.0 }} {{ 6.0 % -3 }} {{ 5.5 // 1 }} {{ 0.5 % 0.1 }}',
  '={{ 2 ** 3 }} {{ 2.0 ** 3 }} {{ 2 ** -2 }} {{ 4 ** 0.5 }} {{ -2 ** 2 }} {{ 2 ** 0.5 ** 2 }} {{ 10 ** 20 }} {{ 10 ** 22 }}',
  '={{ 2.0 + 1 }} {{ 2 * 1.0 }} {{ 3 - 1.0 }} {{ True + 1 }} {{ 1 + 2 * 3 }} {{ -whole }} {{ +whole }} {{ -a }} {{ - True }}',
  '={{ 1e3 }} {{ 2.5E-1 }} {{ 1E+2 }} {{ 1.5e3 }} {{ 3e0 }} {{ 1_000 }} {{ 1_000.5 }} {{ 1e16 }} {{ 1e15 }} {{ 1e-5 }} {{ 0.0001 }} {{ 1e22 }}',
  '={{ 0.1 * 3 }} {{ 2 / 3 }} {{ 100.0 }} {{ 1e100 }} {{ 123456789.123 }} {{ 1.5e-7 }} {{ 5e-324 }}',
  '={{ whole }} {{ [whole] }} {{ {"k": whole} }} {{ mixed }} {{ whole | string }} {{ whole ~ "" }} {{ mixed | join(",") }} {{ (4 / 2) | string }}',
  "={{ whole | int }} {{ 2 | float }} {{ '2' | float }} {{ 'x' | float }} {{ 'x' | float(1) }} {{ '1e3' | float }} {{ 'inf' | float }} {{ 5.0 | int | type_debug }}",
  "={{ 4 | round }} {{ 4.4 | round }} {{ 4 | round(1) }} {{ 4 | round(0, 'floor') }} {{ 2.567 | round(1, 'ceil') }} {{ 1234 | round(-2) }} {{ true | round }} {{ 3 | float | round }}",
  '={{ 3 | abs }} {{ -3.0 | abs }} {{ -2 | abs }} {{ true | abs }} {{ -whole | abs }}',
  '={{ [1, 2] | sum }} {{ [1.0, 2] | sum }} {{ [1, 2] | sum(start=0.0) }} {{ [1, 2.5] | sum }} {{ [] | sum }} {{ [true, 2] | sum }} {{ mixed | sum }}',
  '={{ mixed | max }} {{ mixed | min }} {{ [2.0, 2] | max }} {{ [2, 2.0] | max }} {{ [2.0, 2] | min }} {{ [1, 3.0] | max }}',
  '={{ whole == 2 }} {{ 2.0 == 2.0 }} {{ 2.5 > 2 }} {{ 3 > 2.0 }} {{ whole >= 2 }} {{ [1.0] == [1] }} {{ whole != 2 }} {{ 2.0 in [2] }} {{ 2 in mixed }}',
  '={{ whole is number }} {{ whole is integer }} {{ whole is float }} {{ 2 is float }} {{ true is number }} {{ true is integer }} {{ 1.5 is integer }}',
  '={{ whole | type_debug }} {{ (4 / 2) | type_debug }} {{ 4 // 2 | type_debug }} {{ [1.0] | sum | type_debug }} {{ 2 | float | type_debug }}',
  '={{ whole | bool }} {{ 1.0 | bool }} {{ 0.0 | bool }} {{ "y" if 0.0 else "n" }} {{ [0.0, 1] | select | list }} {{ [2.0, 1, 1.0] | unique }} {{ [3.0, 1, 2] | sort }}',
  "={{ whole | to_json }} {{ [whole, 1.5, 3] | to_json }} {{ {'a': 1.0, 'b': 1e20} | to_nice_json }} {{ 1e16 | to_json }}",
  '={{ whole | to_yaml }}{{ [whole, 1.5] | to_nice_yaml }}{{ 1e16 | to_yaml }}{{ -1e16 | to_nice_yaml }}{{ 1e-5 | to_yaml }}{{ {"f": [0.5, 2.0]} | to_yaml }}',
  "={{ '%s %d %.1f %r' % (whole, whole, whole, whole) }} {{ '%s' | format(4 / 2) }}",
  "={{ 3 is divisibleby(3) }} {{ 4 is divisibleby(2.0) }} {{ 3.0 is odd }} {{ 4.0 is even }}",
  '={{ 1 / 0 }}',
  '={{ 1.0 / 0 }}',
  '={{ 1 // 0 }}',
  '={{ 1.0 // 0 }}',
  '={{ 1 % 0 }}',
  '={{ 1.0 % 0 }}',
  '={{ 0 ** -1 }}',
  "={{ 'a' * 2.0 }}",
  "={{ 'a' * 'b' }}",
  "={{ - 'a' }}",
  "={% raw %}{{ not rendered }}{% endraw %}",
  "={% set block %}a{{ 1 }}b{% endset %}{{ block | upper }}",
  "={% filter upper %}hello {{ 'x' }}{% endfilter %}",
  "={{ '{{' }} {{ \"}}\" }}",
  "={{ nums | map('string') | map('regex_replace', '^', 'n') | list }}",
  "={{ name | truncate(8) }} {{ \"a b c\" | wordcount }}",
  "={{ conf.nested.b | map('int') | sum }} {{ users | map(attribute='uid') | max }}",
  "={{ users | selectattr('uid', 'gt', 1001) | map(attribute='name') | list }}",
  "={{ users | selectattr('name', 'in', ['ann', 'cid']) | list | length }}",
  "={{ users | selectattr('name', 'match', '^b') | map(attribute='name') | first }}",
  "={{ nums | map('pow', 2) | list if false else '' }}",
  "={% for u in users if u.admin %}{{ u.name }}{% endfor %}",
  "={% for x in nums %}{{ loop.revindex }}{{ loop.cycle('a', 'b') }}{% endfor %}",
  "={{ nums | batch(3) | list }}",
  "={{ '%-5s|' | format('ab') }} {{ '%.2f' | format(3.14159) }} {{ '%5d' | format(42) }}",
  "={{ 'abc' | center(9) }}|",
  "={{ ' x ' | trim }} {{ 'xxhixx' | trim('x') }}",
  "={{ 'Hello' | reverse }} {{ [1, 2] | reverse | list }}",
  "={{ 'a-b_c d' | title }}",
  "={{ name | regex_replace('(?P<first>\\w+) (?P<second>\\w+)', '\\g<second> \\g<first>') }}",
  "={{ 'ABC' | regex_replace('b', 'x', ignorecase=true) }} {{ 'a\\nb' | regex_findall('^\\w', multiline=true) }}",
  "={{ conf | dict2items(key_name='k', value_name='v') | first }}",
  "={{ users[0] | combine(users[1]) }}",
  "={{ [{'a': 1}, {'b': 2}] | combine }}",
  "={{ 'x' is not none }} {{ none is not none }}",
  // Tests take one argument without parentheses, and bind as tightly as filters.
  '={{ 3 is divisibleby 3 }} {{ 4 is not divisibleby 3 }} {{ a is sameas a }} {{ a is sameas none }} {{ none is sameas none }} {{ True is sameas true }}',
  "={{ version is version '1.9' }} {{ version is not version '1.10.2' }} {{ a is eq 1 }} {{ a is gt 0 and a is lt 2 }} {{ a is le 1.0 }} {{ a is in [1, 4] }} {{ a is not in nums }}",
  "={{ name is match 'Hel' }} {{ name is search \"World\" }} {{ nums is contains 2 }} {{ [1] is subset [1, 2] }} {{ conf is ne {'a': 1} }} {{ nums is contains nums[0] }} {{ a is eq [1][0] }}",
  "={{ 'y' if a is odd else 'n' }} {{ a is defined or missing }} {{ a is not none }} {{ missing is not defined }} {{ a is defined and missing is undefined }}",
  '={{ 1 + 2 is odd }} {{ a + 1 is odd }} {{ a is even == false }} {{ not a is odd }} {{ a | string is string }} {{ nums | length is even }} {{ a is eq (4) + 1 }}',
  '={{ a is divisibleby(1) is true }}',
  '={% if a is divisibleby 1 %}yes{% endif %} {% for i in nums if i is odd %}{{ i }}{% endfor %} {% set t = a is number %}{{ t }}',
  '={{ a is number is true }}',
  '={{ a is }}',
  '={{ a is 3 }}',
  "={{ 5 is divisibleby(5) }} {{ 4 is even }} {{ 3 is odd }}",
  "={{ 'foo' is lower }} {{ 'FOO' is upper }}",
  "={{ [1, 2, 3] | sum(start=10) }}",
  "={{ nums | unique | length }} {{ ['a', 'A'] | unique }}",
  "={{ 'a' if 1 }}|",
  "={{ [] | first }} {{ [] | min }}",
  "={{ 3 | string | length }} {{ conf.port | string + '0' }}",
  "={{ (nums | length) * 2 }} {{ nums | length * 2 }}",
  "={{ name[0] }}{{ name[-1] }} {{ name.count('l') }} {{ name.find('W') }}",
  "={{ '  a  b '.split() }} {{ 'a  b'.split(' ') }} {{ 'x=y=z'.split('=', 1) }} {{ 'x=y=z'.rsplit('=', 1) }}",
  "={{ 'abc'.zfill(5) }} {{ 'a,b'.partition(',') if false else '' }}",
  "={{ (1, 2) }} {{ () }} {{ [(1, 'a')] }}",
  "={{ [] | last }}",
  "={{ [] | max }}",
  "={{ [] | first | default('none') }}",
  "={{ '%Y-%m-%d %H:%M:%S %j %a %A %b %B %y %I%p %w %s %%' | strftime(1700000000, utc=true) }}",
  "={{ now(utc=true).year > 2000 }} {{ now(true, '%Y') | int > 2000 }} {{ now().strftime('%Y') | length }}",
  '={{ conf | to_yaml }}',
  '={{ conf | to_nice_yaml }}',
  '={{ {"users": users, "top": {"k": [1, {"z": 2}], "e": [], "m": {}}, "ll": [[1, 2], "x"]} | to_nice_yaml }}',
  '={{ {"users": users, "top": {"k": [1, {"z": 2}]}, "ll": [[1, 2], "x"]} | to_nice_yaml(indent=2) }}',
  '={{ {"users": users, "top": {"k": [1, {"z": 2}]}, "ll": [[1, 2], "x"]} | to_yaml }}',
  '={{ {"a": 1, "b": "x"} | to_yaml }}{{ 5 | to_yaml }}{{ "s" | to_nice_yaml }}{{ [] | to_yaml }}',
  "={{ ['a', 'b'] | map('extract', conf2) | list }} {{ [0, 1] | map('extract', users, 'name') | list }}",
  "={{ dict(['a', 'b'] | zip([1, 2])) }} {{ dict(x=1) }} {{ [1, 2] | product(['a']) | list }}",
  "={{ users | subelements('groups', skip_missing=true) | map('last') | list }}",
  "={{ ['/etc', 'nginx', 'x.conf'] | path_join }} {{ ['a', 'b'] | path_join }}",
  '={{ users | to_nice_yaml(indent=2) }}',
  "={{ {'s': 'yes', 'e': '', 'q': \"it's\", 'z': none, 'c': 'a: b'} | to_nice_yaml(indent=2) }}",
  '={{ nums | to_yaml }}',
  // Jinja drops one trailing newline of the source; Ansible restores as many as the source had.
  '={{ nl_text }}\n',
  '={{ nl_text }}\n\n\n',
  '={{ a }}\n\n',
  '={% if a %}\nx\n{% endif %}\n',
  // The comment filter, byte for byte (a file Ansible wrote must not look changed).
  "={{ 'Ansible managed' | comment }}|",
  "={{ multi | comment }}|{{ multi | comment('c') }}|{{ multi | comment('erlang') }}|",
  "={{ multi | comment('cblock') }}|{{ multi | comment('xml') }}|",
  "={{ 'x' | comment(decoration='; ') }}|{{ multi | comment(decoration='') }}|{{ 'x' | comment('c', decoration='-- ') }}|",
  "={{ 'x' | comment('plain', prefix='#!', prefix_count=2, postfix_count=0) }}|{{ 'x' | comment(postfix='', prefix='') }}|",
  "={{ multi | comment(beginning='BEGIN', end='END', decoration='| ') }}|{{ 'x' | comment(style='xml', end='') }}|",
  "={{ multi | comment(newline='two') }}|{{ 'x' | comment(postfix_count=3, prefix_count=0) }}|{{ '' | comment }}|",
  // groupby: sorted groups of (grouper, list), case-insensitive unless asked, by name or by index.
  "={{ users | groupby('admin') }}|{% for key, members in users | groupby('admin') %}{{ key }}={{ members | map(attribute='name') | join(',') }};{% endfor %}",
  "={% for g in [{'k': 'B'}, {'k': 'a'}, {'k': 'b'}] | groupby('k') %}{{ g.grouper }}:{{ g.list | length }} {{ g['grouper'] }} {% endfor %}",
  "={{ [{'k': 'B'}, {'k': 'b'}] | groupby('k', case_sensitive=true) | map('first') | list }} {{ [[2, 'x'], [1, 'y'], [2, 'z']] | groupby(0) }}",
  "={{ users | groupby('shell', default='none') | map(attribute='grouper') | list }} {{ [] | groupby('x') }}",
  // Seeded random and shuffle: Python's generator, so the same numbers as Ansible.
  "={{ 59 | random(seed='web1') }} {{ 60 | random(10, 5, seed='db2') }} {{ ['a', 'b', 'c', 'd'] | random(seed=name) }} {{ 100 | random(seed=7) }}",
  "={{ nums | shuffle(seed='x') }} {{ 'abcdef' | shuffle(seed=name) }} {{ 5 | shuffle }} {{ 3 | random(seed=1, start=1) }}",
  "={{ ['a'] | random(start=1) }}",
  // urlsplit and urldecode, the uri/url/urn and nan tests.
  "={{ 'HTTPS://User:Pw@Example.COM:8443/a/b?x=1&y=2#frag' | urlsplit }}",
  "={{ 'http://[::1]:80/p' | urlsplit('hostname') }} {{ 'http://h/p' | urlsplit('port') }} {{ 'mailto:a@b' | urlsplit('path') }} {{ '//h:1' | urlsplit('netloc') }}",
  "={{ 'http://h' | urlsplit('nope') }}",
  "={{ 'http://h:x/' | urlsplit }}",
  "={{ 'a%20b+c%C3%A9%2' | urldecode }} {{ 'x%zz' | urldecode }}",
  "={{ 'a b/c?d=é&f' | urlencode }} {{ {'k y': 'v/1', 'n': 2} | urlencode }} {{ [['a', 'b c'], ['d', 'e']] | urlencode }} {{ () | urlencode }} {{ 42 | urlencode }}",
  "={{ 'http://h/p' is uri }} {{ 'no scheme' is uri }} {{ 5 is uri }} {{ 'ftp://h' is uri(['http']) }} {{ 'urn:isbn:1' is urn }} {{ 'http://x' is urn }}",
  "={{ 'http://h/p' is url }} {{ 'file:///etc' is url }} {{ 'mailto:a@b' is url }} {{ 'http://[::1' is url }} {{ 'https://h' is url(['http', 'https']) }}",
  "={{ ('nan' | float) is nan }} {{ 1.5 is nan }} {{ 'nan' is nan }} {{ none is isnan }} {{ true is nan }}",
  // Sizes as people write them, and back.
  "={{ '1K' | human_to_bytes }} {{ '2 MB' | human_to_bytes }} {{ '1.5G' | human_to_bytes }} {{ ' 7 M' | human_to_bytes }} {{ '0.5K' | human_to_bytes }} {{ '3 bytes' | human_to_bytes }} {{ 10 | human_to_bytes }} {{ '2.5' | human_to_bytes }} {{ '1Z' | human_to_bytes }}",
  "={{ '1Mb' | human_to_bytes(isbits=true) }} {{ '10' | human_to_bytes('M') }} {{ '10' | human_to_bytes(default_unit='K') }} {{ '1kB' | human_to_bytes }}",
  "={{ '1kb' | human_to_bytes }}",
  "={{ 'abc' | human_to_bytes }}",
  "={{ '1Q' | human_to_bytes }}",
  // Unpacking in calls.
  "={{ dict(**conf2) }} {{ range(*[1, 7, 2]) | list }} {{ range(*nums[1:3]) | list }} {{ dict(x=1, **conf2) }} {{ '%s:%s' | format(*words[:2]) }}",
  "={{ range(*5) }}",
  // Password hashes with a salt given: the same text as passlib's (the default rounds are written out).
  "={{ 'secret' | password_hash('sha512', 'abcdefgh') }} {{ 'pässword' | password_hash('md5', 'salt') }}",
  "={{ 'pw' | password_hash('sha256_crypt', salt='s1.B/', rounds=1000) }} {{ '42' | password_hash(salt='0123456789abcdef', rounds=5000) }}",
  "={{ 0 | human_readable }} {{ 1023 | human_readable }} {{ 1024 | human_readable }} {{ 1500000 | human_readable }} {{ 10737418240 | human_readable(unit='M') }} {{ 1048576 | human_readable(isbits=true) }} {{ 1.5 | human_readable }}",
];

const reference: { results?: ReferenceResult[] } = {};
const available = ansibleAvailable();

function render(template: string): ReferenceResult {
  try {
    return { ok: renderString(template, { vars }) };
  } catch (err) {
    if (err instanceof TemplateError) return { error: err.message };
    throw err;
  }
}

describe.skipIf(!available)('same output as ansible-core', () => {
  beforeAll(() => {
    reference.results = renderWithAnsible(vars, templates);
  });

  it.each(templates.map((t, i) => [t, i] as const))('%s', (template, index) => {
    const expected = reference.results![index]!;
    const actual = render(template);
    if ('error' in expected) {
      expect(actual).toHaveProperty('error');
      expect((actual as { error: string }).error).toContain(expected.error.replace(/^.*?: /, ''));
    } else {
      expect(actual).toEqual(expected);
    }
  });
});

// Values (not text): Ansible 2.14 (jinja2_native off) keeps a lone `{{ var }}` holding a number,
// boolean or null as it is, re-reads other results that look like a list, dict or boolean as a
// Python literal, and gives text back its trailing newlines (see src/template/template-value.ts).
const nativeVars = {
  n: 5, f: 1.5, t: true, z: null, s: '2', l: [1, 'a'], d: { a: 1 }, nl: 'a\n', item: 2, sb: 'True',
  j: '[{"id": 1, "ok": true, "v": null}]', x: '[1, 2]', tmpl: '{{ n + 1 }}', tl: '{{ l }}', text: 'text',
  w: new PyFloat(2), lw: [1, new PyFloat(2)],
  py: "[None, True, 'it\\'s', {'k': (1, 2)}, -3, 0x1f, 1e3, 'a' 'b']", bad: '[none]', partial: '[1',
};
const nativeTemplates = [
  '{{ n }}', '{{ n }}\n', '{{ n }}\n\n', ' {{ n }}', '{{n}}', '{{ n + 1 }}', '{{ n + 1 }}\n', '{{ f }}', '{{ f }}\n',
  '{{ t }}', '{{ t }}\n', '{{ t }}\n\n', '{{ z }}', '{{ z }}\n', '{{ s }}', '{{ s }}\n', '{{ item }}\n',
  '{{ l }}', '{{ l }}\n', '{{ l }}\n\n', '{{ l + [2] }}', '{{ d }}', '{{ {"a": n} }}', '{{ [n, 2] }}', '[{{ n }}]\n',
  '{{ nl }}', '{{ nl }}\n', 'x{{ nl }}\n\n', '{{ tmpl }}', '{{ tmpl }}\n', '{{ tl }}', '{{ sb }}', '{{ sb }}\n', '{{ sb }}\n\n',
  '{{ 4 / 2 }}', '{{ [4 / 2, 1e3, 7 / 2] }}', '[{{ 4 / 2 }}]', '{{ {"a": 4 / 2} }}', '{{ w }}', '{{ w }}\n', '{{ [w] }}', '{{ lw }}',
  '{{ (4 / 2) | float }}', '{{ 4 | float }}', '{{ [2 | float, 2 | round, 2.5 | round] }}', "{{ '[2.0, -0.0, 1e3]' }}", '{{ w | to_json }}',
  '{{ j }}', '{{ j ~ "" }}', '{{ x }}', "{{ 'True' }}", "{{ 'true' }}", "{{ '[true, null]' }}", '{{ py }}', '{{ bad }}', '{{ partial }}',
  "{{ '  [1]' }}", "{{ '[1]  ' }}", '[{{ n }}, 2]', '{a: {{ n }}}', '{{ n }}{{ n }}', '{{ text }}', '{{ n > 1 }}', '{{ d.a is defined }}',
  '{{ missing | default(3) }}', '{{ none }}', '{{ l[1] }}', '{{ 2 }}', "{{ '1' }}", '{% if t %}{{ n }}{% endif %}',
  '{{ l | map("string") | list }}', '{{ l | to_json }}', '{{ (l | to_json) }}', '{{ d | to_nice_json }}', "{{ 'True' | string }}",
  '{{ l | to_json }}\n', "{{ {'a': none} }}", '{{ n | string }}\n', '{{ lookup("vars", "n") }}',
];

describe.skipIf(!available)('same values as ansible-core', () => {
  let results: ReferenceResult[] = [];
  beforeAll(() => {
    results = renderWithAnsible(nativeVars, nativeTemplates);
  });

  it.each(nativeTemplates.map((t, i) => [t, i] as const))('%s', (template, index) => {
    expect({ ok: typed(renderValue(template, { vars: nativeVars })) }).toEqual(results[index]);
  });
});

// Template files as the template module renders them: `{% include %}`, `{% import %}`, `{% from %}`
// and `{% call %}` find other templates in the module's search path (fixtures/includes: a playbook
// directory with templates/, and site/ standing for the directory of the template being rendered).
const fixtures = fileURLToPath(new URL('./fixtures/includes/', import.meta.url));
const templateDirs = templateSearchPath([fixtures], join(fixtures, 'site', 'main.j2'));
const fileVars = { n: 4, names: ['a', 'b'] };
const fileTemplates = [
  "{% include 'part.j2' %}|",
  "{% for loopvar in [1, 2] %}{% include 'part.j2' %}{% endfor %}|",
  "{% set local = 'L' %}{% include 'part.j2' %}|",
  "{% include 'part.j2' without context %}|",
  "{% include 'part.j2' ignore missing with context %}|",
  "{% include 'missing.j2' %}|",
  "{% include 'missing.j2' ignore missing %}|",
  "{% include ['missing.j2', 'part.j2'] %}|",
  "{% include ['missing.j2', 'nope.j2'] %}|",
  "{% set tpl = 'sub/deep.j2' %}{% include tpl %}|{% include '/sub/deep.j2' %}|",
  "{% include '../includes/sub/deep.j2' %}|",
  "{% include 'nextto.j2' %}|{% include 'shadow.j2' %}|",
  "{% include 'setter.j2' %}{{ x | default('nox') }}|",
  "{% include 'escapes.j2' %}|",
  "{% include 'bad.j2' %}|",
  "{% include 'macros.j2' %}|",
  "{% import 'macros.j2' as m %}{{ m.greet('ann') }} {{ m.exported }} {{ m.outer() }} {{ m._private | default('hidden') }}|",
  "{% import 'macros.j2' as m with context %}{{ m.greet('ann') }}|",
  "{% from 'macros.j2' import greet, exported as e %}{{ greet('bob') }} {{ e }}|",
  "{% from 'macros.j2' import greet with context %}{{ greet('bob') }}|",
  "{% from 'macros.j2' import nothing %}{{ nothing | default('none') }}|",
  "{% from 'macros.j2' import wrap, each %}{% call wrap() %}body {{ n }}{% endcall %}|{% call(i) each(names) %}<{{ i }}>{% endcall %}|",
  "{% from 'macros.j2' import wrap %}{% for x in names %}{% call wrap() %}{{ x }}{% endcall %}{% endfor %}|",
  "{% macro box(t) %}({{ t }}{{ caller() if caller is defined else '' }}){% endmacro %}{{ box('a') }}{% call box('b') %}c{% endcall %}|",
  "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}B{% endmacro %}{{ a() }}|",
];

describe.skipIf(!available)('template files as ansible-core renders them (include, import, call)', () => {
  let results: ReferenceResult[] = [];
  beforeAll(() => {
    results = renderWithAnsible(fileVars, fileTemplates, templateDirs);
  });

  it.each(fileTemplates.map((t, i) => [t, i] as const))('%s', (template, index) => {
    const expected = results[index]!;
    let actual: ReferenceResult;
    try {
      actual = { ok: renderString(template, { vars: fileVars, stringEscapes: 'python', templateDirs }) };
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      actual = { error: err.message };
    }
    if ('error' in expected) expect((actual as { error?: string }).error).toContain(expected.error.replace(/^.*?: /, ''));
    else expect(actual).toEqual(expected);
  });
});

// Jinja2 settings as the template module passes them (and a template's `#jinja2:` first line), each
// case rendered as a template file.
const settingsCases: [Record<string, unknown>, string][] = [
  [{ trim_blocks: false }, '{% if a %}\nx\n{% endif %}\ny\n{# c #}\nz\n'],
  [{ lstrip_blocks: true }, '  {% if a %}\n    x\n  {% endif %}\n  {{ a }}\n\t{# c #}\nq  {% if a %}y{% endif %}\n'],
  [{ lstrip_blocks: true, trim_blocks: false }, 'start\n  {% if a %}\n    x\n  {% endif %}\nend {%- if a %} y{% endif %}\n'],
  [{ lstrip_blocks: true }, '  {%+ if a %}x{% endif %}\n  {#+ c #}\n  {%- if a %}z{% endif %}\n'],
  [{}, '{% if a +%}\nx{% endif +%}\n{# c +#}\ny\n'],
  [{}, '{% raw %}\n{{ x }}\n{% endraw %}\ny\n{%- raw -%}  a  {%- endraw -%}  b\n'],
  [{ lstrip_blocks: true }, '  {% raw %}\n  {{ x }}\n  {% endraw %}\nafter\n'],
  [{ newline_sequence: '\r\n' }, 'a\n{% if a %}\nb\n{% endif %}\n{{ "s\nt" }}\n{{ nl_text }}\n\n'],
  [{ newline_sequence: '\r' }, 'a\nb\n'],
  [{ variable_start_string: '[[', variable_end_string: ']]' }, '[[ a ]] {{ a }} [[ nums[0] ]] [[ conf["port"] ]] [[ [1, [2]] | flatten ]]\n'],
  [
    { block_start_string: '[%', block_end_string: '%]', variable_start_string: '[[', variable_end_string: ']]', comment_start_string: '[#', comment_end_string: '#]' },
    '[% for n in nums %][[ n ]],[% endfor %]\n[# c #]\n{{ literal }} {% literal %} {# x #}\n[%- if a -%]  y  [%- endif %]\n[% raw %][[ a ]][% endraw %]\n',
  ],
  [{ variable_start_string: '<<', variable_end_string: '>>' }, '<< derived >>|<< chained >>|<< a >>\n'],
  [{}, '#jinja2: trim_blocks: False, lstrip_blocks: True\n  {% if a %}\nx\n  {% endif %}\n'],
  [{}, "#jinja2:variable_start_string:'[[', variable_end_string:']]'\n[[ a ]] {{ a }} [[ derived ]]\n"],
  [{ trim_blocks: false }, '#jinja2: trim_blocks: True\n{% if a %}\nx{% endif %}\n'],
  [{}, '#jinja2: keep_trailing_newline: True\n{{ a }}\n\n'],
  [{}, "#jinja2: newline_sequence: '\\r\\n'\na\nb\n"],
  [{}, '#jinja2: trim_blocks=False\nx'],
  [{}, 'no header\n#jinja2: trim_blocks: False\n{% if a %}\nx{% endif %}\n'],
];

describe.skipIf(!available)('template files with Jinja2 settings, as ansible-core renders them', () => {
  let results: ReferenceResult[] = [];
  beforeAll(() => {
    results = renderWithAnsible(vars, settingsCases.map(([, t]) => t), [], settingsCases.map(([s]) => s));
  });

  it.each(settingsCases.map(([settings, t], i) => [JSON.stringify(settings), t, i] as const))('%s %j', (_label, template, index) => {
    const expected = results[index]!;
    const syntax = Object.assign({}, ...Object.entries(settingsCases[index]![0]).map(([k, v]) => syntaxSetting(k, v)));
    let actual: ReferenceResult;
    try {
      actual = { ok: renderTemplateFile(template, { vars }, { syntax }) };
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      actual = { error: err.message };
    }
    if ('error' in expected) expect((actual as { error?: string }).error).toContain(expected.error.replace(/^.*?: /, ''));
    else expect(actual).toEqual(expected);
  });
});

// Target data (registered results, facts) is unsafe: a template that reads it gives an unsafe result
// (text, lists and dicts alike), one that only reads safe variables does not; nothing is rendered twice.
const unsafeVars = {
  r: markUnsafe({ stdout: '{{ secret }}', stdout_lines: ['{{ secret }}', '[1, 2]'], rc: 0, nested: { k: '{{ secret }}' } }),
  u: markUnsafe('{{ secret }}'),
  ul: markUnsafe('[1, "{{ secret }}"]'),
  uj: markUnsafe('{"a": "{{ secret }}"}'),
  secret: 'TOPSECRET', n: 5, via: '{{ r.stdout }}',
};
const unsafeTemplates = [
  '{{ r.stdout }}', 'pre-{{ r.stdout }}-post', '{{ r.stdout | upper }}', '{{ r.stdout_lines }}', '{{ r.stdout_lines[1] }}',
  '{{ r.rc }}', '{{ r.rc + 1 }}', '{{ r.rc == 0 }}', '{{ r.nested }}', '{{ r | to_json }}', '{{ (r | to_json | from_json).stdout }}',
  "{{ r.stdout | regex_replace('secret', 'n') }}", '{{ u }}', '{{ [u] }}', '{{ ul }}', '{{ uj }}', '{{ via }}', 'x{{ via }}',
  '{{ n }}', '{{ secret }}', '{{ r.stdout | length }}', "{{ r.stdout_lines | join(',') }}", '{{ r.stdout ~ n }}',
];

describe.skipIf(!available)('unsafe values as ansible-core', () => {
  let results: ReferenceResult[] = [];
  beforeAll(() => {
    results = renderWithAnsible(unsafeVars, unsafeTemplates);
  });

  it.each(unsafeTemplates.map((t, i) => [t, i] as const))('%s', (template, index) => {
    expect({ ok: typed(renderValue(template, { vars: unsafeVars })) }).toEqual(results[index]);
  });
});
