import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyConfig } from '../../../src/config/cli-defaults.js';
import { formatConfigDump } from '../../../src/config/dump.js';
import { loadConfig } from '../../../src/config/load.js';
import { locateConfigFile } from '../../../src/config/locate.js';

let root: string;
let home: string;
let project: string;
const none = '/nonexistent/ansible.cfg';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ha-run-cfg-'));
  home = join(root, 'home');
  project = join(root, 'project');
  mkdirSync(home);
  mkdirSync(project);
});

describe('locateConfigFile (Ansible 2.14 order)', () => {
  it('takes ANSIBLE_CONFIG (a file or a directory), then ./ansible.cfg, then ~/.ansible.cfg', () => {
    writeFileSync(join(home, '.ansible.cfg'), '[defaults]\n');
    expect(locateConfigFile({ env: {}, cwd: project, home, systemFile: none }).file).toBe(join(home, '.ansible.cfg'));
    writeFileSync(join(project, 'ansible.cfg'), '[defaults]\n');
    expect(locateConfigFile({ env: {}, cwd: project, home, systemFile: none }).file).toBe(join(project, 'ansible.cfg'));
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'ansible.cfg'), '[defaults]\n');
    expect(locateConfigFile({ env: { ANSIBLE_CONFIG: other }, cwd: project, home, systemFile: none }).file).toBe(join(other, 'ansible.cfg'));
    // A named file that does not exist falls through to the next place, as in Ansible.
    expect(locateConfigFile({ env: { ANSIBLE_CONFIG: join(other, 'missing.cfg') }, cwd: project, home, systemFile: none }).file).toBe(join(project, 'ansible.cfg'));
  });

  it('ignores ./ansible.cfg in a world-writable directory, with a warning', () => {
    writeFileSync(join(project, 'ansible.cfg'), '[defaults]\n');
    chmodSync(project, 0o777);
    const found = locateConfigFile({ env: {}, cwd: project, home, systemFile: none });
    expect(found.file).toBeUndefined();
    expect(found.warning).toContain('writable by everyone');
    // Named with ANSIBLE_CONFIG, it is used and nothing is said.
    const named = locateConfigFile({ env: { ANSIBLE_CONFIG: join(project, 'ansible.cfg') }, cwd: project, home, systemFile: none });
    expect(named).toEqual({ file: join(project, 'ansible.cfg') });
  });
});

describe('loadConfig', () => {
  const load = (env: NodeJS.ProcessEnv = {}) => loadConfig({ env, cwd: project, home, systemFile: none });

  it('reads the settings ha-run has, paths relative to the file, and lists the rest with file:line', () => {
    writeFileSync(
      join(project, 'ansible.cfg'),
      '[defaults]\ninventory = inventory/hosts.yml,extra\nroles_path = ~/roles:shared/roles\nforks = 7\nhost_key_checking = False\ngathering = smart\n\n[privilege_escalation]\nbecome = yes\n',
    );
    const c = load({ ANSIBLE_GATHER_TIMEOUT: '3', ANSIBLE_FORKS: '9' });
    expect(c.diagnostics).toEqual([]);
    expect(c.settings.get('inventory')!.value).toEqual([join(project, 'inventory/hosts.yml'), join(project, 'extra')]);
    expect(c.settings.get('roles_path')!.value).toEqual([join(home, 'roles'), join(project, 'shared/roles')]);
    // The environment wins over the file.
    expect(c.settings.get('forks')).toMatchObject({ value: 9, origin: { kind: 'env', name: 'ANSIBLE_FORKS' } });
    expect(c.settings.get('host_key_checking')!.value).toBe(false);
    expect(c.settings.get('become')!.value).toBe(true);
    const dump = formatConfigDump(c, true);
    expect(dump).toContain(`CONFIG_FILE() = ${join(project, 'ansible.cfg')}\n`);
    expect(dump).toContain('DEFAULT_FORKS(env: ANSIBLE_FORKS) = 9\n');
    expect(dump).toContain(`HOST_KEY_CHECKING(${join(project, 'ansible.cfg')}:5) = false\n`);
    expect(dump).toContain(`  [defaults] gathering(${join(project, 'ansible.cfg')}:6) = smart\n`);
    expect(dump).toContain('  ANSIBLE_GATHER_TIMEOUT(env: ANSIBLE_GATHER_TIMEOUT) = 3\n');
    expect(dump).not.toContain('(default)');
  });

  it('reports a bad value at file:line:col, and a variable by name', () => {
    writeFileSync(join(project, 'ansible.cfg'), '[defaults]\nforks =  many\n[privilege_escalation]\nbecome_method = su\n');
    const c = load({ ANSIBLE_BECOME: 'perhaps' });
    expect(c.diagnostics.map((d) => [d.code, d.message, d.location])).toEqual([
      ['config-invalid', 'forks in [defaults]: must be a whole number from 1 to 10000, not "many"', { file: join(project, 'ansible.cfg'), line: 2, col: 10 }],
      ['config-invalid', 'ANSIBLE_BECOME: must be true or false, not "perhaps"', undefined],
      ['config-invalid', 'become_method in [privilege_escalation]: "su" is not supported', { file: join(project, 'ansible.cfg'), line: 4, col: 17 }],
    ]);
  });

  it('never prints the value of a setting that looks like a secret', () => {
    writeFileSync(join(project, 'ansible.cfg'), '[defaults]\nbecome_password = hunter2\n');
    const dump = formatConfigDump(load({ ANSIBLE_SOME_TOKEN: 's3cret' }), true);
    expect(dump).toContain('become_password(');
    expect(dump).not.toContain('hunter2');
    expect(dump).not.toContain('s3cret');
  });
});

describe('applyConfig (command line > environment > file > defaults)', () => {
  it('fills only what the command line left unset', () => {
    writeFileSync(
      join(project, 'ansible.cfg'),
      '[defaults]\ninventory = hosts\nremote_user = deploy\nforks = 4\ntimeout = 30\nstdout_callback = json\nlog_path = run.log\nvault_password_file = .vault-pass\n[ssh_connection]\nssh_args = -F ssh.cfg\n',
    );
    const config = loadConfig({ env: { ANSIBLE_REMOTE_USER: 'envuser' }, cwd: project, home, systemFile: none });
    const { options, extras } = applyConfig({ forks: '2' }, config);
    expect(options).toEqual({
      inventory: [join(project, 'hosts')],
      forks: '2',
      user: 'envuser',
      timeout: '30',
      json: true,
      vaultPasswordFile: [join(project, '.vault-pass')],
    });
    expect(extras).toEqual({ logPath: join(project, 'run.log'), sshArgs: '-F ssh.cfg' });
    // A vault option on the command line replaces the configured password file; -i replaces the inventory.
    const given = applyConfig({ askVaultPass: true, inventory: ['other'] }, config).options;
    expect(given).toMatchObject({ inventory: ['other'], askVaultPass: true });
    expect(given).not.toHaveProperty('vaultPasswordFile');
  });

  it("reads ssh's retries from [ssh_connection] or [connection], ANSIBLE_SSH_RETRIES above both", () => {
    writeFileSync(join(project, 'ansible.cfg'), '[ssh_connection]\nretries = 3\n');
    expect(applyConfig({}, loadConfig({ env: {}, cwd: project, home, systemFile: none })).extras).toEqual({ sshRetries: 3 });
    writeFileSync(join(project, 'ansible.cfg'), '[connection]\nretries = 2\n');
    const config = loadConfig({ env: { ANSIBLE_SSH_RETRIES: '5' }, cwd: project, home, systemFile: none });
    expect(applyConfig({}, config).extras).toEqual({ sshRetries: 5 });
    expect(config.unused).toEqual([]);
  });

  it('turns host_key_checking off into recording new keys (never accepting changed ones), saying where it came from', () => {
    writeFileSync(join(project, 'ansible.cfg'), '[defaults]\nhost_key_checking = false\n[privilege_escalation]\nbecome = true\nbecome_user = app\n');
    const { extras } = applyConfig({}, loadConfig({ env: {}, cwd: project, home, systemFile: none }));
    expect(extras).toEqual({ trustNewHostKeysBy: `host_key_checking=False (${join(project, 'ansible.cfg')}:2)`, playBecome: { become: true, becomeUser: 'app' } });
  });
});
