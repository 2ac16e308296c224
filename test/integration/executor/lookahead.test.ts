// Look-ahead reads on lab hosts: a converged re-run costs a few round trips per host (counted, and
// the test fails if they grow), and nothing read ahead is used after the host may have changed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { runTwice } from '../support/run-twice.js';
import { labExec, testLab } from '../support/lab.js';

const dir = join(import.meta.dirname, 'fixtures/lookahead');
const HOSTS = ['node2', 'node4'];

function roundTrips(stdout: string): Record<string, number> {
  const line = /^round trips per host: (.*)$/m.exec(stdout);
  expect(line, stdout).not.toBeNull();
  return Object.fromEntries(line![1]!.split(' ').map((pair) => [pair.split('=')[0]!, Number(pair.split('=')[1])]));
}

describe('look-ahead reads', () => {
  afterAll(async () => {
    for (const h of HOSTS) await labExec(h, 'rm -rf /tmp/harun-lookahead-it');
  });

  it('a converged re-run takes 3 round trips per host for 15 tasks, 3 of them commands that creates/removes skip (one per task without look-ahead)', async () => {
    const { first, second } = await runTwice([join(dir, 'converged.yml'), '-i', testLab().inventory, '-e', `target=${HOSTS.join(':')}`, '-v']);
    expect(Object.keys(roundTrips(first.stdout)).sort()).toEqual(HOSTS);
    // A window up to the read-only command (past set_fact, whose value the task after it uses, and the
    // skipped commands), the command, a window after it.
    for (const [host, n] of Object.entries(roundTrips(second.stdout))) expect(n, `${host}\n${second.stdout}`).toBeLessThanOrEqual(3);
  }, 120_000);

  it('reads again after a command, a delegated write, a pause and between retries', async () => {
    const [first, second] = HOSTS;
    for (let run = 1; run <= 2; run++) {
      const r = await runCli([join(dir, 'fresh-reads.yml'), '-i', testLab().inventory, '-e', `first=${first}`, '-e', `second=${second}`]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/TASK \[every read saw the host as it was\][^\n]*\nok: \[node\d\][^\n]*\nok: \[node\d\]/);
    }
  }, 120_000);

  it('never runs a pipe lookup early, even one reached through a variable', async () => {
    const marks = join(mkdtempSync(join(tmpdir(), 'harun-lookahead-pipe-')), 'marks');
    const r = await runCli([join(dir, 'controller-lookups.yml'), '-i', testLab().inventory, '-e', `target=${HOSTS[0]}`, '-e', `marks=${marks}`]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(marks, 'utf8')).toBe('ran\n');
  }, 120_000);
});
