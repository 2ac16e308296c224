// become through sudo, wrapped centrally (lab host node2: root, ha with passwordless sudo, app without sudo).
import { afterAll, describe, expect, it } from 'vitest';
import { withBecome } from '../../../src/connection/become.js';
import { connect } from '../../../src/connection/connect.js';
import type { Connection } from '../../../src/connection/types.js';
import { labVars } from './lab-vars.js';

const opened: Connection[] = [];
async function as(user: string): Promise<Connection> {
  const conn = await connect(labVars('node2', user));
  opened.push(conn);
  return conn;
}
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
});

describe('become', () => {
  it('root becomes app', async () => {
    const conn = await as('root');
    const r = await conn.exec('id -un; echo "$HOME"', { become: { user: 'app' } });
    expect(r).toMatchObject({ rc: 0, stdout: 'app\n/home/app\n' });
  });

  it('ha becomes root and app; the task-level decorator applies it to every call', async () => {
    const conn = await as('ha');
    expect((await conn.exec('id -un')).stdout).toBe('ha\n');
    const root = withBecome(conn, {});
    expect((await root.exec('id -un')).stdout).toBe('root\n');
    expect((await root.exec('cat /etc/shadow >/dev/null && echo readable')).stdout).toBe('readable\n');
    const app = withBecome(conn, { user: 'app' });
    expect((await app.exec("printf '%s' \"it's $(id -un)\"")).stdout).toBe("it's app");
  });

  it('keeps stdin, cwd, env and exit status through sudo', async () => {
    const conn = withBecome(await as('ha'), {});
    const r = await conn.exec('pwd; printf "%s|" "$X"; cat; exit 9', { cwd: '/root', env: { X: 'y z' }, stdin: 'piped' });
    expect(r).toMatchObject({ rc: 9, stdout: '/root\ny z|piped' });
  });

  it('fails cleanly, without hanging, for a user who may not sudo', async () => {
    const conn = await as('app');
    const err = await conn.exec('id -un', { become: {}, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'become-failed' });
    expect((err as Error).message).toMatch(/^sudo on node2 \(app@127\.0\.0\.1:\d+\) refused to run commands as root: .*password is required/);
    expect((err as { hint: string }).hint).toContain('ansible_become_password');
    // The same refusal again, without asking sudo again; plain commands still work.
    await expect(conn.put('/tmp/x', 'x', { become: {} })).rejects.toMatchObject({ code: 'become-failed' });
    expect((await conn.exec('id -un')).stdout).toBe('app\n');
  });
});
