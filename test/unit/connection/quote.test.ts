import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote } from '../../../src/connection/quote.js';
import { HaRunError } from '../../../src/errors.js';

/** What /bin/sh (dash here, like Debian targets) makes of the quoted word: the proof that matters. */
function throughSh(value: string): string {
  return execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(value)}`]).toString('utf8');
}

const NASTY = [
  '',
  ' ',
  "'",
  "''",
  "it's",
  '"double"',
  '$(touch /tmp/ha-run-quote-pwned)',
  '`id`',
  '$HOME ${HOME} $1 $@ $$',
  'a\nb\n\n',
  '\t\r',
  'back\\slash\\',
  '*?[a-z]{1,2}~',
  'a=b',
  '-n',
  ';|&<>()!#',
  'ünïcødé 💥 日本語',
  "'; rm -rf / #",
  '%s %d \\n',
];

describe('shellQuote', () => {
  it.each(NASTY.map((s) => [JSON.stringify(s), s]))('%s reaches the command unchanged', (_label, value) => {
    expect(throughSh(value)).toBe(value);
  });

  it('keeps plain words readable and never uses bash-only $\'..\'', () => {
    expect(shellQuote('/etc/app.conf')).toBe('/etc/app.conf');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    // Anything not bare is only '...' pieces and \' escapes: the POSIX form, nothing else.
    for (const s of NASTY.filter((v) => v !== '-n')) expect(shellQuote(s)).toMatch(/^(?:'[^']*'|\\')+$/);
  });

  it('quotes a leading assignment so it cannot set a variable', () => {
    expect(shellQuote('a=b')).toBe("'a=b'");
  });

  it('refuses a NUL byte instead of truncating', () => {
    expect(() => shellQuote('a\0b')).toThrow(HaRunError);
  });

  it('joins arguments that arrive one by one', () => {
    const out = execFileSync('/bin/sh', ['-c', `printf '[%s]' ${shellJoin(['a b', "c'd", '', '$x'])}`]).toString();
    expect(out).toBe("[a b][c'd][][$x]");
  });
});
