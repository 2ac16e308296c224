// Missing directories made one by one with their attributes: the command is run for real by
// /bin/sh in a temporary directory (modes only: owners need root and real users).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirsCommand, pathPrefixes } from '../../../src/modules/files/make-dirs.js';

const mode = (p: string) => (statSync(p).mode & 0o7777).toString(8);
let top: string | undefined;
afterEach(() => {
  if (top) rmSync(top, { recursive: true, force: true });
});

function run(command: string): number {
  try {
    execFileSync('/bin/sh', ['-c', command], { stdio: 'ignore' });
    return 0;
  } catch (err) {
    return (err as { status: number }).status;
  }
}

describe('pathPrefixes', () => {
  it.each([
    ['/a/b/c', ['/a', '/a/b', '/a/b/c']],
    ['/a//b/', ['/a', '/a/b']],
    ['a/b', ['a', 'a/b']],
    ['/', []],
  ])('%s', (path, expected) => expect(pathPrefixes(path)).toEqual(expected));
});

describe('makeDirsCommand', () => {
  it('gives every directory it creates the mode, and leaves existing ones alone', () => {
    top = mkdtempSync(join(tmpdir(), 'ha-run-mkdirs-'));
    mkdirSync(join(top, 'a'), { mode: 0o711 });
    const path = join(top, 'a', "b c'd", 'e');
    expect(run(makeDirsCommand(path, { mode: 0o750 }))).toBe(0);
    expect([mode(join(top, 'a')), mode(join(top, 'a', "b c'd")), mode(path)]).toEqual(['711', '750', '750']);
    // Converged: running it again changes nothing and succeeds.
    expect(run(makeDirsCommand(path, { mode: 0o700 }))).toBe(0);
    expect(mode(path)).toBe('750');
  });

  it('takes a directory another process made between the look and the mkdir, and gives it the mode', () => {
    top = mkdtempSync(join(tmpdir(), 'ha-run-mkdirs-'));
    const path = join(top, 'raced', 'leaf');
    // A mkdir that loses every race: the directory appears just before it runs.
    const losing = 'mkdir() { command mkdir -m 0700 -- "$2" 2>/dev/null; command mkdir "$@"; }';
    expect(run(`${losing}; ${makeDirsCommand(path, { mode: 0o750 })}`)).toBe(0);
    expect([mode(join(top, 'raced')), mode(path)]).toEqual(['750', '750']);
  });

  it('fails when a file is in the way', () => {
    top = mkdtempSync(join(tmpdir(), 'ha-run-mkdirs-'));
    writeFileSync(join(top, 'f'), '');
    expect(run(makeDirsCommand(join(top, 'f', 'sub'), {}))).not.toBe(0);
  });
});
