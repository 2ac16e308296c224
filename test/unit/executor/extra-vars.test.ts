import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HaRunError, ValidationError } from '../../../src/errors.js';
import { parseExtraVars } from '../../../src/executor/extra-vars.js';

describe('--extra-vars', () => {
  it('reads k=v pairs (strings, quotes kept together), JSON, and @files; later ones win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ev-'));
    writeFileSync(join(dir, 'vars.yml'), 'port: 8080\nlist: [1, 2]\n');
    const vars = parseExtraVars(['a=1 b="two words"', '{"c": {"d": true}, "a": 3}', '@vars.yml'], dir);
    expect(vars).toEqual({ a: 3, b: 'two words', c: { d: true }, port: 8080, list: [1, 2] });
  });
  it('decodes escapes in k=v values as ansible-playbook -e does', () => {
    // ansible-playbook -e 'x="a\tb\\c" y=\u00e9\n' sets x to a<TAB>b\c and y to é (values are stripped).
    expect(parseExtraVars(['x="a\\tb\\\\c" y=\\u00e9\\n'])).toEqual({ x: 'a\tb\\c', y: 'é' });
  });
  it('refuses words that are not k=v, with exit code 5', () => {
    try {
      parseExtraVars(['justaword']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HaRunError);
      expect((err as HaRunError).exitCode).toBe(5);
    }
  });
  it('reports a missing or broken vars file as invalid input', () => {
    expect(() => parseExtraVars(['@/nonexistent/file.yml'])).toThrow(ValidationError);
    expect(() => parseExtraVars(['{"a": [1,'])).toThrow(ValidationError);
  });
});
