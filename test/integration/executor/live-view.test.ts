// The live view in a real terminal (tmux), at 60 and 120 columns, with 24 hosts: inventory aliases of the
// lab's node1..node5 (each alias works under its own directory, so aliases of one host never collide).
// Mid-run, the hosts waiting for a fork are shown queued and still (no spinner), at most `forks` spin, and
// the task's done/total count is on the screen even when the list is taller than the terminal. At the end,
// the whole screen (scrollback included, times normalised) is compared with the captures in
// fixtures/live-view/: skipped hosts once with their own mark, no line for import_role, the failed task
// and host marked failed, change reasons, loop and retry counts. Each playbook runs twice; the second run
// changes nothing. Update the captures after a deliberate change with `vitest run -u`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, labHostInfo, testLab } from '../support/lab.js';
import { Terminal, requireTmux } from '../support/tmux.js';
import { buildCli, recapOf, totals } from './cli.js';

const FORKS = 6;
const HOSTS = Array.from({ length: 24 }, (_, i) => `h${String(i + 1).padStart(2, '0')}`);
const NODES = ['node1', 'node2', 'node3', 'node4', 'node5'];
const dir = mkdtempSync(join(tmpdir(), 'ha-run-live-view-'));
/** On the targets: one directory per width, one below it per inventory name. */
const remoteBase = `/tmp/ha-run-live-view-${process.pid}`;

const PLAYBOOK = `- name: live view
  hosts: all
  gather_facts: false
  tasks:
    - name: make a directory per host
      ansible.builtin.file:
        path: "{{ base }}/{{ inventory_hostname }}"
        state: directory
        mode: "0755"
    - name: write a file
      ansible.builtin.copy:
        content: "hello {{ inventory_hostname }}\\n"
        dest: "{{ base }}/{{ inventory_hostname }}/hello.txt"
        mode: "0600"
    - name: only the odd ones
      ansible.builtin.command: "true"
      changed_when: false
      when: inventory_hostname is search('[13579]$')
    - name: import the role
      ansible.builtin.import_role:
        name: marker
    - name: slow one
      ansible.builtin.command: sleep 2
      changed_when: false
    - name: each item
      ansible.builtin.copy:
        content: "{{ item }}\\n"
        dest: "{{ base }}/{{ inventory_hostname }}/item-{{ item }}"
        mode: "0644"
      loop: [a, b, c]
    - name: until it holds
      ansible.builtin.shell: "n=$(cat {{ base }}/{{ inventory_hostname }}/tries 2>/dev/null || echo 0); echo $((n+1)) > {{ base }}/{{ inventory_hostname }}/tries; echo $n"
      register: tries
      until: tries.stdout | int >= 1
      retries: 3
      delay: 0
      changed_when: false
    - name: fails on one host
      ansible.builtin.command: "false"
      when: inventory_hostname == 'h07'
`;

beforeAll(() => {
  requireTmux();
  buildCli();
  const lab = testLab();
  const aliases = HOSTS.map((h, i) => {
    const node = labHostInfo(NODES[i % NODES.length]!);
    return `    ${h}: { ansible_host: 127.0.0.1, ansible_port: ${node.port}, ansible_user: root, ansible_ssh_private_key_file: "${lab.privateKey}" }`;
  });
  writeFileSync(
    join(dir, 'inventory.yml'),
    ['all:', '  vars:', `    ansible_ssh_common_args: "-o UserKnownHostsFile=${lab.knownHosts} -o StrictHostKeyChecking=yes"`, '  hosts:', ...aliases, ''].join('\n'),
  );
  writeFileSync(join(dir, 'live.yml'), PLAYBOOK);
  mkdirSync(join(dir, 'roles/marker/tasks'), { recursive: true });
  writeFileSync(
    join(dir, 'roles/marker/tasks/main.yml'),
    `- name: role writes a marker\n  ansible.builtin.copy:\n    content: "role {{ inventory_hostname }}\\n"\n    dest: "{{ base }}/{{ inventory_hostname }}/role.txt"\n    mode: "0644"\n`,
  );
});

afterAll(async () => {
  for (const node of NODES) await labExec(node, `rm -rf ${remoteBase}`);
});

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
const EXITED = /^ha-run exited (\d+)$/m;
const SPINNER = /[\u2800-\u28ff]/;

/** Types the run into a new terminal; the shell says how it exited. */
function startRun(columns: number, rows: number): Terminal {
  const term = new Terminal(columns, rows);
  // As a person at a terminal: not CI, colour not forced either way.
  const env = 'env -u CI -u NO_COLOR -u ANSIBLE_NOCOLOR -u ANSIBLE_FORCE_COLOR';
  const run = [process.execPath, buildCli(), 'live.yml', '-i', 'inventory.yml', '-f', String(FORKS), '-e', `base=${remoteBase}/${columns}`].map(quote).join(' ');
  term.type(`cd ${quote(dir)} && ${env} ${run}; echo "ha-run exited $?"`);
  return term;
}

/** The run's screen from its first banner on, with what differs between runs (times, the log's name) replaced. */
function normalised(screen: string): string {
  const lines = screen.split('\n').map((l) => l.trimEnd());
  const start = lines.findIndex((l) => l.startsWith('PLAY ['));
  const end = lines.findIndex((l) => EXITED.test(l));
  return (
    lines
      .slice(start, end + 1)
      .join('\n')
      .replace(/\b\d+\.\ds\b/g, 'N.Ns')
      .replace(/^full log of this run: .*$/m, 'full log of this run: LOG') + '\n'
  );
}

interface HostLine {
  icon: string;
  host: string;
  rest: string;
}

function hostLines(screen: string): HostLine[] {
  return [...screen.matchAll(/^\s+(\S)\s(h\d\d)\b(.*)$/gm)].map((m) => ({ icon: m[1]!, host: m[2]!, rest: m[3]!.trim() }));
}

/** Mid-run: the slow task is on the screen and running (whether the others show as queued is then checked). */
const slowTaskRunning = (screen: string): boolean => screen.includes('TASK [slow one]') && SPINNER.test(screen);

async function finished(term: Terminal): Promise<{ code: number; screen: string }> {
  const screen = await term.waitFor((s) => EXITED.test(s), 240_000, { history: true });
  return { code: Number(EXITED.exec(screen)![1]), screen: normalised(screen) };
}

describe.each([
  { columns: 60, rows: 24 },
  { columns: 120, rows: 40 },
])('the live view at $columns columns ($rows rows), 24 hosts', ({ columns, rows }) => {
  it('shows waiting hosts as queued, then the same final screen run after run (second run: changed=0)', { timeout: 600_000 }, async () => {
    const first = startRun(columns, rows);
    try {
      const mid = await first.waitFor(slowTaskRunning, 240_000, { steady: (screen) => screen.replace(new RegExp(SPINNER, 'g'), '*') });
      // The live region of the slow task: below its own line when that fits on the screen.
      const region = mid.slice(Math.max(0, mid.search(/^[^\s›] TASK \[slow one\]/m)));
      const hosts = hostLines(region);
      expect(new Set(hosts.map((h) => h.host)).size, `a host shown twice:\n${mid}`).toBe(hosts.length);
      const spinning = hosts.filter((h) => SPINNER.test(h.icon));
      const queued = hosts.filter((h) => h.rest === 'queued');
      expect(spinning.length, `more hosts spin than forks:\n${mid}`).toBeLessThanOrEqual(FORKS);
      expect(spinning.length).toBeGreaterThan(0);
      expect(queued.length).toBeGreaterThan(0);
      // Waiting hosts are still: their own mark, never a spinner.
      expect(queued.every((h) => h.icon === '◼'), `a queued host spins:\n${mid}`).toBe(true);
      // The done/total count stays in sight: the task's line when the list fits, else a line at the bottom.
      const fits = HOSTS.length + 2 <= rows;
      const count = fits ? /^[^\s›] TASK \[slow one\]\s+\d+\/24$/m : /› TASK \[slow one\]\s+\d+\/24\s+\d+ running, \d+ queued\s*$/;
      expect(mid.trimEnd(), `no done/total count on the screen:\n${mid}`).toMatch(count);

      const end = await finished(first);
      expect(end.code, end.screen).toBe(2); // h07 fails, on purpose
      expect(totals(recapOf(end.screen), 'changed')).toBeGreaterThan(0);
      // import_role is no task of its own; nothing is shown as a warning.
      expect(end.screen).not.toMatch(/import the role|import_role|⚠/);
      await expect(end.screen).toMatchFileSnapshot(`fixtures/live-view/${columns}-first-run.txt`);
    } finally {
      first.close();
    }

    const second = startRun(columns, rows);
    try {
      const end = await finished(second);
      expect(end.code, end.screen).toBe(2);
      expect(totals(recapOf(end.screen), 'changed'), end.screen).toBe(0);
      await expect(end.screen).toMatchFileSnapshot(`fixtures/live-view/${columns}-second-run.txt`);
    } finally {
      second.close();
    }
  });
});
