// Local facts (ansible_local): *.fact files read as Ansible reads them. The INI expectations were
// checked against Python's configparser, the whole against `ansible -m setup -a fact_path=...`.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../src/connection/quote.js';
import { ConfigParserError, readConfig } from '../../../src/facts/config-parser.js';
import { localFacts, localFactsScript } from '../../../src/facts/local.js';

describe('configparser rules', () => {
  it.each([
    ['[s]\nKey = V\nk2: v2\n', { s: { key: 'V', k2: 'v2' } }],
    ['# c\n[DEFAULT]\nd=1\n[a]\nx=%(d)s%%\n; note\n', { a: { d: '1', x: '1%' } }],
    ['[s]\nlong = a\n  b\n\n  c\n\n[t]\nempty =\n', { s: { long: 'a\nb\n\nc' }, t: { empty: '' } }],
    ['', {}],
  ])('%j', (text, want) => {
    expect(readConfig(text)).toEqual(want);
  });

  it.each([['x=1\n'], ['[s]\nnovalue\n'], ['[s]\na=1\na=2\n'], ['[s]\n[s]\n'], ['[s]\na=%(missing)s\n'], ['[s]\na=50%\n']])('refuses %j', (text) => {
    expect(() => readConfig(text)).toThrow(ConfigParserError);
  });
});

describe('local facts, read for real with /bin/sh', () => {
  it('runs executables, reads the rest, and turns unreadable files into errors and warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-facts-d-'));
    try {
      writeFileSync(join(dir, 'json.fact'), '{"j": true}');
      writeFileSync(join(dir, 'ini.fact'), '[s]\nk=v\n');
      writeFileSync(join(dir, 'exe.fact'), '#!/bin/sh\necho \'{"a": [1, 2]}\'\n');
      chmodSync(join(dir, 'exe.fact'), 0o755);
      writeFileSync(join(dir, 'failing.fact'), '#!/bin/sh\necho boom >&2; exit 3\n');
      chmodSync(join(dir, 'failing.fact'), 0o755);
      writeFileSync(join(dir, 'bad.fact'), 'not [ valid');
      writeFileSync(join(dir, 'other.txt'), 'ignored');
      const out = execFileSync('/bin/sh', ['-c', localFactsScript(dir, shellQuote)], { encoding: 'utf8' });
      const { facts, warnings } = localFacts({ local: out });
      expect(facts).toEqual({
        local: {
          json: { j: true },
          ini: { s: { k: 'v' } },
          exe: { a: [1, 2] },
          failing: `Failure executing fact script (${dir}/failing.fact), rc: 3, err: boom\n`,
          bad: `error loading facts as JSON or ini - please check content: ${dir}/bad.fact`,
        },
      });
      expect(warnings).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives no ansible_local when fact_path is not a directory', () => {
    const out = execFileSync('/bin/sh', ['-c', localFactsScript('/nonexistent/facts.d', shellQuote)], { encoding: 'utf8' });
    expect(localFacts({ local: out })).toEqual({ facts: {}, warnings: [] });
  });
});
