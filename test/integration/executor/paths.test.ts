// Controller-side paths a run reads: lookup('file') inside roles, and `--limit @file`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli } from './cli.js';

beforeAll(() => {
  buildCli();
});

describe('controller paths', () => {
  it("--limit @file runs only the listed hosts, and a role's lookup('file') reads its files/", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-limit-'));
    const limitFile = join(dir, 'hosts.txt');
    writeFileSync(limitFile, 'node4\n# a comment line is not a host\nnode5\n');
    await Promise.all(['node4', 'node5'].map((h) => labExec(h, 'rm -rf /tmp/ha-run-lookup-paths')));
    const run = await runCli([join(fixtures, 'lookup-paths.yml'), '-i', testLab().inventory, '--limit', `@${limitFile}`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(recapOf(run.stdout)).sort()).toEqual(['node4', 'node5']);
    expect((await labExec('node5', 'cat /tmp/ha-run-lookup-paths/motd')).stdout).toBe('Welcome from the lookups role\n');
    expect((await labExec('node4', 'cat /tmp/ha-run-lookup-paths/alpha /tmp/ha-run-lookup-paths/beta')).stdout).toBe('alpha\nbeta\n');
    const again = await runCli([join(fixtures, 'lookup-paths.yml'), '-i', testLab().inventory, '--limit', `@${limitFile}`]);
    expect(Object.values(recapOf(again.stdout)).map((c) => c.changed)).toEqual([0, 0]);
  });
});
