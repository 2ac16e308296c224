import { afterEach, describe, expect, it } from 'vitest';
import { encryptVaultText, VaultKeyring } from '../../../src/vault/keyring.js';
import { useVaultKeyring } from '../../../src/vault/session.js';
import { reportError } from '../../../src/commands/action.js';
import { runInventoryCommand, type InventoryCommandOptions } from '../../../src/commands/inventory.js';
import { ExitCode } from '../../../src/errors.js';
import { tree } from './helpers.js';

/** Runs the command as the CLI would: returns exit code, stdout and stderr. */
async function run(group: string | undefined, options: InventoryCommandOptions, cwd: string) {
  let out = '';
  let err = '';
  let code: number;
  try {
    code = await runInventoryCommand(group, options, { out: (s) => (out += s), err: (s) => (err += s), cwd });
  } catch (e) {
    code = reportError(e, (s) => (err += s));
  }
  return { code, out, err };
}

const GOOD = { 'hosts.yml': 'all:\n  children:\n    web:\n      hosts:\n        w1: {a: 1}\n        w2:\n    db:\n      hosts:\n        d1:\n' };

describe('ha-run inventory', () => {
  it('--list prints ansible-inventory JSON; --limit narrows it', async () => {
    const dir = tree(GOOD);
    const full = await run(undefined, { inventory: ['hosts.yml'], list: true }, dir);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.out)).toEqual({
      _meta: { hostvars: { w1: { a: 1 } } },
      all: { children: ['ungrouped', 'web', 'db'] },
      web: { hosts: ['w1', 'w2'] },
      db: { hosts: ['d1'] },
    });
    const limited = await run(undefined, { inventory: ['hosts.yml'], list: true, limit: 'web:!w2' }, dir);
    expect(JSON.parse(limited.out)).toEqual({ _meta: { hostvars: { w1: { a: 1 } } }, all: { children: ['ungrouped', 'web', 'db'] }, web: { hosts: ['w1'] } });
  });

  it('--graph GROUP and --host', async () => {
    const dir = tree(GOOD);
    expect((await run('web', { inventory: ['hosts.yml'], graph: true }, dir)).out).toBe('@web:\n  |--w1\n  |--w2\n');
    expect((await run(undefined, { inventory: ['hosts.yml'], host: 'w1' }, dir)).out).toBe('{\n    "a": 1\n}\n');
  });

  it('exits 4 with every problem located when the inventory is invalid', async () => {
    const dir = tree({ 'hosts.yml': 'all:\n  host:\n    w1:\n  children:\n    g:\n      hosts:\n        n[2:1]:\n' });
    const result = await run(undefined, { inventory: ['hosts.yml'], list: true }, dir);
    expect(result.code).toBe(ExitCode.invalidInput);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/hosts\.yml:2:3 {2}unknown-key {2}unknown key 'host' in 'all' \(did you mean 'hosts'\?\)/);
    expect(result.err).toMatch(/hosts\.yml:7:9 {2}bad-range/);
    expect(result.err).toMatch(/2 problems found/);
    expect(result.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('masks passwords and other secret-named values in everything it prints', async () => {
    const dir = tree({
      'hosts.yml': 'all:\n  vars:\n    ansible_become_password: s3cr3t-become\n  hosts:\n    h1:\n      ansible_password: hunter2-ssh\n      db_token: tok-123456\n',
    });
    for (const options of [{ list: true }, { list: true, export: true }, { host: 'h1' }, { graph: true, vars: true }, { list: true, yaml: true }]) {
      const result = await run(undefined, { inventory: ['hosts.yml'], ...options }, dir);
      expect(result.code).toBe(0);
      expect(result.out).toContain('********');
      expect(result.out).not.toMatch(/s3cr3t-become|hunter2-ssh|tok-123456/);
    }
  });

  it('masks a short secret where it is listed by name, without garbling the same word elsewhere', async () => {
    const dir = tree({ 'hosts.yml': 'all:\n  hosts:\n    h1:\n      ansible_user: root\n      ansible_become_password: root\n      db:\n        password: root\n' });
    for (const options of [{ list: true }, { host: 'h1' }, { graph: true, vars: true }, { list: true, yaml: true }]) {
      const result = await run(undefined, { inventory: ['hosts.yml'], ...options }, dir);
      expect(result.code).toBe(0);
      expect(result.out, JSON.stringify(options)).toMatch(/ansible_user\W+root/);
      expect(result.out, JSON.stringify(options)).toMatch(/ansible_become_password\W+\*{8}/);
      expect(result.out, JSON.stringify(options)).toMatch(/password\W+\*{8}/);
      expect(result.out.match(/root/g)).toHaveLength(1);
    }
  });

  it('prints warnings but still succeeds', async () => {
    const dir = tree({ 'hosts.yml': 'all:\n  hosts:\n    db:\n  children:\n    db:\n      hosts:\n        d1:\n' });
    const result = await run(undefined, { inventory: ['hosts.yml'], list: true }, dir);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/warning host-group-conflict/);
  });

  it.each<[string, string | undefined, InventoryCommandOptions, RegExp]>([
    ['no action', undefined, { inventory: ['hosts.yml'] }, /exactly one of --list, --graph or --host/],
    ['two actions', undefined, { inventory: ['hosts.yml'], list: true, graph: true }, /exactly one/],
    ['no inventory', undefined, { list: true }, /no inventory given/],
    ['unknown host', undefined, { inventory: ['hosts.yml'], host: 'nope' }, /no host 'nope'/],
    ['misspelt host', undefined, { inventory: ['hosts.yml'], host: 'w3' }, /no host 'w3' in the inventory \(did you mean 'w1'/],
    ['unknown graph group', 'nope', { inventory: ['hosts.yml'], graph: true }, /no group 'nope'/],
    ['misspelt graph group', 'wbe', { inventory: ['hosts.yml'], graph: true }, /did you mean 'web'/],
  ])('exits 5 on bad options: %s', async (_name, group, options, message) => {
    const result = await run(group, options, tree(GOOD));
    expect(result.code).toBe(ExitCode.badOptions);
    expect(result.err).toMatch(message);
  });
});

describe('ha-run inventory with a vault password', () => {
  const secret = { id: 'default', password: Buffer.from('inventory-vault-pw') };
  afterEach(() => useVaultKeyring(undefined));

  it('reads vaulted group_vars and !vault values, masking every value from them; without the password a vaulted file is an error', async () => {
    const inline = encryptVaultText(Buffer.from('inline-tok-31'), secret).trimEnd().replace(/\n/g, '\n        ');
    const dir = tree({
      'inv/hosts.yml': `all:\n  hosts:\n    w1:\n      deploy_key: !vault |\n        ${inline}\n`,
      'inv/group_vars/all.yml': encryptVaultText(Buffer.from('db_host_word: vaulted-value-77\nregion: eu-west\n'), secret),
    });
    const locked = await run(undefined, { inventory: ['inv'], host: 'w1' }, dir);
    expect(locked.code).toBe(ExitCode.invalidInput);
    expect(locked.err).toContain('group_vars/all.yml:1:1  vault-file');
    useVaultKeyring(new VaultKeyring([secret]));
    const open = await run(undefined, { inventory: ['inv'], host: 'w1' }, dir);
    expect(open.code, open.err).toBe(0);
    expect(JSON.parse(open.out)).toEqual({ db_host_word: '********', region: '********', deploy_key: '********' });
  });
});
