// The converge fixture exercises most play/task keywords on three lab hosts; run twice it must
// change nothing the second time, and --check must change nothing at all.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli, totals } from './cli.js';

const hosts = ['node1', 'node2', 'node3'];
const base = `/tmp/ha-run-exec-${randomBytes(4).toString('hex')}`;
const playbook = join(fixtures, 'converge.yml');

function run(...extra: string[]) {
  return runCli([playbook, '-i', testLab().inventory, '-l', hosts.join(':'), '-e', `base=${base}`, ...extra]);
}

beforeAll(() => {
  buildCli();
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => labExec(h, `rm -rf '${base}' '${base}'.* '${base}-check'*`)));
});

describe('converge playbook', () => {
  it('--check on fresh hosts reports changes and writes nothing', async () => {
    const r = await runCli([join(fixtures, 'checkmode.yml'), '-i', testLab().inventory, '-l', hosts.join(':'), '-e', `base=${base}-check`, '--check', '--diff']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const recap = recapOf(r.stdout);
    expect(totals(recap, 'changed')).toBeGreaterThan(0);
    expect(r.stdout).toContain('+++ after');
    for (const h of hosts) {
      const probe = await labExec(h, `ls -d '${base}-check'* 2>/dev/null || echo absent`);
      expect(probe.stdout.trim()).toBe('absent');
    }
  });

  it('first run converges every keyword, second run changes nothing', async () => {
    const first = await run();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const recap1 = recapOf(first.stdout);
    expect(Object.keys(recap1).sort()).toEqual(hosts);
    for (const h of hosts) {
      expect(recap1[h]!.changed, h).toBeGreaterThan(0);
      expect(recap1[h]!.failed).toBe(0);
      expect(recap1[h]!.rescued).toBe(1);
      expect(recap1[h]!.ignored).toBe(1);
    }
    // serial [1, 2]: node1 alone first, then the other two.
    expect(first.stdout).toContain('(batch 1/2)');
    expect(first.stdout).toContain('(batch 2/2)');
    // diff: true on one task shows its diff though the run has no --diff
    expect(first.stdout).toContain(`+++ after: ${base}/app/diffed.conf`);
    expect(first.stdout).toContain('+diffed = yes');
    expect(first.stdout.match(/\+\+\+ after/g)?.length).toBe(3); // the one task, on three hosts
    // no_log hides the secret from the output, and the db password never shows anywhere.
    expect(first.stdout).not.toContain('hunter2-very-secret');
    // handlers ran once per host, role handler and listen topic both
    expect(first.stdout.match(/RUNNING HANDLER \[webapp : restart webapp\]/g)?.length).toBe(2); // once per batch
    expect(first.stdout).toContain('RUNNING HANDLER [reload app]');
    // end_host: only node1 reached the last task
    const tail = first.stdout.slice(first.stdout.indexOf('TASK [only node1 gets here]'));
    expect(tail).toMatch(/ok: \[node1\]/);

    // what the hosts look like now
    const n1 = await labExec('node1', `cd '${base}/app' && ls | sort | tr '\\n' ' '; cat settings.ini; stat -c %a user-alice`);
    expect(n1.stdout).toContain('app.conf diffed.conf items.txt marker-m1 marker-m2 reloaded restarted settings.ini user-alice user-bob ');
    expect(n1.stdout).not.toContain('check-only');
    expect(n1.stdout).not.toContain('user-mallory');
    expect(n1.stdout).toContain('port = 8080');
    expect(n1.stdout).toContain('user = bob');
    expect(n1.stdout.trim().endsWith('640')).toBe(true);
    const items = await labExec('node2', `cat '${base}/app/items.txt'`);
    expect(items.stdout).toBe('one\ntwo\nthree\n');

    const second = await run();
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const recap2 = recapOf(second.stdout);
    expect(totals(recap2, 'changed'), second.stdout).toBe(0);
    expect(totals(recap2, 'failed')).toBe(0);
    expect(second.stdout).not.toContain('RUNNING HANDLER');
  });

  it('--check after converging reports nothing to change', async () => {
    const r = await runCli([join(fixtures, 'checkmode.yml'), '-i', testLab().inventory, '-l', hosts.join(':'), '-e', `base=${base}`]);
    expect(r.code, r.stdout).toBe(0);
    const again = await runCli([join(fixtures, 'checkmode.yml'), '-i', testLab().inventory, '-l', hosts.join(':'), '-e', `base=${base}`, '--check']);
    expect(again.code, again.stdout).toBe(0);
    expect(totals(recapOf(again.stdout), 'changed'), again.stdout).toBe(0);
  });
});
