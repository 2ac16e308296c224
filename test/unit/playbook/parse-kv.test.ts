// Argument strings parsed as ansible-core 2.14 parses them. The expected values in the first table
// were printed by ansible-core's parse_kv; the second table asks the installed ansible-core live.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseKv } from '../../../src/playbook/parse-kv.js';
import { joinArgs, splitArgs } from '../../../src/playbook/split-args.js';
import { ansibleSplitterAvailable, parseWithAnsible, type ReferenceParse } from './helpers/ansible-parse-kv.js';

describe('parseKv (Ansible parse_kv)', () => {
  it.each([
    ['src=a dest=b mode=0644', false, { src: 'a', dest: 'b', mode: '0644' }],
    ['dest="/tmp/a b" content=\'x y\'', false, { dest: '/tmp/a b', content: 'x y' }],
    ['msg={{ a | default("x y") }}', false, { msg: '{{ a | default("x y") }}' }],
    ['ls -l chdir=/tmp', true, { _raw_params: 'ls -l', chdir: '/tmp' }],
    ['echo a=b creates=/x', true, { _raw_params: 'echo a=b', creates: '/x' }],
    ['echo "hello world" removes=/y', true, { _raw_params: 'echo "hello world"', removes: '/y' }],
    ['echo a\\=b', false, { _raw_params: 'echo a=b' }],
    ['=x', false, { _raw_params: '=x' }],
    ['', true, {}],
    // A `shell: |` block keeps its lines (and its last newline).
    ['echo one\nif true; then echo two; fi\n', true, { _raw_params: 'echo one\nif true; then echo two; fi\n' }],
    // Indentation of two spaces or more survives; a lone leading space does not.
    ['for i in 1 2; do\n  echo $i\n done\n', true, { _raw_params: 'for i in 1 2; do\n  echo $i\ndone\n' }],
    ['cat > f <<EOF\nline one\n    line two\nEOF\n', true, { _raw_params: 'cat > f <<EOF\nline one\n    line two\nEOF\n' }],
    // Options on a later line are taken out, the rest of the text keeps its lines.
    ['touch a\ntouch b\nchdir=/tmp creates=/tmp/b\n', true, { _raw_params: 'touch a\ntouch b\n', chdir: '/tmp', creates: '/tmp/b' }],
    // A lone backslash joins two lines.
    ['echo a \\\necho b', true, { _raw_params: 'echo a echo b' }],
    // Quotes keep their newlines and their spaces.
    ['echo "a\n  b" >f', true, { _raw_params: 'echo "a\n  b" >f' }],
    // Escapes are decoded in option values, never in the command itself.
    ['content="a\\nb\\t\\\\c \\u00e9 \\x41\\U0001F600" dest=/x', false, { content: 'a\nb\t\\c é A😀', dest: '/x' }],
    ["printf 'a\\nb' chdir=/t\\x41", true, { _raw_params: "printf 'a\\nb'", chdir: '/tA' }],
    ['msg="say \\"hi\\"" other=\'it\\\'s\'', false, { msg: 'say "hi"', other: "it's" }],
    ['a=\\d\\.\\0', false, { a: '\\d\\.\\0' }],
  ])('%j (command line: %s)', (text, commandLine, args) => {
    expect(parseKv(text, commandLine)).toEqual({ args });
  });

  it('keeps Jinja2 blocks with spaces as one token', () => {
    expect(splitArgs('a={{ x }} b={% if y %}1{% endif %} c').tokens).toEqual(['a={{ x }}', 'b={% if y %}1{% endif %}', 'c']);
  });

  it('joins words back with their original newlines', () => {
    const { tokens } = splitArgs('echo one\n  if x; then\nfi');
    expect(tokens).toEqual(['echo', 'one\n ', 'if', 'x;', 'then\n', 'fi']);
    expect(joinArgs(tokens)).toBe('echo one\n  if x; then\nfi');
  });

  it('reports unbalanced quotes, unclosed blocks, bad escapes and text Ansible cannot cut', () => {
    expect(parseKv('echo "hi', true).error).toMatch(/unbalanced quote/);
    expect(parseKv('msg={{ x', false).error).toMatch(/unclosed Jinja2 block/);
    // Ansible decodes \N{BULLET} by name; Node has no Unicode name table, so it is refused clearly.
    expect(parseKv('a=\\N{BULLET}', false).error).toMatch(/not supported/);
    expect(parseKv('a=\\U00110000', false).error).toMatch(/not a Unicode character/);
    expect(parseKv('\necho hi', true).error).toMatch(/starts with an empty line/);
    expect(parseKv('  echo hi', true).error).toMatch(/two spaces/);
  });
});

// Inputs as roles write them, and the corners of Ansible's splitter; each is parsed both ways.
const cases: [string, boolean][] = [
  ['echo one\nif true; then echo two; fi\n', true],
  ['echo one\nif true; then echo two; fi', true],
  ['echo folded words\n', true],
  ['echo a\n\n\necho b\n\n', true],
  ['echo a\n b\n  c\n   d\n', true],
  ['echo  two  spaces   three', true],
  ['echo\ttab\tseparated chdir=/tmp', true],
  ['cat > /tmp/f <<EOF\nline one\n    indented\nEOF\n', true],
  ['cat > /tmp/f <<\'EOF\'\n$HOME "quoted" \'single\'\nEOF\n', true],
  ['for f in a b; do\n  touch "$f"\ndone\nchdir=/tmp\n', true],
  ['touch x creates=/tmp/x\nremoves=/tmp/y chdir=/tmp', true],
  ['echo a=b c="d e" creates=/x', true],
  ['echo "multi\nline\n  quoted" > out', true],
  ["echo 'it''s' \"a 'b' c\"", true],
  ['echo "a\\"b" c', true],
  ['echo a \\\n  b \\\nc', true],
  ['echo \\ x', true],
  ['echo {{ a\nb\n}}', true],
  ['echo {{ a }}\n{% if x %}\nyes\n{% endif %}\n', true],
  ['{% for i in [1, 2] %}echo {{ i }}\n{% endfor %}', true],
  ['echo {# a comment #} b', true],
  ['echo "{{ x }}" \'{{ "y" }}\'', true],
  ['echo "}}" {{ "{{" }}', true],
  ['echo \\n\\t chdir=/t\\tmp', true],
  ['echo stdin=x stdin_add_newline=no executable=/bin/bash warn=no strip_empty_ends=no', true],
  ['echo CHDIR=x chdir =y', true],
  ['echo a\\=b c\\=d=e', true],
  ['=x echo', true],
  ['content="a\\nb" dest=/tmp/x', false],
  ['content="tab\\there" dest=/tmp/x', false],
  ['content="back\\\\slash \\u00e9 \\x41 \\U0001F600" dest=/tmp/x', false],
  ['content=\'single \\n quoted\' dest=/tmp/x', false],
  ['content=a\\nb dest=/x', false],
  ['content="a\\ab\\bc\\fd\\re\\vf" x="\\\'"', false],
  ['content="line1\nline2" dest=/x', false],
  ['msg="{{ a }}\n{{ b }}"', false],
  ['a="x\\"" b=\'y\\\'\'', false],
  ['a="x\\\\" b=c', false],
  ['a=1 a=2', false],
  ['a= b =c d=', false],
  ['a="unterminated', false],
  ["a='unterminated", false],
  ['a={{ x', false],
  ['a={% if x %}', false],
  ['a={# x', false],
  ['a}}=b {{c', false],
  ['\nx=1', false],
  ['  x=1', false],
  [' x=1', false],
  ['x=1 ', false],
  ['x=1\n', false],
  ['x=1  \n  y=2', false],
  ['a=\\U00110000', false],
  ['a=\\ud800x', false],
  ['a=\\777 b=\\u12', false],
  ['path=/tmp/x state=touch', false],
];

describe.skipIf(!ansibleSplitterAvailable())('same arguments as ansible-core parse_kv', () => {
  let reference: ReferenceParse[] = [];
  beforeAll(() => {
    reference = parseWithAnsible(cases.map(([text, check_raw]) => ({ text, check_raw })));
  });

  it.each(cases.map(([text, commandLine], i) => [text, commandLine, i] as const))('%j (command line: %s)', (text, commandLine, index) => {
    const expected = reference[index]!;
    const actual = parseKv(text, commandLine);
    if ('error' in expected) {
      expect(actual.error, `ansible-core: ${expected.error}`).toBeDefined();
    } else {
      expect(actual).toEqual({ args: expected.args });
      expect(splitArgs(text).tokens).toEqual(expected.tokens);
    }
  });
});
