// Hostile input stays bounded at the command line: a device as the inventory is refused at once,
// validation works in a memory-limited environment (ssh2's WebAssembly loads only to connect), and Ctrl-C
// stops a run whose template is stuck in a catastrophic regular expression.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, root } from './cli.js';

const VALID = join(root, 'test/fixtures/valid');

beforeAll(() => {
  buildCli();
});

describe('bounded input at the command line', () => {
  it('an inventory that is /dev/zero is refused with exit 4, naming it', () => {
    const r = spawnSync(process.execPath, [buildCli(), 'validate', join(VALID, 'small.yml'), '-i', '/dev/zero'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('/dev/zero:1:1  not-a-regular-file  inventory is a character device, not a regular file');
  });

  it('validate runs under a 2 GB address-space limit (ulimit -v), where WebAssembly cannot reserve memory', () => {
    const cmd = `ulimit -v 2000000 && exec "${process.execPath}" "${buildCli()}" validate "${join(VALID, 'small.yml')}" -i "${join(VALID, 'inventory.yml')}"`;
    const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/WebAssembly|RuntimeError|^\s+at /m);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('valid (1 play, 1 task');
  });

  it('Ctrl-C stops a template stuck in a catastrophic regex: exit 99 and a recap, long before the budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-regex-sigint-'));
    const playbook = join(dir, 'stuck.yml');
    writeFileSync(
      playbook,
      [
        '- hosts: localhost',
        '  connection: local',
        '  gather_facts: false',
        '  vars:',
        "    text: \"{{ 'a' * 40 }}!\"",
        '  tasks:',
        '    - name: stuck',
        "      debug: msg=\"{{ text | regex_search('(a+)+$') }}\"",
        '    - name: after',
        '      debug: msg=never',
        '',
      ].join('\n'),
    );
    const child = spawn(process.execPath, [buildCli(), playbook, '-i', 'localhost,'], { cwd: dir, env: { ...process.env, CI: '1', HA_RUN_REGEX_TIMEOUT: '120' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    const started = Date.now();
    const code = await new Promise<number | null>((done) => {
      const poll = setInterval(() => {
        if (stdout.includes('TASK [stuck]')) {
          clearInterval(poll);
          setTimeout(() => child.kill('SIGINT'), 1_000);
        }
      }, 50);
      child.on('exit', (c) => {
        clearInterval(poll);
        done(c);
      });
    });
    expect(code, stdout).toBe(99);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(stdout).toContain('PLAY RECAP');
    expect(stdout).not.toContain('TASK [after]');
  }, 60_000);
});
