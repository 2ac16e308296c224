// What an unreachable host is told: a closed port and a name that does not resolve are said as such
// (real sockets), and "no credentials to offer" only comes from a host that answered.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/connection/connect.js';
import { ConnectionError } from '../../../src/connection/errors.js';
import { labVars } from './lab-vars.js';

/** A loopback port nothing listens on: bound by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function failure(vars: Record<string, unknown>): Promise<ConnectionError> {
  const err = await connect(vars).then(
    (c) => c.close().then(() => undefined),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectionError);
  return err as ConnectionError;
}

describe('unreachable hosts, without any credentials to offer', () => {
  const saved = { home: process.env.HOME, agent: process.env.SSH_AUTH_SOCK };
  beforeAll(() => {
    // No ~/.ssh/id_* keys and no agent: the host's own problem must still be what is reported.
    process.env.HOME = mkdtempSync(join(tmpdir(), 'ha-run-no-keys-'));
    delete process.env.SSH_AUTH_SOCK;
  });
  afterAll(() => {
    process.env.HOME = saved.home;
    if (saved.agent !== undefined) process.env.SSH_AUTH_SOCK = saved.agent;
  });

  it('a closed port is "connection refused"', async () => {
    const port = await closedPort();
    const err = await failure({ inventory_hostname: 'closed', ansible_host: '127.0.0.1', ansible_port: port, ansible_user: 'root' });
    expect(err.code).toBe('unreachable');
    expect(err.message).toBe(`closed (root@127.0.0.1:${port}) is unreachable: connection refused: nothing listens on 127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('a name that does not resolve says so', async () => {
    const err = await failure({ inventory_hostname: 'nowhere', ansible_host: 'nonexistent.invalid', ansible_user: 'root' });
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/is unreachable: the name 'nonexistent\.invalid' (does not resolve|could not be resolved)/);
  });

  it('a host that answers is told there were no credentials to offer', async () => {
    const vars = labVars('node1');
    delete vars.ansible_ssh_private_key_file;
    const err = await failure(vars);
    expect(err.code).toBe('auth-failed');
    expect(err.message).toContain('refused authentication: no credentials to offer');
    expect(err.hint).toContain('ansible_ssh_private_key_file');
  });
});
