// Secrets (issue 9): what reaches the target's process table, the output, the JSON events and the log.
// node5 gets a user `pwsudo` whose sudo needs a password, so the become password really travels.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { buildCli, runCli } from './cli.js';

const host = 'node5';
const becomePassword = `pw-${randomBytes(6).toString('hex')}`;
const envSecret = `env-${randomBytes(6).toString('hex')}`;
const runDir = mkdtempSync(join(tmpdir(), 'ha-run-secrets-'));

async function inHost(cmd: string): Promise<string> {
  const r = await labExec(host, cmd);
  if (r.exitCode !== 0) throw new Error(`${cmd}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

function runLogs(): string {
  const dir = join(runDir, '.ha-run', 'logs');
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

beforeAll(async () => {
  buildCli();
  await inHost(
    `id pwsudo >/dev/null 2>&1 || useradd -m -s /bin/sh pwsudo
     mkdir -p /home/pwsudo/.ssh && cp /home/app/.ssh/authorized_keys /home/pwsudo/.ssh/ && chown -R pwsudo: /home/pwsudo/.ssh
     printf '%s\\n' 'pwsudo:${becomePassword}' | chpasswd
     echo 'pwsudo ALL=(ALL) ALL' > /etc/sudoers.d/ha-run-test-pwsudo && chmod 0440 /etc/sudoers.d/ha-run-test-pwsudo`,
  );
});

describe('secrets on the target', () => {
  it('environment values and the become password never appear on a command line (ps) during a task', async () => {
    const marker = `/tmp/ha-run-env-seen-${randomBytes(4).toString('hex')}`;
    const playbook = join(runDir, 'env.yml');
    writeFileSync(
      playbook,
      `- hosts: ${host}
  gather_facts: false
  vars:
    sleeper: 3
  tasks:
    - name: environment without become
      command: sleep {{ sleeper }}
      environment:
        HA_RUN_TEST_SECRET: "{{ env_secret }}"
    - name: environment under become with a password
      command: sleep {{ sleeper }}.5
      become: true
      environment:
        HA_RUN_TEST_SECRET: "{{ env_secret }}"
    - name: the command still sees its environment
      shell: printf '%s' "$HA_RUN_TEST_SECRET" > ${marker}
      become: true
      environment:
        HA_RUN_TEST_SECRET: "{{ env_secret }}"
`,
    );
    const done = runCli([playbook, '-i', testLab().inventory, '-l', host, '-e', `env_secret=${envSecret}`, '-e', 'ansible_user=pwsudo', '-e', `ansible_become_password=${becomePassword}`], {
      cwd: runDir,
    });
    let finished = false;
    void done.then(() => (finished = true));
    const seen: string[] = [];
    while (!finished) {
      const table = await labExec(host, `for f in /proc/[0-9]*/cmdline; do tr '\\000\\n' '  ' < "$f" 2>/dev/null; echo; done`);
      seen.push(...table.stdout.split('\n').filter((l) => l.trim() !== ''));
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await done;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The process table was read while both sleeps ran, the second one under sudo.
    expect(seen.some((l) => l.includes('sleep 3 ') || l.endsWith('sleep 3'))).toBe(true);
    expect(seen.some((l) => l.startsWith('sudo ') && l.includes('sleep'))).toBe(true);
    for (const line of seen) {
      expect(line).not.toContain(envSecret);
      expect(line).not.toContain(becomePassword);
    }
    expect(await inHost(`cat ${marker}; rm -f ${marker}`)).toBe(envSecret);
    expect(r.stdout).not.toContain(envSecret);
    expect(runLogs()).not.toContain(becomePassword);
  });
});

describe('secrets in output, JSON events and the log', () => {
  const dbPassword = `db-${randomBytes(6).toString('hex')}`;
  const hidden = `hidden-${randomBytes(6).toString('hex')}`;
  const failing = `failing-${randomBytes(6).toString('hex')}`;
  const playbook = join(runDir, 'masking.yml');
  writeFileSync(
    playbook,
    `- name: deploy with {{ api_token }}
  hosts: ${host}
  gather_facts: false
  vars:
    rancher_db_password: "{{ lookup('env', 'HA_RUN_TEST_DB_PASSWORD') }}"
    short_password: root
  tasks:
    - name: a templated secret is masked as its rendered value
      debug:
        msg: "connect with {{ rancher_db_password }}"
    - name: a no_log task
      command: echo ${hidden}
      register: r
      no_log: true
    - name: its registered result printed whole
      debug: var=r
    - name: its registered output in a message
      debug:
        msg: "saw {{ r.stdout }}"
    - block:
        - name: a failing no_log task
          shell: echo ${failing}; exit 3
          no_log: true
      rescue:
        - name: the failure printed in rescue
          debug: var=ansible_failed_result
    - name: a short secret does not garble unrelated text
      debug:
        msg: "owner root in /root"
    - name: a short secret is masked where it is used, {{ short_password }} in a name too
      debug:
        msg: "login with {{ short_password }}"
`,
  );

  it('masks rendered template values, no_log registered results (debug, ansible_failed_result), and short values only where used', async () => {
    const r = await runCli([playbook, '-i', testLab().inventory, '-l', host, '--json', '-e', 'api_token=tok-never-shown-1'], { cwd: runDir, env: { HA_RUN_TEST_DB_PASSWORD: dbPassword } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const result = (name: string) => events.find((e) => e.event === 'host_result' && e.task?.name === name)?.result;
    expect(result('a templated secret is masked as its rendered value').msg).toBe('connect with ********');
    expect(result('its registered result printed whole').r).toBe('********');
    expect(result('its registered output in a message').msg).toBe('saw ********');
    expect(result('the failure printed in rescue').ansible_failed_result).toBe('********');
    expect(result('a short secret does not garble unrelated text').msg).toBe('owner root in /root');
    expect(result('a short secret is masked where it is used, ******** in a name too').msg).toBe('login with ********');
    expect(events.find((e) => e.event === 'play_start')?.name).toBe('deploy with ********');
    const everything = r.stdout + r.stderr + runLogs();
    for (const secret of [dbPassword, hidden, failing, 'tok-never-shown-1']) expect(everything).not.toContain(secret);
  });

  it('--list-tasks and --list-hosts do not print -e secrets', async () => {
    for (const option of ['--list-tasks', '--list-hosts', '--list-tags']) {
      const r = await runCli([playbook, '-i', testLab().inventory, option, '-e', 'api_token=tok-never-listed-2'], { cwd: runDir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('deploy with ********');
      expect(r.stdout).not.toContain('tok-never-listed-2');
    }
    const short = await runCli([playbook, '-i', testLab().inventory, '--list-tasks', '-e', 'api_token=1'], { cwd: runDir });
    expect(short.stdout).toContain('deploy with ********');
  });
});
