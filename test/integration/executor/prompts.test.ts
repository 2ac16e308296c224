// Prompts in a real terminal (a pty made by util-linux `script`): -K for a user whose sudo needs a password,
// -k for SSH password authentication (a second sshd on node5 that allows it), vars_prompt; and without a
// terminal, errors naming what works instead. What is typed never reaches the output, the JSON events, the
// log, or a process list (the controller's or the target's).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, labHostInfo, testLab } from '../support/lab.js';
import { buildCli, recapOf, runCli, totals } from './cli.js';

const host = 'node5';
const user = 'hrprompt';
const password = 'Typed-Pw-8472';
const sshPort = 2298;
const runDir = mkdtempSync(join(tmpdir(), 'ha-run-prompts-'));
const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;

async function inHost(cmd: string): Promise<string> {
  const r = await labExec(host, cmd);
  if (r.exitCode !== 0) throw new Error(`${cmd}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

interface PtyRun {
  code: number;
  output: string;
  /** The controller's process list, taken while the run was going. */
  ps: string;
}

/**
 * Runs ha-run in a pseudo-terminal, answering each question when it shows (`[question, answer]` in order);
 * the answers go to the terminal, never to an argument.
 */
function runInPty(args: string[], answers: [string, string][], options: { psAfterMs?: number } = {}): Promise<PtyRun> {
  const line = [process.execPath, buildCli(), ...args].map(quote).join(' ');
  return new Promise((done) => {
    const child = spawn('script', ['-qec', line, '/dev/null'], { cwd: runDir, env: { ...process.env, CI: '1', TERM: 'dumb' } });
    let output = '';
    let answered = 0;
    let seenUpTo = 0;
    let ps = '';
    const psTimer = setTimeout(() => {
      ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
    }, options.psAfterMs ?? 1500);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (;;) {
        const next = answers[answered];
        const at = next ? output.indexOf(next[0], seenUpTo) : -1;
        if (!next || at < 0) break;
        child.stdin.write(next[1] + '\r');
        seenUpTo = at + next[0].length;
        answered++;
      }
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      clearTimeout(psTimer);
      done({ code: code ?? 250, output, ps });
    });
  });
}

function runLogs(): string {
  const dir = join(runDir, '.ha-run', 'logs');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** An inventory for node5 as the password user: through the lab's sshd with its key, or the second sshd with passwords only. */
function inventory(name: string, viaPasswordSshd: boolean): string {
  const h = labHostInfo(host);
  const lab = testLab();
  const file = join(runDir, `${name}.yml`);
  const address = viaPasswordSshd ? `ansible_host: ${h.address}\n      ansible_port: ${sshPort}` : `ansible_host: 127.0.0.1\n      ansible_port: ${h.port}\n      ansible_ssh_private_key_file: ${lab.inventory.replace(/inventory\.yml$/, 'id_ed25519')}\n      ansible_ssh_common_args: "-o UserKnownHostsFile=${lab.knownHosts}"`;
  writeFileSync(file, `all:\n  hosts:\n    ${host}:\n      ${address}\n      ansible_user: ${user}\n`);
  return file;
}

const becomePlaybook = join(runDir, 'become.yml');

beforeAll(async () => {
  buildCli();
  await inHost(
    `id ${user} >/dev/null 2>&1 || useradd -m -s /bin/sh ${user}
     printf '%s\\n' '${user}:${password}' | chpasswd
     echo '${user} ALL=(ALL) ALL' > /etc/sudoers.d/ha-run-test-${user} && chmod 0440 /etc/sudoers.d/ha-run-test-${user}
     mkdir -p /home/${user}/.ssh && cp /root/.ssh/authorized_keys /home/${user}/.ssh/ && chown -R ${user}: /home/${user}/.ssh
     mkdir -p /run/sshd
     [ -f /run/sshd-${user}.pid ] && kill "$(cat /run/sshd-${user}.pid)" 2>/dev/null; sleep 0.2
     /usr/sbin/sshd -p ${sshPort} -o PasswordAuthentication=yes -o PubkeyAuthentication=no -o PidFile=/run/sshd-${user}.pid -o AllowUsers=${user}`,
  );
  writeFileSync(
    becomePlaybook,
    `- hosts: ${host}
  gather_facts: false
  become: true
  tasks:
    - name: a task that takes a while under sudo
      command: sleep 3
      changed_when: false
    - name: write a file as root
      copy:
        dest: /root/ha-run-prompted
        content: "made through sudo\\n"
`,
  );
});

afterAll(async () => {
  await labExec(host, `[ -f /run/sshd-${user}.pid ] && kill "$(cat /run/sshd-${user}.pid)"; rm -f /root/ha-run-prompted`);
});

describe.skipIf(!hasScript)('prompts on a terminal', () => {
  it('-K asks for the become password: sudo gets it, nothing shows it; a second run changes nothing', async () => {
    const inv = inventory('keyed', false);
    for (const run of [1, 2]) {
      const r = await runInPty([becomePlaybook, '-i', inv], [], {});
      expect(r.code, r.output).toBe(2); // without -K, sudo refuses: the password is needed
      const asked = await runInPty([becomePlaybook, '-i', inv, '-K'], [['BECOME password: ', password]], { psAfterMs: 2000 });
      expect(asked.code, asked.output).toBe(0);
      expect(totals(recapOf(asked.output.replace(/\r/g, '')), 'changed')).toBe(run === 1 ? 1 : 0);
      expect(asked.output).not.toContain(password);
      expect(asked.ps).not.toContain(password);
      expect(asked.ps).toContain(becomePlaybook); // ps looked while the run was going
    }
    expect(await inHost('cat /root/ha-run-prompted')).toBe('made through sudo\n');
    expect(runLogs()).not.toContain(password);
  });

  it('-k -K: SSH password authentication, the become password defaulting to it; JSON events never carry it', async () => {
    const inv = inventory('password-sshd', true);
    const known = join(runDir, 'known_hosts');
    const r = await runInPty(
      ['adhoc', host, '-i', inv, '-k', '-K', '-b', '--json', '--known-hosts', known, '--trust-new-host-keys', '-m', 'command', '-a', 'id -un'],
      [
        ['SSH password: ', password],
        ['BECOME password[defaults to SSH password]: ', ''],
      ],
    );
    expect(r.code, r.output).toBe(0);
    const events = r.output.replace(/\r/g, '').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event: string; result?: { stdout?: string } });
    expect(events.find((e) => e.event === 'host_result')?.result?.stdout).toBe('root');
    expect(r.output).not.toContain(password);
    // Without -k the password-only sshd refuses: -k is what logged in.
    const refused = await runCli(['adhoc', host, '-i', inv, '--known-hosts', known, '-m', 'ping'], { cwd: runDir });
    expect(refused.code).toBe(3);
  });

  it('vars_prompt: default, confirm (asked again on a mismatch), private answers masked, -e skips the question', async () => {
    const playbook = join(runDir, 'prompted.yml');
    writeFileSync(
      playbook,
      `- name: prompted
  hosts: ${host}
  gather_facts: false
  vars_prompt:
    - name: colour
      prompt: Favourite colour
      private: false
      default: blue
    - name: passphrase
      prompt: Passphrase
      confirm: true
  tasks:
    - debug: msg="colour={{ colour }} passphrase={{ passphrase }}"
    - debug: var=passphrase
`,
    );
    const inv = inventory('keyed', false);
    const r = await runInPty([playbook, '-i', inv], [
      ['Favourite colour [blue]: ', ''],
      ['Passphrase: ', 'Sesame-Open-991'],
      ['confirm Passphrase: ', 'Sesame-Typo-991'],
      ['Passphrase: ', 'Sesame-Open-991'],
      ['confirm Passphrase: ', 'Sesame-Open-991'],
    ]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('VALUES ENTERED DO NOT MATCH');
    expect(r.output).toContain('"msg": "colour=blue passphrase=********"');
    expect(r.output).toContain('"passphrase": "********"');
    expect(r.output).not.toContain('Sesame-Open-991');
    const given = await runCli([playbook, '-i', inv, '-e', 'colour=red', '-e', 'passphrase=Given-On-Line'], { cwd: runDir });
    expect(given.code, given.stdout + given.stderr).toBe(0);
    expect(given.stdout).toContain('colour=red');
  });
});

describe('prompts without a terminal', () => {
  it('-K, -k and vars_prompt fail before connecting, naming what works instead', async () => {
    const inv = inventory('keyed', false);
    const become = await runCli([becomePlaybook, '-i', inv, '-K'], { cwd: runDir });
    expect(become.code).toBe(5);
    expect(become.stderr).toContain('-K/--ask-become-pass asks on the terminal, but stdin is not a terminal');
    expect(become.stderr).toContain('--become-password-file FILE');
    const ssh = await runCli(['adhoc', host, '-i', inv, '-k', '-m', 'ping'], { cwd: runDir });
    expect(ssh.code).toBe(5);
    expect(ssh.stderr).toContain('--connection-password-file FILE');
    const playbook = join(runDir, 'asks.yml');
    writeFileSync(playbook, `- hosts: ${host}\n  gather_facts: false\n  vars_prompt:\n    - name: release\n  tasks:\n    - debug: var=release\n`);
    const prompt = await runCli([playbook, '-i', inv], { cwd: runDir });
    expect(prompt.code).toBe(5);
    expect(prompt.stderr).toContain('asks.yml:4:7');
    expect(prompt.stderr).toContain('give it with -e release=VALUE');
  });

  it('--become-password-file gives the password without a terminal', async () => {
    const inv = inventory('keyed', false);
    const file = join(runDir, 'become-pass');
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    const r = await runCli([becomePlaybook, '-i', inv, '--become-password-file', file], { cwd: runDir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain(password);
  });

  it('vars_prompt with encrypt is refused at validation, at its line', async () => {
    const playbook = join(runDir, 'encrypt.yml');
    writeFileSync(playbook, `- hosts: ${host}\n  vars_prompt:\n    - name: pw\n      encrypt: sha512_crypt\n  tasks: []\n`);
    const r = await runCli(['validate', playbook, '-i', inventory('keyed', false)], { cwd: runDir });
    expect(r.code).toBe(4);
    expect(r.stdout + r.stderr).toContain('encrypt is not supported');
  });
});
