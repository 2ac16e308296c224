import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../../../src/connection/errors.js';
import { connectionKind, resolveSshSettings } from '../../../src/connection/settings.js';

const env = { USER: 'me', SSH_AUTH_SOCK: '/run/agent.sock' };

describe('resolveSshSettings', () => {
  it('reads the Ansible connection variables', () => {
    const s = resolveSshSettings(
      {
        inventory_hostname: 'web1',
        ansible_host: '10.0.0.5',
        ansible_port: '2201',
        ansible_user: 'deploy',
        ansible_ssh_private_key_file: '~/.ssh/deploy',
        ansible_ssh_pass: 'pw',
        ansible_ssh_private_key_passphrase: 'pp',
        ansible_ssh_timeout: 3,
        ansible_ssh_retries: '2',
        ansible_ssh_common_args: '-o UserKnownHostsFile=/tmp/kh -o ProxyJump=jump@10.0.0.1:2200',
      },
      {},
      env,
    );
    expect(s).toMatchObject({
      host: 'web1',
      address: '10.0.0.5',
      port: 2201,
      user: 'deploy',
      keyFiles: [join(homedir(), '.ssh/deploy')],
      defaultKeyFiles: [],
      password: 'pw',
      passphrase: 'pp',
      agent: '/run/agent.sock',
      jumps: [{ user: 'jump', address: '10.0.0.1', port: 2200 }],
      knownHostsFile: '/tmp/kh',
      globalKnownHostsFiles: [],
      trustOnFirstUse: false,
      connectTimeoutMs: 3000,
      retries: 2,
    });
    expect(() => resolveSshSettings({ inventory_hostname: 'web1', ansible_ssh_retries: 'often' }, {}, env)).toThrow(
      'ansible_ssh_retries for web1 must be a whole number from 0 to 100, got "often"',
    );
  });

  it('falls back like ssh: inventory name as address, port 22, $USER, ~/.ssh keys and known_hosts', () => {
    const s = resolveSshSettings({ inventory_hostname: 'db1' }, {}, {});
    expect(s).toMatchObject({ host: 'db1', address: 'db1', port: 22, user: 'root', keyFiles: [], agent: undefined, jumps: [], retries: 0 });
    expect(s.defaultKeyFiles).toContain(join(homedir(), '.ssh/id_ed25519'));
    expect(s.knownHostsFile).toBe(join(homedir(), '.ssh/known_hosts'));
    expect(s.globalKnownHostsFiles).toEqual(['/etc/ssh/ssh_known_hosts']);
  });

  it('lets connect options win over variables', () => {
    const s = resolveSshSettings(
      { inventory_hostname: 'h', ansible_ssh_common_args: '-o UserKnownHostsFile=/a -o ConnectTimeout=9' },
      { knownHostsFile: '/b', trustOnFirstUse: true, connectTimeoutMs: 1234 },
      env,
    );
    expect(s).toMatchObject({ knownHostsFile: '/b', trustOnFirstUse: true, connectTimeoutMs: 1234 });
  });

  it('treats StrictHostKeyChecking=accept-new as trust on first use', () => {
    expect(resolveSshSettings({ ansible_ssh_extra_args: '-o StrictHostKeyChecking=accept-new' }, {}, env).trustOnFirstUse).toBe(true);
    expect(resolveSshSettings({ ansible_ssh_extra_args: '-o StrictHostKeyChecking=yes' }, {}, env).trustOnFirstUse).toBe(false);
    // The run's option being off (no --trust-new-host-keys) does not cancel a host's own accept-new.
    const own = resolveSshSettings({ ansible_ssh_extra_args: '-o StrictHostKeyChecking=accept-new' }, { trustOnFirstUse: false }, env);
    expect(own.trustOnFirstUse).toBe(true);
    // Said in each announcement of a recorded key.
    expect(own.trustedBy).toBe('StrictHostKeyChecking=accept-new in ansible_ssh_extra_args');
    expect(resolveSshSettings({}, { trustOnFirstUse: true }, env).trustedBy).toBe('--trust-new-host-keys');
    expect(resolveSshSettings({}, {}, env).trustedBy).toBeUndefined();
  });

  it('reports unusable values with the host and a stable code', () => {
    const bad = (vars: Record<string, unknown>) => {
      try {
        resolveSshSettings({ inventory_hostname: 'x', ...vars }, {}, env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConnectionError);
        return [(err as ConnectionError).code, (err as ConnectionError).message];
      }
      return undefined;
    };
    expect(bad({ ansible_port: 'ssh' })).toEqual(['bad-connection-vars', expect.stringContaining('x must be a whole number')]);
    expect(bad({ ansible_port: 70000 })?.[0]).toBe('bad-connection-vars');
    expect(bad({ ansible_ssh_common_args: '-o ProxyJump=a@b@c' })?.[0]).toBe('bad-connection-vars');
    expect(bad({ ansible_ssh_common_args: '-o ProxyCommand="nc %h %p"' })?.[0]).toBe('bad-connection-vars');
  });
});

describe('connectionKind', () => {
  it('knows ssh (default) and local, and refuses the rest', () => {
    expect(connectionKind({}, 'h')).toBe('ssh');
    expect(connectionKind({ ansible_connection: 'local' }, 'h')).toBe('local');
    expect(() => connectionKind({ ansible_connection: 'winrm' }, 'h')).toThrow(/winrm/);
  });
});
