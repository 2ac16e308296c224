// Semantics checked by asserts inside the playbook (include_vars, include_role, set_fact across plays,
// hostvars, with_dict, when per item, delegate_to, clear_facts, ansible_become vars, end_play, serial
// percentages), run twice; and Ctrl-C: exit 99, connections closed, recap printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, root, runCli, totals } from './cli.js';

const limit = 'node1:node2:node3';

beforeAll(() => {
  buildCli();
});

describe('play semantics', () => {
  it('every assert holds, twice, with nothing changed', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli([join(fixtures, 'semantics.yml'), '-i', testLab().inventory, '-l', limit]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const recap = recapOf(r.stdout);
      expect(Object.keys(recap).sort()).toEqual(['node1', 'node2', 'node3']);
      expect(totals(recap, 'changed')).toBe(0);
      expect(totals(recap, 'failed')).toBe(0);
      expect(r.stdout).not.toContain('never runs after end_play');
      expect(r.stdout).toContain('ok: [node2 -> node1]');
      expect(r.stdout).toContain('FAILED - RETRYING: [node1]: until retries (3 retries left).');
      expect(r.stdout).toContain(`included: ${join(fixtures, 'tasks/dyn-a.yml')} for node1`);
      expect(r.stdout).toContain(`included: ${join(fixtures, 'tasks/dyn-b.yml')} for node2, node3`);
      expect(r.stdout.match(/PLAY \[percentage batches\]/g)?.length).toBe(3);
      // end_play in the second batch: the third batch never starts
      expect(r.stdout.match(/PLAY \[end play across batches\]/g)?.length).toBe(2);
    }
  });
});

/** Runs slow.yml on node1 and sends `signal` half a second into its long task. */
async function stopDuringSleep(signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; ms: number }> {
  const cli = buildCli();
  const child = spawn(process.execPath, [cli, join(fixtures, 'slow.yml'), '-i', testLab().inventory, '-l', 'node1'], {
    cwd: root,
    env: { ...process.env, CI: '1' },
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  const started = Date.now();
  const code = await new Promise<number | null>((done) => {
    const poll = setInterval(() => {
      if (stdout.includes('TASK [sleep]')) {
        clearInterval(poll);
        setTimeout(() => child.kill(signal), 500);
      }
    }, 50);
    child.on('exit', (c) => {
      clearInterval(poll);
      done(c);
    });
  });
  return { code, stdout, ms: Date.now() - started };
}

describe('interruption', () => {
  it('SIGINT stops the run with exit 99 and a recap, without waiting for the task', async () => {
    const { code, stdout, ms } = await stopDuringSleep('SIGINT');
    expect(code, stdout).toBe(99);
    expect(ms).toBeLessThan(20_000);
    expect(stdout).toContain('interrupted (SIGINT)');
    expect(stdout).toContain('PLAY RECAP');
    expect(stdout).not.toContain('TASK [after sleep]');
  });

  it('SIGTERM (CI cancelling a job) is handled like Ctrl-C: recap, log path, exit 143; the task it cut short is neither ok nor failed', async () => {
    const { code, stdout, ms } = await stopDuringSleep('SIGTERM');
    expect(code, stdout).toBe(143);
    expect(ms).toBeLessThan(20_000);
    expect(stdout).toContain('interrupted (SIGTERM): connections closed');
    expect(stdout).toMatch(/^interrupted: \[node1\]: .*effect on this host is unknown/m);
    expect(stdout).not.toMatch(/^(fatal|ok|changed): \[node1\]/m);
    expect(recapOf(stdout).node1).toMatchObject({ ok: 0, changed: 0, failed: 0, interrupted: 1 });
    expect(stdout).toMatch(/full log of this run: \S+/);
    expect(stdout).not.toContain('TASK [after sleep]');
  });
});
