// --slice K/N and `ha-run recap` on lab hosts: three ha-run processes each run one slice of the same
// playbook at once (as an Indexed Job, a CI matrix or `xargs -P` would), their --json logs merge into one
// PLAY RECAP equal to an unsliced run's, and one failing slice makes the merged exit code non-zero.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { type CliRun, recapOf, runCli, totals } from './cli.js';

const fixtures = join(import.meta.dirname, 'fixtures/slice');
const NODES = ['node1', 'node2', 'node3', 'node4', 'node5'];
const remoteDir = `/tmp/harun-slice-it-${process.pid}`;
const logs = mkdtempSync(join(tmpdir(), 'ha-run-slice-it-'));

/** Runs the three slices at once; returns each slice's run and the files its --json output went to. */
async function runSlices(name: string, extra: string[]): Promise<{ runs: CliRun[]; files: string[] }> {
  const runs = await Promise.all(
    [1, 2, 3].map((k) => runCli([join(fixtures, 'converge.yml'), '-i', testLab().inventory, '-e', `dir=${remoteDir}/${name}`, ...extra, '--slice', `${k}/3`, '--json'])),
  );
  const files = runs.map((r, i) => {
    const file = join(logs, `${name}-${i + 1}.jsonl`);
    writeFileSync(file, r.stdout);
    return file;
  });
  return { runs, files };
}

/** The hosts a slice's log says it ran, from its run_end. */
function slicedHosts(run: CliRun): string[] {
  const end = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; stats?: object; slice?: object }).find((e) => e.event === 'run_end');
  expect(end?.slice, run.stdout).toBeDefined();
  return Object.keys(end!.stats!).sort();
}

describe('runs sliced across processes, merged by ha-run recap', () => {
  afterAll(async () => {
    for (const h of NODES) await labExec(h, `rm -rf ${remoteDir}`);
  });

  it('three slices converge all hosts, each host in one slice; the merged recap is the unsliced run\'s; the second run changes nothing', async () => {
    const first = await runSlices('ok-1', []);
    for (const r of first.runs) expect(r.code, r.stdout + r.stderr).toBe(0);
    // Hosts sorted by name, dealt out in turn.
    expect(first.runs.map(slicedHosts)).toEqual([['node1', 'node4'], ['node2', 'node5'], ['node3']]);
    const merged = await runCli(['recap', ...first.files]);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    const recap = recapOf(merged.stdout);
    expect(Object.keys(recap).sort()).toEqual(NODES);
    for (const h of NODES) expect(recap[h], merged.stdout).toMatchObject({ ok: 2, changed: 2, failed: 0, skipped: 1 });
    for (const h of NODES) expect((await labExec(h, `cat ${remoteDir}/ok-1/host.txt`)).stdout).toBe(`${h}\n`);

    const second = await runSlices('ok-1', []);
    for (const r of second.runs) expect(r.code, r.stdout + r.stderr).toBe(0);
    const again = await runCli(['recap', ...second.files]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(totals(recapOf(again.stdout), 'changed'), again.stdout).toBe(0);
    // The same run without --slice: the same recap, line for line.
    const whole = await runCli([join(fixtures, 'converge.yml'), '-i', testLab().inventory, '-e', `dir=${remoteDir}/ok-1`]);
    expect(whole.code, whole.stdout + whole.stderr).toBe(0);
    expect(again.stdout.slice(again.stdout.indexOf('PLAY RECAP'))).toBe(whole.stdout.slice(whole.stdout.indexOf('PLAY RECAP')));
  }, 240_000);

  it('one failing slice makes the merged exit code 2 and shows the failed host; twice, the second changing nothing', async () => {
    for (const round of [1, 2]) {
      const { runs, files } = await runSlices('fail', ['-e', 'fail_on=node2']);
      // node2 is in slice 2: only that slice fails.
      expect(runs.map((r) => r.code), runs.map((r) => r.stderr).join('')).toEqual([0, 2, 0]);
      const merged = await runCli(['recap', ...files]);
      expect(merged.code, merged.stdout + merged.stderr).toBe(2);
      const recap = recapOf(merged.stdout);
      expect(recap.node2, merged.stdout).toMatchObject({ failed: 1, ok: 2 });
      for (const h of NODES.filter((n) => n !== 'node2')) expect(recap[h], merged.stdout).toMatchObject({ failed: 0, skipped: 1 });
      expect(totals(recap, 'changed'), merged.stdout).toBe(round === 1 ? 10 : 0);
      // The merged run_end for machines says the same.
      const json = await runCli(['recap', '--json', ...files]);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ event: 'run_end', exitCode: 2, stats: { node2: { failed: 1 } } });
    }
  }, 240_000);

  it('refuses a missing slice, and a play that cannot be sliced before connecting', async () => {
    const { files } = await runSlices('ok-2', []);
    const missing = await runCli(['recap', files[0]!, files[2]!]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('slice 2/3 missing');
    const refused = await runCli([join(fixtures, 'run-once.yml'), '-i', testLab().inventory, '--slice', '1/2']);
    expect(refused.code, refused.stdout + refused.stderr).toBe(4);
    expect(refused.stderr).toMatch(/run-once\.yml:8:7 +not-sliceable +run_once is refused under --slice/);
    expect(refused.stdout).not.toContain('TASK [');
    // validate says the same without running; without --slice the play is fine.
    const validated = await runCli(['validate', join(fixtures, 'run-once.yml'), '-i', testLab().inventory, '--slice', '1/2']);
    expect(validated.code, validated.stderr).toBe(4);
    expect(validated.stderr).toContain('run_once is refused under --slice');
    expect((await runCli(['validate', join(fixtures, 'run-once.yml'), '-i', testLab().inventory])).code).toBe(0);
  }, 240_000);
});
