// find's selection as Ansible's walk makes it (a table over one listing), and tempfile's mktemp.
import { describe, expect, it } from 'vitest';
import type { Entry, Listing } from '../../../../src/modules/files/find/facts.js';
import { amount, containsMatch, fileFields, listingDepth, selectEntries } from '../../../../src/modules/files/find/select.js';
import { mktempCommand } from '../../../../src/modules/files/tempfile/module.js';
import { coerceToSchema } from '../../../../src/schema/coerce.js';
import { findSchema, type FindArgs } from '../../../../src/modules/files/find/schema.js';

const NOW = 1_800_000_000;
const entry = (rel: string, kind = 'f', extra: Partial<Entry> = {}): Entry => ({
  kind, mode: kind === 'd' ? 0o755 : 0o644, uid: 0, gid: 0, owner: 'root', group: 'root', size: 100, inode: 1, dev: 2, nlink: 1,
  atime: NOW - 10, mtime: NOW - 10, ctime: NOW - 10, depth: rel.split('/').length, rel, ...extra,
});
const listing: Listing = {
  now: NOW,
  roots: [
    {
      path: '/srv/',
      entries: [
        entry('a.txt'),
        entry('old.log', 'f', { mtime: NOW - 3 * 86400, size: 5000 }),
        entry('.hidden.txt'),
        entry('sub', 'd'),
        entry('sub/b.txt'),
        entry('sub/deeper', 'd'),
        entry('sub/deeper/c.txt'),
        entry('.hid', 'd'),
        entry('.hid/d.txt'),
        entry('link', 'l'),
      ],
    },
    { path: '/nope' },
  ],
};

const cases: { name: string; args: FindArgs; found: string[]; examined?: number }[] = [
  { name: 'defaults: files in the top directory, no hidden ones', args: { paths: '/srv/' }, found: ['/srv/a.txt', '/srv/old.log'], examined: 10 },
  { name: 'recurse walks hidden directories, hides hidden names', args: { paths: '/srv', recurse: true }, found: ['/srv/a.txt', '/srv/old.log', '/srv/sub/b.txt', '/srv/sub/deeper/c.txt', '/srv/.hid/d.txt'] },
  { name: 'depth', args: { paths: '/srv', recurse: true, depth: 2 }, found: ['/srv/a.txt', '/srv/old.log', '/srv/sub/b.txt', '/srv/.hid/d.txt'] },
  { name: 'globs and excludes on the base name', args: { paths: '/srv', recurse: true, patterns: '*.txt', excludes: 'b*' }, found: ['/srv/a.txt', '/srv/sub/deeper/c.txt', '/srv/.hid/d.txt'] },
  { name: 'regexes match from the start', args: { paths: '/srv', patterns: ['o.*', 'txt'], use_regex: true }, found: ['/srv/old.log'] },
  { name: 'hidden', args: { paths: '/srv', hidden: true, patterns: ['*.txt'] }, found: ['/srv/a.txt', '/srv/.hidden.txt'] },
  { name: 'directories', args: { paths: '/srv', file_type: 'directory', recurse: true, hidden: true }, found: ['/srv/sub', '/srv/sub/deeper', '/srv/.hid'] },
  { name: 'any type', args: { paths: '/srv', file_type: 'any' }, found: ['/srv/a.txt', '/srv/old.log', '/srv/sub', '/srv/link'] },
  { name: 'age at least', args: { paths: '/srv', age: '2d' }, found: ['/srv/old.log'] },
  { name: 'age at most', args: { paths: '/srv', age: '-1h' }, found: ['/srv/a.txt'] },
  { name: 'size', args: { paths: '/srv', size: '4k' }, found: ['/srv/old.log'] },
  { name: 'size at most', args: { paths: '/srv', size: '-1k' }, found: ['/srv/a.txt'] },
];

describe('find: selection', () => {
  for (const c of cases) {
    it(c.name, () => {
      const args = coerceToSchema(c.args, findSchema) as FindArgs;
      const s = selectEntries(args, listing);
      expect(s.found.map((f) => f.path)).toEqual(c.found);
      if (c.examined !== undefined) expect(s.examined).toBe(c.examined);
      expect(s.skipped).toEqual({ '/nope': '/nope was skipped as it does not seem to be a valid directory or it cannot be accessed\n' });
    });
  }
  it('lists one level deeper than it returns, as the walk looks in', () => {
    expect(listingDepth({ recurse: false })).toBe(1);
    expect(listingDepth({ recurse: true, depth: 2 })).toBe(3);
    expect(listingDepth({ recurse: true })).toBeUndefined();
  });
  it('units', () => {
    expect(amount('2d', 'age')).toBe(172800);
    expect(amount('-3m', 'age')).toBe(-180);
    expect(amount('3m', 'size')).toBe(3 * 1024 * 1024);
    expect(() => amount('3x', 'size')).toThrow(/failed to process size/);
  });
  it('contains: a line matching from its start, or the whole file', () => {
    expect(containsMatch('a\nfoo=1\n', 'foo', false)).toBe(true);
    expect(containsMatch('a foo\n', 'foo', false)).toBe(false);
    expect(containsMatch('a foo\n', 'foo', true)).toBe(true);
  });
  it("contains: $ matches before a line's (or the file's) final newline, as Python's", () => {
    expect(containsMatch('a OK\nb KO\n', '.*KO$', false)).toBe(true);
    expect(containsMatch('a KO\nb OK\n', 'KO$', true)).toBe(false);
    expect(containsMatch('a KO\nb OK\n', 'OK$', true)).toBe(true);
  });
  it("each file's stat fields", () => {
    expect(fileFields({ path: '/srv/x', entry: entry('x', 'f', { mode: 0o4750 }) })).toMatchObject({ path: '/srv/x', mode: '4750', isreg: true, isdir: false, isuid: true, xgrp: true, roth: false, pw_name: 'root' });
  });
});

describe('tempfile: mktemp', () => {
  it("Ansible's name: prefix, eight random characters, suffix", () => {
    expect(mktempCommand({})).toBe('mktemp -p "${TMPDIR:-/tmp}" ansible.XXXXXXXX');
    expect(mktempCommand({ state: 'directory', path: '/srv/my dir', prefix: 'build-', suffix: '.d' })).toBe("mktemp -d -p '/srv/my dir' --suffix=.d build-XXXXXXXX");
  });
});
