// A playbook with a vaulted group_vars file and an inline `!vault` value, run on a lab host twice: the
// secrets arrive, the second run changes nothing, and neither secret is in the output or the log.
// Without a password, or with a wrong one, nothing runs: a validation error at file:line:col.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { buildCli, recapOf, runCli } from '../executor/cli.js';

const GROUP_SECRET = 'grp-Secret-8k2Q';
const INLINE_SECRET = 'inl-Secret-3xP9';
const dir = mkdtempSync(join(tmpdir(), 'ha-run-vault-run-'));
const dest = `/tmp/ha-run-vault-run-${process.pid}`;
const passFile = join(dir, 'vault-pass');
const wrongPassFile = join(dir, 'wrong-pass');

beforeAll(async () => {
  buildCli();
  writeFileSync(passFile, 'lab vault password\n');
  writeFileSync(wrongPassFile, 'not the password\n');
  mkdirSync(join(dir, 'group_vars'));
  writeFileSync(join(dir, 'group_vars/all.yml'), `mysql_root_pw: ${GROUP_SECRET}\n`);
  expect((await runCli(['vault', 'encrypt', '--vault-password-file', passFile, join(dir, 'group_vars/all.yml')])).code).toBe(0);
  const inline = await runCli(['vault', 'encrypt_string', '--vault-password-file', passFile, '--name', 'deploy_key', INLINE_SECRET]);
  expect(inline.code, inline.stderr).toBe(0);
  writeFileSync(
    join(dir, 'site.yml'),
    `- name: deploy with vaulted secrets
  hosts: node1
  gather_facts: false
  vars:
${inline.stdout.trimEnd().replace(/^/gm, '    ')}
  tasks:
    - name: write the app config
      ansible.builtin.copy:
        dest: ${dest}
        mode: "0600"
        content: |
          db_password={{ mysql_root_pw }}
          deploy_key={{ deploy_key }}
    - name: show what was used
      debug:
        msg: "db {{ mysql_root_pw }} key {{ deploy_key }}"
`,
  );
});

const logsOf = (cwd: string) => readdirSync(join(cwd, '.ha-run/logs')).map((f) => readFileSync(join(cwd, '.ha-run/logs', f), 'utf8')).join('\n');

describe('a run with Ansible Vault secrets', () => {
  it('decrypts the vaulted group_vars and the inline value, converges twice (changed=0 the second time), shows neither secret', async () => {
    const args = ['site.yml', '-i', testLab().inventory, '--diff', '--vault-password-file', passFile];
    const first = await runCli(args, { cwd: dir });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(recapOf(first.stdout).node1).toMatchObject({ changed: 1, failed: 0 });
    const onHost = await labExec('node1', `cat ${dest}`);
    expect(onHost.stdout).toBe(`db_password=${GROUP_SECRET}\ndeploy_key=${INLINE_SECRET}\n`);
    const second = await runCli(args, { cwd: dir });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(recapOf(second.stdout).node1).toMatchObject({ changed: 0, failed: 0 });
    const everything = first.stdout + first.stderr + second.stdout + second.stderr + logsOf(dir);
    expect(everything).toContain('db ******** key ********');
    expect(everything).not.toContain(GROUP_SECRET);
    expect(everything).not.toContain(INLINE_SECRET);
    await labExec('node1', `rm -f ${dest}`);
  });

  it('--ask-vault-pass asks on the terminal (without echo) and the password opens both', () => {
    const cli = buildCli();
    // `script` gives the CLI a terminal; the password is typed once the prompt is up.
    const typed = `(sleep 2; printf 'lab vault password\\r') | script -qec "${process.execPath} ${cli} validate site.yml -i ${testLab().inventory} --ask-vault-pass" /dev/null`;
    const r = spawnSync('sh', ['-c', typed], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('Vault password: ');
    expect(r.stdout).toContain('site.yml: valid (1 play, 2 tasks, 1 host)');
    expect(r.stdout).not.toContain('lab vault password');
  });

  it('without a password or with a wrong one: exit 4 before connecting, each vaulted place at file:line:col', async () => {
    const lines = readFileSync(join(dir, 'site.yml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('!vault'));
    const tagAt = { line: line + 1, col: lines[line]!.indexOf('!vault') + 1 };
    for (const [extra, says] of [
      [[], 'no vault password was given'],
      [['--vault-id', `lab@${wrongPassFile}`], "wrong vault password (tried vault id 'lab')"],
    ] as const) {
      for (const command of [['validate', 'site.yml'], ['site.yml']]) {
        const r = await runCli([...command, '-i', testLab().inventory, ...extra], { cwd: dir });
        expect(r.code, r.stdout + r.stderr).toBe(4);
        expect(r.stdout).not.toContain('PLAY [');
        expect(r.stderr).toContain(`group_vars/all.yml:1:1  vault-file  this file is encrypted with ansible-vault: ${extra.length ? 'cannot decrypt: ' : ''}${says}`);
        expect(r.stderr).toContain(`site.yml:${tagAt.line}:${tagAt.col}  vault-value  \`!vault\` value: ${extra.length ? 'cannot decrypt: ' : ''}${says}`);
        expect(r.stderr).not.toContain(INLINE_SECRET);
      }
    }
  });
});
