// Exit codes and recap counts for failures, fatal failures, failure percentages and unreachable hosts,
// each run twice where the outcome must be stable.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli } from './cli.js';

const limit = 'node1:node2:node3';
const pb = (name: string) => join(fixtures, name);

beforeAll(() => {
  buildCli();
});

describe('failures and exit codes', () => {
  it('a failed host gives exit 2, its rc and stderr, the log path; the others go on (twice)', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli([pb('failing.yml'), '-i', testLab().inventory, '-l', limit]);
      expect(r.code, r.stdout).toBe(2);
      const recap = recapOf(r.stdout);
      expect(recap.node2).toMatchObject({ failed: 1, ok: 0 });
      expect(recap.node1).toMatchObject({ failed: 0, ok: 1, skipped: 1, changed: 0 });
      expect(recap.node3).toMatchObject({ failed: 0, ok: 1, skipped: 1, changed: 0 });
      expect(r.stdout).toContain('fatal: [node2]: FAILED! => non-zero return code');
      expect(r.stdout).toMatch(/task: \S*failing\.yml:5:7/);
      expect(r.stdout).toContain('rc: 3');
      expect(r.stdout).toContain('oops');
      expect(r.stdout).toMatch(/full log of this run: \S+\.jsonl/);
    }
  });

  it('any_errors_fatal stops the play on every host (twice)', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli([pb('fatal.yml'), '-i', testLab().inventory, '-l', limit]);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stdout).not.toContain('TASK [must not run anywhere]');
      const recap = recapOf(r.stdout);
      expect(recap.node1!.failed).toBe(1);
      expect(recap.node2).toMatchObject({ rescued: 1, failed: 0 });
      expect(r.stdout).toMatch(/TASK \[everyone still here\][^]*ok: \[node3\]/);
    }
  });

  it('max_fail_percentage stops the play when exceeded (twice)', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli([pb('maxfail.yml'), '-i', testLab().inventory, '-l', limit]);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stdout).not.toContain('TASK [must not run]');
      expect(r.stdout).toContain('max_fail_percentage');
      expect(recapOf(r.stdout).node3!.failed).toBe(1);
    }
  });

  it('an unreachable host gives exit 3 and unreachable=1; reachable hosts still run (twice)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-unreach-'));
    const inv = join(dir, 'ghost.yml');
    writeFileSync(inv, 'all:\n  hosts:\n    ghost:\n      ansible_host: 127.0.0.1\n      ansible_port: 1\n      ansible_user: root\n');
    for (let i = 0; i < 2; i++) {
      const r = await runCli([pb('ping.yml'), '-i', testLab().inventory, '-i', inv, '-l', 'node1:ghost']);
      expect(r.code, r.stdout + r.stderr).toBe(3);
      const recap = recapOf(r.stdout);
      expect(recap.ghost).toMatchObject({ unreachable: 1, ok: 0, failed: 0 });
      expect(recap.node1).toMatchObject({ unreachable: 0, ok: 1, changed: 0 });
      expect(r.stdout).toContain('fatal: [ghost]: UNREACHABLE!');
    }
  });
});

describe('host keys from the command line', () => {
  it('--known-hosts without the key refuses the host; --trust-new-host-keys records it, then it is known', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-kh-'));
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, '');
    const refused = await runCli([pb('ping.yml'), '-i', testLab().inventory, '-l', 'node4', '--known-hosts', knownHosts]);
    expect(refused.code, refused.stdout).toBe(3);
    expect(refused.stdout).toContain('fatal: [node4]: UNREACHABLE!');
    expect(refused.stdout).toMatch(/SHA256:/);
    const trusted = await runCli([pb('ping.yml'), '-i', testLab().inventory, '-l', 'node4', '--known-hosts', knownHosts, '--trust-new-host-keys']);
    expect(trusted.code, trusted.stdout).toBe(0);
    expect(readFileSync(knownHosts, 'utf8')).toContain(`[127.0.0.1]:${testLab().hosts.node4!.port}`);
    const known = await runCli([pb('ping.yml'), '-i', testLab().inventory, '-l', 'node4', '--known-hosts', knownHosts]);
    expect(known.code, known.stdout).toBe(0);
  });
});
