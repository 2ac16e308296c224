// Only regular files are read as input, never more than the bound: a device, a FIFO or a directory where a
// file is expected is a clear error naming the path, not a hang or a read that never ends.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../../src/errors.js';
import { loadInventory } from '../../../src/inventory/load.js';
import { readLimit } from '../../../src/inventory/patterns.js';
import { validateRun } from '../../../src/playbook/validate-run.js';
import { InputFileError, readRegularFile } from '../../../src/source/read-file.js';
import { loadYamlFile } from '../../../src/source/yaml.js';
import { renderString } from '../../../src/template/index.js';

function dirWithFifo(name = 'pipe.yml'): { dir: string; fifo: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-special-'));
  const fifo = join(dir, name);
  execFileSync('mkfifo', [fifo]);
  return { dir, fifo };
}

/** The problems validation reports (it throws them together when there are errors). */
function problems(playbook: string, inventory: string): Diagnostic[] {
  try {
    return validateRun({ playbook, inventorySources: [inventory] }).diagnostics;
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
}

describe('readRegularFile', () => {
  it.each([
    ['/dev/zero', 'not-a-regular-file', 'is a character device, not a regular file'],
    ['/dev/null', 'not-a-regular-file', 'is a character device, not a regular file'],
    ['/tmp', 'not-a-regular-file', 'is a directory, not a regular file'],
    ['/nonexistent/file.yml', 'file-not-found', 'file not found'],
  ])('%s: %s', (path, code, message) => {
    expect(() => readRegularFile(path)).toThrow(InputFileError);
    expect(() => readRegularFile(path)).toThrow(expect.objectContaining({ code, message, location: { file: path, line: 1, col: 1 } }));
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const { fifo } = dirWithFifo();
    expect(() => readRegularFile(fifo)).toThrow(expect.objectContaining({ code: 'not-a-regular-file', message: 'is a FIFO (named pipe), not a regular file' }));
  });

  it('reads up to the bound and refuses a byte more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-bound-'));
    writeFileSync(join(dir, 'ten'), '0123456789');
    expect(readRegularFile(join(dir, 'ten'), 10).toString()).toBe('0123456789');
    expect(() => readRegularFile(join(dir, 'ten'), 9)).toThrow(expect.objectContaining({ code: 'file-too-large', message: 'file is larger than the limit of 9 bytes' }));
  });
});

describe('every kind of input refuses special files', () => {
  it('an inventory that is /dev/zero or a FIFO', () => {
    const { dir, fifo } = dirWithFifo('hosts.ini');
    for (const source of ['/dev/zero', fifo]) {
      const { diagnostics } = loadInventory([source], { cwd: dir });
      expect(diagnostics).toMatchObject([{ code: 'not-a-regular-file', location: { file: source, line: 1, col: 1 } }]);
    }
  });

  it('a playbook, a group_vars file and a vars file that are FIFOs or devices', () => {
    const { dir, fifo } = dirWithFifo('site.yml');
    expect(loadYamlFile(fifo).diagnostics).toMatchObject([{ code: 'not-a-regular-file', location: { file: fifo } }]);
    expect(loadYamlFile('/dev/zero').diagnostics).toMatchObject([{ code: 'not-a-regular-file' }]);

    mkdirSync(join(dir, 'group_vars'));
    execFileSync('mkfifo', [join(dir, 'group_vars/all.yml')]);
    writeFileSync(join(dir, 'hosts.ini'), 'web1\n');
    writeFileSync(join(dir, 'play.yml'), '- hosts: all\n  gather_facts: false\n  vars_files: [/dev/zero]\n  tasks:\n    - debug: msg=hi\n');
    expect(problems(join(dir, 'play.yml'), join(dir, 'hosts.ini'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'not-a-regular-file', location: expect.objectContaining({ file: join(dir, 'group_vars/all.yml') }) }),
        // Searches for files (vars_files, include_*, roles' files) take only regular files as candidates.
        expect.objectContaining({ code: 'file-not-found', message: "vars file '/dev/zero' not found" }),
      ]),
    );
  });

  it('a playbook given on the command line that is a FIFO', () => {
    const { dir, fifo } = dirWithFifo('site.yml');
    writeFileSync(join(dir, 'hosts.ini'), 'web1\n');
    expect(problems(fifo, join(dir, 'hosts.ini'))).toMatchObject([{ code: 'not-a-regular-file', location: { file: fifo, line: 1, col: 1 } }]);
  });

  it('a --limit @file and a lookup("file") of a device', () => {
    expect(() => readLimit('@/dev/zero')).toThrow("cannot read limit file '/dev/zero': is a character device, not a regular file");
    expect(() => renderString("{{ lookup('file', '/dev/zero') }}", { vars: {} })).toThrow(/\/dev\/zero/);
  });
});
