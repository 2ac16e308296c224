import { describe, expect, it } from 'vitest';
import { stripPrompt, withBecome, wrapBecome } from '../../../src/connection/become.js';
import type { Connection, ExecOptions } from '../../../src/connection/types.js';

describe('wrapBecome', () => {
  it('uses sudo -n with the command as one quoted sh -c argument', () => {
    const w = wrapBecome("echo 'hi' $(id -u)", { user: 'app' }, false);
    expect(w.command).toBe(`sudo -H -n -u app -- sh -c 'echo '\\''hi'\\'' $(id -u)'`);
    expect(w.stdinPrefix).toBeUndefined();
  });

  it('defaults to root', () => {
    expect(wrapBecome('true', {}, false).command).toContain('-u root --');
  });

  it('feeds a needed password through stdin, never the command line, with a unique prompt', () => {
    const w = wrapBecome('true', { password: "s3cret'pw" }, true);
    expect(w.command).not.toContain('s3cret');
    expect(w.command).toMatch(/^sudo -H -k -S -p '\[ha-run sudo [0-9a-f]{16}\] password:' -u root -- sh -c true$/);
    expect(w.stdinPrefix?.toString()).toBe("s3cret'pw\n");
    expect(w.prompt).toMatch(/^\[ha-run sudo [0-9a-f]{16}\] password:$/);
    expect(wrapBecome('true', { password: 'x' }, true).prompt).not.toBe(w.prompt);
  });

  it('does not send a password sudo will not ask for (NOPASSWD)', () => {
    const w = wrapBecome('true', { password: 'pw' }, false);
    expect(w.stdinPrefix).toBeUndefined();
    expect(w.command).toContain('sudo -H -n');
  });
});

describe('stripPrompt', () => {
  it('removes the prompt wherever sudo printed it', () => {
    expect(stripPrompt('[p] password:\nreal error\n', '[p] password:')).toBe('real error\n');
    expect(stripPrompt('[p] password:Sorry, try again.\n[p] password:', '[p] password:')).toBe('Sorry, try again.\n');
    expect(stripPrompt('untouched', undefined)).toBe('untouched');
  });
});

describe('withBecome', () => {
  it('adds become to every call unless the call sets its own', async () => {
    const seen: (ExecOptions | undefined)[] = [];
    const base: Connection = {
      host: 'h',
      exec: async (_c, o) => {
        seen.push(o);
        return { rc: 0, stdout: '', stderr: '', stdoutBytes: Buffer.alloc(0) };
      },
      put: async (_p, _d, o) => void seen.push(o as ExecOptions),
      get: async (_p, o) => (seen.push(o as ExecOptions), Buffer.alloc(0)),
      close: async () => undefined,
    };
    const conn = withBecome(base, { user: 'app' });
    expect(conn.host).toBe('h');
    await conn.exec('id');
    await conn.exec('id', { become: { user: 'root' } });
    await conn.put('/x', 'data');
    await conn.get('/x');
    expect(seen.map((o) => o?.become?.user)).toEqual(['app', 'root', 'app', 'app']);
    expect(withBecome(base, undefined)).toBe(base);
  });
});
