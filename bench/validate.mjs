// Times `ha-run validate` on a big generated site: a 1000-host inventory (groups, ranges, vars) and a
// playbook of 50 plays x 40 tasks (10 written in the play, 30 from 3 of 10 roles, as real sites use
// roles). Run `npm run build` first. Target: under 1 s here. BENCH_DIR=dir keeps the generated files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI, loadNote, target } from './lib/common.mjs';

const HOSTS_PER_GROUP = 100;
const GROUPS = 10;
const PLAYS = 50;
const INLINE_TASKS = 10;
const ROLES = 10;
const ROLES_PER_PLAY = 3;
const TASKS_PER_ROLE = 10;
const RUNS = 5;

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function inventory() {
  let text = 'all:\n  vars:\n    ntp_server: pool.ntp.org\n  children:\n';
  for (let g = 0; g < GROUPS; g++) {
    text += `    group${g}:\n      vars:\n        group_port: ${8000 + g}\n      hosts:\n`;
    // Half the hosts as a range, half one by one with their own vars.
    text += `        g${g}-range[001:${String(HOSTS_PER_GROUP / 2).padStart(3, '0')}]:\n`;
    for (let h = 0; h < HOSTS_PER_GROUP / 2; h++) text += `        g${g}-host${h}: { host_index: ${h}, ansible_host: 10.${g}.0.${h + 1} }\n`;
  }
  return text;
}

function task(p, t) {
  switch (t % 5) {
    case 0:
      return `    - name: directory ${p}-${t}\n      ansible.builtin.file: { path: "/srv/p${p}/t${t}", state: directory, mode: "0755" }\n`;
    case 1:
      return `    - name: line ${p}-${t}\n      lineinfile: path=/etc/app${p}.conf line="port={{ group_port | default(80) }}" create=yes\n      notify: reload ${p}\n`;
    case 2:
      return `    - name: command ${p}-${t}\n      command: echo {{ ntp_server }} chdir=/tmp\n      register: out_${t}\n      changed_when: false\n`;
    case 3:
      return `    - name: copy ${p}-${t}\n      copy:\n        content: "{{ out_${t - 1} is defined }}"\n        dest: /srv/p${p}/c${t}\n      when: inventory_hostname in groups['group${p % GROUPS}']\n`;
    default:
      return `    - name: loop ${p}-${t}\n      debug: { msg: "{{ item }} {{ host_index | default(0) }}" }\n      loop: [a, b, c]\n`;
  }
}

function site(root) {
  for (let r = 0; r < ROLES; r++) {
    write(root, `roles/role${r}/defaults/main.yml`, `role${r}_dir: /opt/role${r}\n`);
    let tasks = `- name: role ${r} dir\n  file: { path: "{{ role${r}_dir }}", state: directory }\n  notify: role ${r} changed\n`;
    for (let t = 1; t < TASKS_PER_ROLE; t++) tasks += task(100 + r, t).replace(/^    /gm, '').replace(/notify: reload \d+/, `notify: role ${r} changed`);
    write(root, `roles/role${r}/tasks/main.yml`, tasks);
    write(root, `roles/role${r}/handlers/main.yml`, `- name: role ${r} changed\n  command: "true"\n`);
  }
  let text = '';
  for (let p = 0; p < PLAYS; p++) {
    const roles = Array.from({ length: ROLES_PER_PLAY }, (_, i) => `role${(p + i) % ROLES}`);
    text += `- name: play ${p}\n  hosts: group${p % GROUPS}\n  gather_facts: false\n  roles: [${roles.join(', ')}]\n  tasks:\n`;
    for (let t = 0; t < INLINE_TASKS; t++) text += task(p, t);
    text += `  handlers:\n    - name: reload ${p}\n      command: "true"\n`;
  }
  write(root, 'site.yml', text);
}

const root = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'ha-run-bench-'));
try {
  write(root, 'inventory.yml', inventory());
  site(root);
  const times = [];
  let summary = '';
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    summary = execFileSync(process.execPath, [CLI, 'validate', join(root, 'site.yml'), '-i', join(root, 'inventory.yml')], { encoding: 'utf8' }).trim();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(summary);
  const median = sorted[Math.floor(RUNS / 2)];
  console.log(`validate: ${PLAYS} plays x ${INLINE_TASKS + ROLES_PER_PLAY * TASKS_PER_ROLE} tasks, ${GROUPS * HOSTS_PER_GROUP} hosts; ${RUNS} runs: median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[RUNS - 1].toFixed(0)} ms; ${loadNote()}`);
  target(`validating a ${GROUPS * HOSTS_PER_GROUP}-host inventory under 1 s`, median < 1000, `median ${median.toFixed(0)} ms, process start included`);
} catch (err) {
  console.error(err.stdout ?? '', err.stderr ?? '', err.message);
  process.exitCode = 1;
} finally {
  if (!process.env.BENCH_DIR) rmSync(root, { recursive: true, force: true });
}
