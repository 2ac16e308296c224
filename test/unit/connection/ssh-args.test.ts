import { describe, expect, it } from 'vitest';
import { parseProxyJump, sshOptions } from '../../../src/connection/ssh-args.js';
import { shlexSplit as splitArgs } from '../../../src/util/shlex.js';

describe('splitArgs (shlex-like)', () => {
  it('splits on whitespace and honours quotes and escapes', () => {
    expect(splitArgs(` -o 'A=b c'  -o "D=\\"e\\"" f\\ g `)).toEqual(['-o', 'A=b c', '-o', 'D="e"', 'f g']);
    expect(splitArgs('')).toEqual([]);
    expect(splitArgs("''")).toEqual(['']);
  });
});

describe('sshOptions', () => {
  it('collects -o options in every written form, first one wins, names case-insensitive', () => {
    const o = sshOptions('-o UserKnownHostsFile=/tmp/kh -oStrictHostKeyChecking=accept-new -o "ConnectTimeout 7" -o userknownhostsfile=/other');
    expect(o.get('userknownhostsfile')).toBe('/tmp/kh');
    expect(o.get('stricthostkeychecking')).toBe('accept-new');
    expect(o.get('connecttimeout')).toBe('7');
  });

  it('reads -J as ProxyJump', () => {
    expect(sshOptions('-J ha@bastion:2222').get('proxyjump')).toBe('ha@bastion:2222');
    expect(sshOptions('-o ProxyJump=bastion').get('proxyjump')).toBe('bastion');
  });
});

describe('parseProxyJump', () => {
  it('reads [user@]host[:port], chains and ssh:// URLs', () => {
    expect(parseProxyJump('root@10.0.0.1:2201')).toEqual([{ user: 'root', address: '10.0.0.1', port: 2201 }]);
    expect(parseProxyJump('bastion')).toEqual([{ user: undefined, address: 'bastion', port: 22 }]);
    expect(parseProxyJump('a@h1,ssh://b@h2:23')).toEqual([
      { user: 'a', address: 'h1', port: 22 },
      { user: 'b', address: 'h2', port: 23 },
    ]);
    expect(parseProxyJump('[::1]:2222')).toEqual([{ user: undefined, address: '::1', port: 2222 }]);
  });

  it('treats none as no jump and rejects nonsense', () => {
    expect(parseProxyJump('none')).toBe('none');
    expect(parseProxyJump('a@b@c')).toBeUndefined();
    expect(parseProxyJump('host:99999')).toBeUndefined();
  });
});
