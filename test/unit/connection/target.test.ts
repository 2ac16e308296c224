// Which tasks share a connection: the pool's key is the endpoint (kind, user@address:port, credentials,
// jump hosts, host-key trust) for a host, never the inventory name alone.
import { describe, expect, it } from 'vitest';
import { ConnectionPool } from '../../../src/connection/pool.js';
import { resolveTarget, targetKey } from '../../../src/connection/target.js';

const base = {
  inventory_hostname: 'web1',
  ansible_host: '10.0.0.5',
  ansible_port: 22,
  ansible_user: 'deploy',
  ansible_ssh_private_key_file: '/keys/deploy',
  ansible_ssh_common_args: '-o UserKnownHostsFile=/tmp/kh',
};
const key = (vars: Record<string, unknown>) => targetKey(resolveTarget({ ...base, ...vars }));

describe('targetKey', () => {
  it('is the same for the same endpoint, however the variables are spelled', () => {
    expect(key({})).toBe(key({ ansible_port: '22' }));
    expect(key({})).toBe(key({ ansible_ssh_timeout: 30 })); // a timeout shapes an attempt, not the endpoint
    expect(key({ ansible_connection: 'local' })).toBe(key({ ansible_connection: 'local', ansible_port: 2222 }));
  });

  it('differs for every part of the endpoint', () => {
    const variants: Record<string, unknown>[] = [
      { ansible_connection: 'local' },
      { inventory_hostname: 'web2' },
      { ansible_host: '10.0.0.6' },
      { ansible_port: 2222 },
      { ansible_user: 'root' },
      { ansible_ssh_private_key_file: '/keys/other' },
      { ansible_password: 'pw-one' },
      { ansible_ssh_private_key_passphrase: 'pp-one' },
      { ansible_ssh_common_args: '-o UserKnownHostsFile=/tmp/kh -o ProxyJump=jump@10.0.0.1' },
      { ansible_ssh_common_args: '-o UserKnownHostsFile=/tmp/other' },
      { ansible_ssh_common_args: '-o UserKnownHostsFile=/tmp/kh -o StrictHostKeyChecking=accept-new' },
    ];
    const keys = [key({}), ...variants.map(key)];
    expect(new Set(keys).size).toBe(keys.length);
    expect(key({ ansible_password: 'pw-one' })).not.toBe(key({ ansible_password: 'pw-two' }));
  });

  it('never holds a secret in clear', () => {
    const k = key({ ansible_password: 'hunter2-pw', ansible_ssh_private_key_passphrase: 'hunter2-pp' });
    expect(k).not.toContain('hunter2');
  });
});

describe('resolveTarget', () => {
  it('refuses a value that is still not a port, naming the variable and the host, as a task failure', () => {
    for (const vars of [{ ansible_port: 'abc' }, { ansible_port: undefined, ansible_ssh_port: '22x' }, { ansible_connection: 'local', ansible_port: 'abc' }]) {
      const err = (() => {
        try {
          resolveTarget({ ...base, ...vars });
        } catch (e) {
          return e as { code: string; message: string; unreachable: boolean };
        }
      })();
      const name = Object.entries(vars).find(([n, v]) => n.endsWith('port') && v !== undefined)![0];
      expect(err).toMatchObject({ code: 'bad-connection-vars', unreachable: false });
      expect(err!.message).toContain(`${name} for web1 must be a whole number`);
    }
  });

  it('refuses an unrendered template as what it is', () => {
    expect(() => resolveTarget({ ...base, ansible_port: '{{ myport }}' })).toThrow('ansible_port for web1 must be a whole number from 1 to 65535, got "{{ myport }}"');
  });
});

describe('ConnectionPool', () => {
  it('keeps one connection per endpoint: a local one is not reused for ssh, nor one port for another', async () => {
    const pool = new ConnectionPool();
    const local = { inventory_hostname: 'h', ansible_connection: 'local' };
    const a = await pool.get('h', local);
    expect(await pool.get('h', { ...local })).toBe(a);
    const other = pool.get('h', { ...base, inventory_hostname: 'h', ansible_port: 1, ansible_ssh_timeout: 1 });
    // Whatever that attempt gives (nothing listens on port 1), it is not the local connection.
    expect(await other.catch((e: unknown) => e)).not.toBe(a);
    expect((await a.exec('echo still-local')).stdout).toBe('still-local\n');
    await pool.closeAll();
  });

  it('keeps a failed endpoint failing, and forgets every endpoint of a host', async () => {
    const pool = new ConnectionPool({ connectTimeoutMs: 2000 });
    const refused = { ...base, inventory_hostname: 'h', ansible_host: '127.0.0.1', ansible_port: 1 };
    const first = await pool.get('h', refused).catch((e: unknown) => e);
    expect(first).toMatchObject({ unreachable: true });
    expect(await pool.get('h', refused).catch((e: unknown) => e)).toBe(first);
    const local = await pool.get('h', { inventory_hostname: 'h', ansible_connection: 'local' });
    await pool.forget('h');
    expect(await pool.get('h', refused).catch((e: unknown) => e)).not.toBe(first);
    expect(await pool.get('h', { inventory_hostname: 'h', ansible_connection: 'local' })).not.toBe(local);
    await pool.closeAll();
  });

  it('rejects variables that cannot work without opening anything', async () => {
    const pool = new ConnectionPool();
    await expect(pool.get('h', { ...base, ansible_port: 'abc' })).rejects.toMatchObject({ code: 'bad-connection-vars', unreachable: false });
  });
});
