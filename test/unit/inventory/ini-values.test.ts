import { describe, expect, it } from 'vitest';
import { parseIniValue } from '../../../src/inventory/python-literal.js';
import { shellWords, ShellWordsError } from '../../../src/inventory/shell-words.js';

describe('parseIniValue (Python literal_eval, as Ansible reads INI values)', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['1.5', 1.5],
    ['0x1F', 31],
    ['1_000', 1000],
    ['True', true],
    ['False', false],
    ['None', null],
    ["'quoted'", 'quoted'],
    ['"a\\tb"', 'a\tb'],
    ["[1, 'a', [True]]", [1, 'a', [true]]],
    ["(1, 2)", [1, 2]],
    ["{'a': 1, \"b\": [None]}", { a: 1, b: [null] }],
    ['{}', {}],
    ['20  # max', 20],
    ["'a#b' # c", 'a#b'],
    // Not Python literals: the raw text stays.
    ['yes', 'yes'],
    ['true', 'true'],
    ['010', '010'],
    ['a b', 'a b'],
    ['', ''],
    ['[1, 2', '[1, 2'],
    ['some text # not a comment', 'some text # not a comment'],
  ])('%s', (text, value) => {
    expect(parseIniValue(text)).toEqual(value);
  });
});

describe('shellWords (shlex.split with comments)', () => {
  it('splits on whitespace, honours quotes and escapes, stops at #', () => {
    expect(shellWords(`h1 a=1 b="x y" c='p q' d=a\\ b e=x#comment f=2`)).toEqual(['h1', 'a=1', 'b=x y', 'c=p q', 'd=a b', 'e=x']);
    expect(shellWords('h2   # only a comment')).toEqual(['h2']);
    expect(shellWords('v="say \\"hi\\""')).toEqual(['v=say "hi"']);
  });

  it('refuses an unclosed quote', () => {
    expect(() => shellWords('h1 a="open')).toThrow(ShellWordsError);
  });
});
