// `ha-run vault` and the real ansible-vault read each other's files and `!vault` strings (1.1 and 1.2),
// and the edit/create commands keep plaintext only in a private temp file that is gone afterwards.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from '../executor/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-run-vault-compat-'));
const passFile = join(dir, 'pass.txt');
const otherPassFile = join(dir, 'other-pass.txt');
const PLAINTEXT = 'db_password: Sw0rdfish-4711\nusers:\n  - alice\n';

function ansibleVault(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('ansible-vault', args, { cwd: dir, encoding: 'utf8', input, env: { ...process.env, ANSIBLE_NOCOLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function fileWith(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  buildCli();
  writeFileSync(passFile, 'correct horse battery\n');
  writeFileSync(otherPassFile, 'another-one\n');
});

describe('ha-run vault and ansible-vault read each other', () => {
  it('files ansible-vault encrypts (1.1 and 1.2 with a vault id) open with ha-run vault view and decrypt', async () => {
    const v11 = fileWith('from-ansible-11.yml', PLAINTEXT);
    const v12 = fileWith('from-ansible-12.yml', PLAINTEXT);
    expect(ansibleVault(['encrypt', '--vault-password-file', passFile, v11]).code).toBe(0);
    expect(ansibleVault(['encrypt', '--vault-id', `prod@${passFile}`, v12]).code).toBe(0);
    expect(readFileSync(v12, 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
    const view = await runCli(['vault', 'view', '--vault-password-file', passFile, v11]);
    expect(view.code, view.stderr).toBe(0);
    expect(view.stdout).toBe(PLAINTEXT);
    const decrypt = await runCli(['vault', 'decrypt', '--vault-id', `dev@${otherPassFile}`, '--vault-id', `prod@${passFile}`, v12]);
    expect(decrypt.code, decrypt.stderr).toBe(0);
    expect(readFileSync(v12, 'utf8')).toBe(PLAINTEXT);
    expect(statSync(v12).mode & 0o777).toBe(0o600);
  });

  it('files ha-run encrypts (1.1 and 1.2) open with ansible-vault, and rekeyed ones with the new password', async () => {
    const v11 = fileWith('from-harun-11.yml', PLAINTEXT);
    const v12 = fileWith('from-harun-12.yml', PLAINTEXT);
    expect((await runCli(['vault', 'encrypt', '--vault-password-file', passFile, v11])).code).toBe(0);
    expect((await runCli(['vault', 'encrypt', '--vault-id', `dev@${otherPassFile}`, '--vault-id', `prod@${passFile}`, '--encrypt-vault-id', 'prod', v12])).code).toBe(0);
    expect(readFileSync(v11, 'utf8').startsWith('$ANSIBLE_VAULT;1.1;AES256\n')).toBe(true);
    expect(ansibleVault(['view', '--vault-password-file', passFile, v11]).stdout).toBe(PLAINTEXT);
    expect(ansibleVault(['view', '--vault-id', `prod@${passFile}`, v12]).stdout).toBe(PLAINTEXT);
    const rekey = await runCli(['vault', 'rekey', '--vault-password-file', passFile, '--new-vault-password-file', otherPassFile, v11]);
    expect(rekey.code, rekey.stderr).toBe(0);
    expect(ansibleVault(['view', '--vault-password-file', otherPassFile, v11]).stdout).toBe(PLAINTEXT);
    expect(ansibleVault(['view', '--vault-password-file', passFile, v11]).code).not.toBe(0);
  });

  it('encrypt_string output works in ansible, and ansible-vault encrypt_string output in ha-run', async () => {
    const ours = await runCli(['vault', 'encrypt_string', '--vault-password-file', passFile, '--name', 'api_token', 'tok: with-colon-77']);
    expect(ours.code, ours.stderr).toBe(0);
    const oursFile = fileWith('ours-inline.yml', ours.stdout);
    const shown = spawnSync('ansible', ['localhost', '-c', 'local', '-i', 'localhost,', '-m', 'debug', '-a', 'var=api_token', '-e', `@${oursFile}`, '--vault-password-file', passFile], { encoding: 'utf8' });
    expect(shown.stdout).toContain('"api_token": "tok: with-colon-77"');
    const theirs = ansibleVault(['encrypt_string', '--vault-id', `ops@${passFile}`, '--stdin-name', 'api_token'], 'from-stdin-88');
    expect(theirs.code, theirs.stderr).toBe(0);
    fileWith('theirs-inline.yml', theirs.stdout + '\n');
    fileWith('show.yml', '- hosts: localhost\n  gather_facts: false\n  tasks:\n    - copy: { content: "{{ api_token }}", dest: "{{ playbook_dir }}/theirs-plain" }\n');
    const run = await runCli(['show.yml', '-i', 'localhost,', '-c', 'local', '-e', '@theirs-inline.yml', '--vault-id', `ops@${passFile}`], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'theirs-plain'), 'utf8')).toBe('from-stdin-88');
  });
});

describe('ha-run vault edit and create', () => {
  // An "editor" that records where it was started and the file's mode, then appends a line.
  const editor = fileWith('editor.sh', `#!/bin/sh\nstat -c '%a %n' "$1" > ${join(dir, 'editor-saw')}\necho 'added: line' >> "$1"\n`);
  chmodSync(editor, 0o700);
  const editorSaw = () => readFileSync(join(dir, 'editor-saw'), 'utf8').trim().split(' ') as [string, string];

  it('create opens $EDITOR on a 0600 temp file, encrypts what was saved and removes the temp file', async () => {
    const target = join(dir, 'created.yml');
    const r = await runCli(['vault', 'create', '--vault-password-file', passFile, target], { env: { EDITOR: editor } });
    expect(r.code, r.stderr).toBe(0);
    const [mode, temp] = editorSaw();
    expect(mode).toBe('600');
    expect(existsSync(temp)).toBe(false);
    expect(ansibleVault(['view', '--vault-password-file', passFile, target]).stdout).toBe('added: line\n');
    const again = await runCli(['vault', 'create', '--vault-password-file', passFile, target], { env: { EDITOR: editor } });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('exists already');
  });

  it('edit decrypts into the temp file, re-encrypts with the same vault id, and leaves an unchanged file alone', async () => {
    const target = fileWith('edited.yml', PLAINTEXT);
    expect(ansibleVault(['encrypt', '--vault-id', `prod@${passFile}`, target]).code).toBe(0);
    const r = await runCli(['vault', 'edit', '--vault-id', `prod@${passFile}`, target], { env: { EDITOR: editor } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(editorSaw()[1])).toBe(false);
    expect(readFileSync(target, 'utf8').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
    expect(ansibleVault(['view', '--vault-id', `prod@${passFile}`, target]).stdout).toBe(`${PLAINTEXT}added: line\n`);
    const before = readFileSync(target, 'utf8');
    expect((await runCli(['vault', 'edit', '--vault-id', `prod@${passFile}`, target], { env: { EDITOR: 'true' } })).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('Ctrl-C while the editor runs does not leave the plaintext behind (the editor decides; the temp file goes)', async () => {
    const target = fileWith('interrupted.yml', PLAINTEXT);
    expect(ansibleVault(['encrypt', '--vault-password-file', passFile, target]).code).toBe(0);
    // The terminal sends SIGINT to ha-run as well as to the editor; this editor sends it to ha-run itself.
    const interrupting = fileWith('editor-int.sh', `#!/bin/sh\necho "$1" > ${join(dir, 'editor-saw')}\nkill -INT $PPID\nsleep 0.5\necho 'after: ctrl-c' >> "$1"\n`);
    chmodSync(interrupting, 0o700);
    const r = await runCli(['vault', 'edit', '--vault-password-file', passFile, target], { env: { EDITOR: interrupting } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(readFileSync(join(dir, 'editor-saw'), 'utf8').trim())).toBe(false);
    expect(ansibleVault(['view', '--vault-password-file', passFile, target]).stdout).toBe(`${PLAINTEXT}after: ctrl-c\n`);
  });

  it('a wrong password names the file and the vault id; no password and no terminal says what to pass', async () => {
    const target = fileWith('locked.yml', PLAINTEXT);
    expect(ansibleVault(['encrypt', '--vault-id', `prod@${passFile}`, target]).code).toBe(0);
    const wrong = await runCli(['vault', 'view', '--vault-id', `dev@${otherPassFile}`, target]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`cannot decrypt ${target}: wrong vault password (tried vault id 'dev'; it was encrypted for vault id 'prod')`);
    const none = await runCli(['vault', 'view', target]);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('stdin is not a terminal');
    expect(none.stderr).toContain('--vault-password-file');
  });
});
