import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveSshSettings } from '../../../src/connection/settings.js';
import { lookupHostConfig, type SshConfigFile } from '../../../src/connection/ssh-config/lookup.js';
import { hostMatches } from '../../../src/connection/ssh-config/match.js';
import { expandTokens } from '../../../src/connection/ssh-config/tokens.js';

let home: string;
let file: string;
const files = (): SshConfigFile[] => [{ path: file, includeBase: join(home, '.ssh'), required: true }];
const env = () => ({ USER: 'me', HOME: home });

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ha-run-sshcfg-'));
  mkdirSync(join(home, '.ssh'));
  file = join(home, '.ssh', 'config');
});

describe('host patterns', () => {
  it('matches wildcards and lists; a negated pattern excludes', () => {
    expect(hostMatches(['web*'], 'web1')).toBe(true);
    expect(hostMatches(['web?'], 'web12')).toBe(false);
    expect(hostMatches(['db1', 'web*'], 'DB1')).toBe(true);
    expect(hostMatches(['*.lab,!bastion.lab'], 'bastion.lab')).toBe(false);
    expect(hostMatches(['*.lab', '!bastion.lab'], 'node.lab')).toBe(true);
    expect(hostMatches(['!bastion'], 'other')).toBe(false);
  });
});

describe('tokens', () => {
  it('expands %h %r %u %p %n %d %% and ~; an unknown token is an error', () => {
    const v = { host: '10.0.0.5', original: 'web1', remoteUser: 'deploy', localUser: 'me', port: 2222, home: '/home/me' };
    expect(expandTokens('~/.ssh/%n-%r@%h:%p_%u%%', v)).toBe('/home/me/.ssh/web1-deploy@10.0.0.5:2222_me%');
    expect(expandTokens('%d/k', v)).toBe('/home/me/k');
    expect(expandTokens('%C', v)).toEqual({ error: expect.stringContaining('%C') });
  });
});

describe('lookupHostConfig', () => {
  it('keeps the first value of each keyword, accumulates IdentityFile, follows Include, skips unsupported Match', () => {
    writeFileSync(join(home, '.ssh', 'extra.conf'), 'Host web1\n  ConnectTimeout 4\n');
    writeFileSync(
      file,
      [
        'Include extra.conf',
        'Host web1 web2',
        '  HostName 10.0.0.5',
        '  User=deploy',
        '  IdentityFile ~/.ssh/web',
        'Match exec "true"',
        '  User never',
        'Host *',
        '  User fallback',
        '  Port 2222',
        '  IdentityFile "~/.ssh/all keys"',
      ].join('\n'),
    );
    const c = lookupHostConfig('web1', files(), home);
    expect(c.problems).toEqual([]);
    expect(Object.fromEntries([...c.values].map(([k, v]) => [k, v.args.join(' ')]))).toEqual({ connecttimeout: '4', hostname: '10.0.0.5', user: 'deploy', port: '2222' });
    expect(c.identityFiles.map((f) => f.args[0])).toEqual(['~/.ssh/web', '~/.ssh/all keys']);
    expect(c.values.get('user')!.at).toEqual({ file, line: 4, col: 3 });
    expect(lookupHostConfig('other', files(), home).values.get('user')!.args).toEqual(['fallback']);
  });
});

describe('resolveSshSettings with an ssh config (Ansible precedence: inventory variables > ssh config > defaults)', () => {
  beforeEach(() => {
    writeFileSync(
      file,
      [
        'Host web1',
        '  HostName 10.0.0.5',
        '  User deploy',
        '  Port 2222',
        '  IdentityFile ~/.ssh/%r_%h',
        '  IdentitiesOnly yes',
        '  UserKnownHostsFile ~/.ssh/known_%n',
        '  ConnectTimeout 4',
        '  ServerAliveInterval 7',
        '  ProxyJump bastion',
        'Host bastion',
        '  HostName 192.0.2.1',
        '  Port 2200',
        '  User jumper',
        '  IdentityFile ~/.ssh/jump',
      ].join('\n'),
    );
  });

  it('takes an alias through the ssh config when the inventory says nothing', () => {
    const s = resolveSshSettings({ inventory_hostname: 'web1' }, { sshConfigFiles: files() }, { ...env(), SSH_AUTH_SOCK: '/agent' });
    expect(s).toMatchObject({
      address: '10.0.0.5',
      port: 2222,
      user: 'deploy',
      keyFiles: [],
      configKeyFiles: [join(home, '.ssh/deploy_10.0.0.5')],
      defaultKeyFiles: [],
      knownHostsFile: join(home, '.ssh/known_web1'),
      globalKnownHostsFiles: [],
      connectTimeoutMs: 4000,
      keepaliveIntervalMs: 7000,
      jumps: [{ user: 'jumper', address: '192.0.2.1', port: 2200, keyFiles: [join(home, '.ssh/jump')] }],
    });
    // IdentitiesOnly: the agent's keys are not offered.
    expect(s.agent).toBeUndefined();
  });

  it('gives each hop its own user: user@ in ProxyJump over the config, else the local user, never the target user', () => {
    const hop = (proxyJump: string) =>
      resolveSshSettings({ inventory_hostname: 'db9', ansible_host: '10.0.0.9', ansible_user: 'dba', ansible_ssh_common_args: `-o ProxyJump=${proxyJump}` }, { sshConfigFiles: files() }, env()).jumps;
    expect(hop('ops@bastion:2201')).toMatchObject([{ user: 'ops', address: '192.0.2.1', port: 2201, keyFiles: [join(home, '.ssh/jump')] }]);
    expect(hop('bastion')).toMatchObject([{ user: 'jumper', address: '192.0.2.1', port: 2200 }]);
    expect(hop('198.51.100.7')).toEqual([{ user: 'me', address: '198.51.100.7', port: 22 }]);
    expect(hop('a@198.51.100.7:2022,198.51.100.8')).toEqual([
      { user: 'a', address: '198.51.100.7', port: 2022 },
      { user: 'me', address: '198.51.100.8', port: 22 },
    ]);
  });

  it('matches ansible_host against Host lines, as ssh (given ansible_host) does', () => {
    const s = resolveSshSettings({ inventory_hostname: 'app', ansible_host: 'web1' }, { sshConfigFiles: files() }, env());
    expect(s).toMatchObject({ host: 'app', address: '10.0.0.5', port: 2222 });
  });

  it('lets inventory variables and -o options win over the ssh config', () => {
    const s = resolveSshSettings(
      {
        inventory_hostname: 'web1',
        ansible_port: 22,
        ansible_user: 'root',
        ansible_ssh_private_key_file: '~/.ssh/mine',
        ansible_timeout: 9,
        ansible_ssh_common_args: '-o ProxyJump=none -o ServerAliveInterval=3',
      },
      { sshConfigFiles: files() },
      env(),
    );
    expect(s).toMatchObject({ address: '10.0.0.5', port: 22, user: 'root', keyFiles: [join(home, '.ssh/mine')], connectTimeoutMs: 9000, keepaliveIntervalMs: 3000, jumps: [] });
    // The config's IdentityFile is still tried after the inventory's key, as ssh does.
    expect(s.configKeyFiles).toEqual([join(home, '.ssh/root_10.0.0.5')]);
  });

  it('reads the file named by -F in ansible_ssh_common_args (or ansible.cfg ssh_args) instead of ~/.ssh/config', () => {
    const other = join(home, 'project.ssh_config');
    writeFileSync(other, 'Host db\n  HostName 10.9.9.9\n  User dba\n');
    const s = resolveSshSettings({ inventory_hostname: 'db', ansible_ssh_common_args: `-F ${other}` }, {}, env());
    expect(s).toMatchObject({ address: '10.9.9.9', user: 'dba', defaultKeyFiles: [join(home, '.ssh/id_ed25519'), join(home, '.ssh/id_ecdsa'), join(home, '.ssh/id_rsa')] });
    const fromCfg = resolveSshSettings({ inventory_hostname: 'db' }, { sshArgs: `-F ${other}` }, env());
    expect(fromCfg.address).toBe('10.9.9.9');
    // A named file that is missing is the host's bad setting, said as such.
    expect(() => resolveSshSettings({ inventory_hostname: 'db' }, { sshArgs: `-F ${join(home, 'nope')}` }, env())).toThrow(/cannot read the ssh config .*nope/);
  });

  it('says file:line:col for a config problem, and refuses ProxyCommand', () => {
    writeFileSync(file, 'Host web1\n  HostName "10.0.0.5\nHost px\n  ProxyCommand nc %h %p\n');
    expect(() => resolveSshSettings({ inventory_hostname: 'web1' }, { sshConfigFiles: files() }, env())).toThrow(`${file}:2:3: unterminated quote`);
    writeFileSync(file, 'Host px\n  ProxyCommand nc %h %p\n');
    expect(() => resolveSshSettings({ inventory_hostname: 'px' }, { sshConfigFiles: files() }, env())).toThrow(new RegExp(`ProxyCommand is not supported .*${file}:2`));
  });

  it('turns StrictHostKeyChecking accept-new in the config into announced trust on first use', () => {
    writeFileSync(file, 'Host lab-*\n  StrictHostKeyChecking accept-new\n');
    const s = resolveSshSettings({ inventory_hostname: 'lab-1' }, { sshConfigFiles: files() }, env());
    expect(s).toMatchObject({ trustOnFirstUse: true, trustedBy: `StrictHostKeyChecking=accept-new in ${file}:2` });
  });
});
