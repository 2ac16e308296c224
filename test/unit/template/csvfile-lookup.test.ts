// lookup('csvfile'): a row found by its first field, options as keyword arguments or k=v words,
// files read as Python's csv module reads them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../../src/template/csv-reader.js';
import { renderValue, withoutUnsafe } from '../../../src/template/index.js';
import { templateError } from './helpers/template-error.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-run-csvfile-'));
mkdirSync(join(dir, 'files'));
writeFileSync(join(dir, 'files', 'hosts.csv'), 'name,ip,role\nweb 1,10.0.0.1,front\n"db, main",10.0.0.2,"data ""primary"""\n\n"""quoted"" key",10.0.0.9,odd\n');
writeFileSync(join(dir, 'files', 'ports.tsv'), 'http\t80\r\nssh\t22\r\n');
writeFileSync(join(dir, 'files', 'latin.csv'), Buffer.from('caf\xe9,yes\n', 'latin1'));
const render = (template: string) => withoutUnsafe(renderValue(template, { vars: {}, searchPaths: [dir] }));

const failure = (template: string): string => templateError(() => render(template)).message;

describe('the csv reader', () => {
  it('reads quotes, doubled quotes, text after a closing quote, CRLF and blank lines as Python does', () => {
    expect([...csvRows('a,"b ""c""",d\r\n\r\n"x"y,\n"multi\nline",z', ',')]).toEqual([['a', 'b "c"', 'd'], [], ['xy', ''], ['multi\nline', 'z']]);
    expect([...csvRows('a"b,c', ',')]).toEqual([['a"b', 'c']]);
    expect([...csvRows('', ',')]).toEqual([]);
  });
});

describe('the csvfile lookup', () => {
  it('finds a row by its first field (several words, quotes taken literally) and gives the column asked for', () => {
    expect(render("{{ lookup('csvfile', 'web 1', file='hosts.csv', delimiter=',') }}")).toBe('10.0.0.1');
    expect(render("{{ lookup('csvfile', 'db, main file=hosts.csv delimiter=, col=2') }}")).toBe('data "primary"');
    expect(render("{{ lookup('csvfile', '\"quoted\" key file=hosts.csv delimiter=, col=2') }}")).toBe('odd');
    expect(render("{{ lookup('csvfile', 'ssh file=ports.tsv') }}")).toBe('22');
    expect(render("{{ lookup('csvfile', 'http', 'ssh', file='ports.tsv', delimiter='TAB', wantlist=True) }}")).toEqual(['80', '22']);
    expect(render("{{ lookup('csvfile', 'café file=latin.csv delimiter=, encoding=latin-1') }}")).toBe('yes');
  });

  it('gives the default (or nothing) for a key not found', () => {
    expect(render("{{ lookup('csvfile', 'nobody file=hosts.csv delimiter=,') }}")).toEqual([]);
    expect(render("{{ lookup('csvfile', 'nobody file=hosts.csv delimiter=, default=none-here') }}")).toBe('none-here');
  });

  it("fails as Ansible's does on a missing key, an unknown option, a missing file or a bad column", () => {
    expect(failure("{{ lookup('csvfile', 'file=hosts.csv delimiter=,') }}")).toContain('Search key is required but was not found');
    expect(failure("{{ lookup('csvfile', 'web file=hosts.csv colour=red') }}")).toContain('colour is not a valid option');
    expect(failure("{{ lookup('csvfile', 'web', file='nope.csv') }}")).toContain('No such file or directory');
    expect(failure("{{ lookup('csvfile', 'web 1 file=hosts.csv delimiter=, col=7') }}")).toContain('list index out of range');
    expect(failure("{{ lookup('csvfile', 'web 1 file=hosts.csv delimiter=;;') }}")).toContain('"delimiter" must be a 1-character string');
  });
});
