// ha-run vault reads named input files only if they are regular files: a FIFO never blocks it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../src/vault/files.js';

describe('vault input files', () => {
  it('refuses a FIFO and a missing file with the path, without blocking', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-vault-in-'));
    try {
      const fifo = join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      expect(() => readInput(fifo)).toThrow(`cannot read ${fifo}: `);
      expect(() => readInput(join(dir, 'missing'))).toThrow(/cannot read .*missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
