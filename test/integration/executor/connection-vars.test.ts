// Connection variables are rendered per task and the pool is keyed by the endpoint (issue 8, defects 2
// and 3): a templated port/address/user/sudo password works; a local task next to ssh tasks runs on the
// controller and the ssh tasks still on the target; a task whose own port reaches another machine, and a
// task delegated to another host, go where they say. Run twice: the second run changes nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, labHostInfo, testLab } from '../support/lab.js';
import { buildCli, fixtures, recapOf, runCli, totals } from './cli.js';

const base = `/tmp/ha-run-connvars-${randomBytes(4).toString('hex')}`;
const sudoUser = 'hacvpw';
const sudoWord = `pw-${randomBytes(6).toString('hex')}`;
let controllerDir: string;
let inventory: string;

/** The lab's node4 and node5, every connection variable a template (as inventories write them). */
function writeInventory(): string {
  const lab = testLab();
  const file = join(controllerDir, 'inventory.yml');
  writeFileSync(
    file,
    [
      'all:',
      '  vars:',
      "    ansible_host: \"{{ lab_address }}\"",
      "    ansible_port: \"{{ ssh_port }}\"",
      "    ansible_user: \"{{ 'ro' ~ 'ot' }}\"",
      `    ansible_ssh_private_key_file: "{{ '${lab.privateKey}' }}"`,
      `    ansible_ssh_common_args: "-o UserKnownHostsFile={{ '${lab.knownHosts}' }} -o StrictHostKeyChecking=yes"`,
      '    lab_address: 127.0.0.1',
      '  hosts:',
      `    node4: { ssh_port: ${labHostInfo('node4').port} }`,
      `    node5: { ssh_port: ${labHostInfo('node5').port} }`,
      '',
    ].join('\n'),
  );
  return file;
}

function run(playbook: string) {
  const extra = { base, controller_dir: controllerDir, sudo_user: sudoUser, sudo_word: sudoWord };
  return runCli([join(fixtures, playbook), '-i', inventory, '-e', JSON.stringify(extra)]);
}

const sh = async (host: string, cmd: string) => (await labExec(host, cmd)).stdout;

beforeAll(async () => {
  buildCli();
  controllerDir = mkdtempSync(join(tmpdir(), 'ha-run-connvars-'));
  inventory = writeInventory();
  // A login that needs its password for sudo, on node5 only.
  const setup = await labExec(
    'node5',
    `id ${sudoUser} >/dev/null 2>&1 || useradd -m -s /bin/sh ${sudoUser}; printf '%s\\n' '${sudoUser}:${sudoWord}' | chpasswd` +
      ` && mkdir -p /home/${sudoUser}/.ssh && cp /root/.ssh/authorized_keys /home/${sudoUser}/.ssh/ && chown -R ${sudoUser} /home/${sudoUser}/.ssh` +
      ` && echo '${sudoUser} ALL=(ALL) ALL' >/etc/sudoers.d/${sudoUser} && chmod 0440 /etc/sudoers.d/${sudoUser} && mkdir -p '${base}'`,
  );
  expect(setup.exitCode, setup.stderr).toBe(0);
});

afterAll(async () => {
  rmSync(controllerDir, { recursive: true, force: true });
  await labExec('node4', `rm -rf '${base}'`);
  await labExec('node5', `rm -rf '${base}' /etc/sudoers.d/${sudoUser}; userdel -r ${sudoUser} 2>/dev/null; true`);
});

describe('connection variables resolved per task', () => {
  it('renders templated connection variables and opens one connection per endpoint; the re-run changes nothing', async () => {
    const first = await run('connection-vars.yml');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const recap = recapOf(first.stdout);
    expect(recap.node4, first.stdout).toMatchObject({ unreachable: 0, failed: 0, changed: 6 });
    expect(recap.node5, first.stdout).toMatchObject({ unreachable: 0, failed: 0, changed: 1 });

    // The local task wrote on the controller, not on the target; the ssh tasks after it ran on the target.
    expect(readFileSync(join(controllerDir, 'from-node4'), 'utf8')).toBe('local for node4');
    expect(await sh('node4', `ls '${base}' | sort | tr '\\n' ' '`)).toBe('hostnames marker ');
    expect(await sh('node4', `cat '${base}/hostnames'`)).toBe(`controller=${hostname()}\ntarget=node4\n`);
    // The task's own port reached node5, and so did the delegated task (with node5's own port).
    expect(await sh('node5', `cat '${base}/via-other-port'; echo; cat '${base}/delegated'`)).toBe("written through node5's port\ndelegated from node4");

    // sudo got the rendered password, and the password shows nowhere in the output.
    expect(await sh('node5', `stat -c %U:%a '${base}/became'; cat '${base}/became'`)).toBe('root:600\nbecame root\n');
    expect(first.stdout + first.stderr).not.toContain(sudoWord);
    expect(first.stdout).toMatch(/"vault_sudo": "\*{8}"/);

    const second = await run('connection-vars.yml');
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(totals(recapOf(second.stdout), 'changed'), second.stdout).toBe(0);
    expect(totals(recapOf(second.stdout), 'unreachable')).toBe(0);
    expect(second.stdout).not.toContain(sudoWord);
  });

  it('fails only the task whose connection variable renders to nothing usable, naming the variable and the host', async () => {
    const r = await run('connection-vars-invalid.yml');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(recapOf(r.stdout).node4).toMatchObject({ ok: 3, failed: 0, ignored: 2, unreachable: 0 });
    expect(r.stdout).toContain('ansible_port for node4 must be a whole number from 1 to 65535, got "abc"');
    expect(r.stdout).toMatch(/ansible_user for node4 cannot be rendered: .*missing/);
  });
});
