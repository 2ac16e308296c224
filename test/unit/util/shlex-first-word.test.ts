// Where the first shell word of a command line ends: script takes it as the local path and passes the
// rest to the shell as written.
import { describe, expect, it } from 'vitest';
import { firstWordEnd } from '../../../src/util/shlex.js';

const rest = (text: string) => text.slice(firstWordEnd(text));

describe('firstWordEnd', () => {
  it('ends the word at the first unquoted blank', () => {
    expect(rest('run.sh one "two three"')).toBe(' one "two three"');
    expect(rest('  run.sh')).toBe('');
  });

  it('keeps quoted and escaped blanks in the word', () => {
    expect(rest("'space path/test.sh'")).toBe('');
    expect(rest("'space path/test.sh' --flag")).toBe(' --flag');
    expect(rest('"a \\" b".sh x')).toBe(' x');
    expect(rest('a\\ b.sh x')).toBe(' x');
  });
});
