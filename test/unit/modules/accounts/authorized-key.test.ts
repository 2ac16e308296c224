// authorized_key: the file edits Ansible's module makes (the expected texts are what ansible-playbook
// left in the file on a lab host for the same steps), and the plan around them.
import { describe, expect, it } from 'vitest';
import { describePlan } from '../../../kit/plan-cases.js';
import { authorizedKeyModule } from '../../../../src/modules/accounts/authorized_key/module.js';
import { editKeys } from '../../../../src/modules/accounts/authorized_key/plan.js';
import { parseKey, parseOptions, sameOptions } from '../../../../src/modules/accounts/authorized_key/keys.js';
import type { AuthorizedKeyFacts } from '../../../../src/modules/accounts/authorized_key/plan.js';

const k1 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHacct0000000000000000000000000000000000001 one@x';
const k2 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHacct0000000000000000000000000000000000002 two@x';
const k3 = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQHacct3 three';
const k2renamed = k2.replace('two@x', 'renamed');

describe('authorized_key: file edits as Ansible makes them', () => {
  // The steps of a lab run, each on the file the previous one left.
  it('adds, renames (moving the line last), adds with options, keeps what matches', () => {
    let file = editKeys({ user: 'u', key: k1 }, '')!;
    expect(file).toBe(`${k1}\n`);
    expect(editKeys({ user: 'u', key: k1 }, file)).toBeUndefined();
    file = editKeys({ user: 'u', key: k2, comment: 'renamed' }, file)!;
    expect(editKeys({ user: 'u', key: k2, comment: 'renamed' }, file)).toBeUndefined();
    file = editKeys({ user: 'u', key: k3, key_options: 'no-pty' }, file)!;
    expect(file).toBe(`${k1}\n${k2renamed}\nno-pty ${k3}\n`);
    // A key given again without its comment: the entry that counts is the file's last one for that key.
    file += `# managed\n\n${k2}\n${k2}\n`;
    expect(editKeys({ user: 'u', key: k2 }, file)).toBeUndefined();
    expect(editKeys({ user: 'u', key: k3, exclusive: true }, file)).toBe(`${k3}\n`);
  });
  it('a key without a comment is written with a trailing space; a comment is not part of the match for absent', () => {
    const bare = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHacct0000000000000000000000000000000000002';
    expect(editKeys({ user: 'u', key: `no-pty ${bare}` }, '')).toBe(`no-pty ${bare} \n`);
    expect(editKeys({ user: 'u', key: bare, state: 'absent' }, `${k1}\nno-pty ${bare} \n`)).toBe(`${k1}\n`);
    expect(editKeys({ user: 'u', key: bare, state: 'absent' }, `${k1}\n`)).toBeUndefined();
  });
  it('several keys at once, in the order given, after the existing lines', () => {
    expect(editKeys({ user: 'u', key: `${k2}\n# a comment\n\n${k3}\n` }, `${k1}\n`)).toBe(`${k1}\n${k2}\n${k3}\n`);
  });
  it('options given replace the options in the file; options compare as a mapping', () => {
    const opts = 'from="10.0.0.1,10.0.0.2",no-agent-forwarding';
    const file = `${opts} ${k1}\n`;
    expect(editKeys({ user: 'u', key: k1, key_options: 'no-agent-forwarding,from="10.0.0.1,10.0.0.2"' }, file)).toBeUndefined();
    // Without key_options the key's own (none) count: Ansible drops the options.
    expect(editKeys({ user: 'u', key: k1 }, file)).toBe(`${k1}\n`);
  });
  it('an invalid key fails', () => {
    expect(() => editKeys({ user: 'u', key: 'not a key' }, '')).toThrow(/invalid key specified: not a key/);
  });
});

describe('authorized_key: parsing', () => {
  it('splits options on commas outside quotes', () => {
    expect(parseOptions('no-pty,from="a,b",command="x y"')).toEqual([{ name: 'no-pty' }, { name: 'from', value: '"a,b"' }, { name: 'command', value: '"x y"' }]);
  });
  it('reads options, type, key and comment', () => {
    expect(parseKey(`no-pty ${k3} and more`, 0)).toEqual({ id: 'AAAAB3NzaC1yc2EAAAADAQABAAABAQHacct3', type: 'ssh-rsa', options: [{ name: 'no-pty' }], comment: 'three and more', rank: 0 });
    expect(parseKey('garbage', 0)).toBeUndefined();
  });
  it('compares options as a mapping of lists', () => {
    expect(sameOptions(parseOptions('a,b=1'), parseOptions('b=1,a'))).toBe(true);
    expect(sameOptions(parseOptions('b=1,b=2'), parseOptions('b=2,b=1'))).toBe(false);
  });
});

const ann = { name: 'ann', password: 'x', uid: 1001, gid: 1001, comment: '', home: '/home/ann', shell: '/bin/sh' };
const file = (content: string, extra: Partial<AuthorizedKeyFacts['file']> = {}): AuthorizedKeyFacts => ({
  user: ann,
  file: { path: '/home/ann/.ssh/authorized_keys', realPath: '/home/ann/.ssh/authorized_keys', dirExists: true, content, ...extra },
});

describePlan(authorizedKeyModule, [
  { name: 'converged: the key is there', args: { user: 'ann', key: k1 }, facts: file(`${k2}\n${k1}\n`), expect: 'ok' },
  { name: 'converged: absent and not there', args: { user: 'ann', key: k1, state: 'absent' }, facts: file(''), expect: 'ok' },
  { name: 'add to a new file', args: { user: 'ann', key: k1 }, facts: file('', { dirExists: false }), expect: ['add 1 key in /home/ann/.ssh/authorized_keys'] },
  { name: 'remove', args: { user: 'ann', key: k1, state: 'absent' }, facts: file(`${k1}\n`), expect: ['remove 1 key'] },
  { name: 'exclusive drops the others', args: { user: 'ann', key: k1, exclusive: true }, facts: file(`${k2}\n${k1}\n`), expect: ['remove 1 key'] },
  { name: 'another comment rewrites the line', args: { user: 'ann', key: k1, comment: 'new' }, facts: file(`${k1}\n`), expect: [/rewrite key lines/] },
  { name: 'follow writes where the link leads', args: { user: 'ann', key: k1, path: '/k/link', follow: true }, facts: file('', { path: '/k/link', realPath: '/k/real' }), expect: ['add 1 key in /k/real'] },
  { name: 'a URL is refused when it runs', args: { user: 'ann', key: 'https://github.com/ann.keys' }, facts: file(''), expect: { error: /does not fetch keys from a URL/ } },
  { name: 'a missing user fails', args: { user: 'bob', key: k1 }, facts: { file: { dirExists: false, content: '' } }, expect: { error: /Failed to lookup user bob/ } },
]);

describe('authorized_key: the write', () => {
  it('makes the directory 0700 for the user, then writes the file atomically as the user, mode 0600', () => {
    const [change] = authorizedKeyModule.plan({ user: 'ann', key: k1 }, file('', { dirExists: false }));
    expect(change.ops[0]).toMatchObject({ kind: 'exec', command: expect.stringMatching(/mkdir -m 0700 \/home\/ann\/.ssh; } && chown 1001:1001 .* && chmod 0700/) });
    expect(change.ops.at(-1)).toMatchObject({ kind: 'put', path: '/home/ann/.ssh/authorized_keys', data: `${k1}\n`, owner: '1001', group: '1001', mode: '0600' });
    expect(change.diff).toEqual({ path: '/home/ann/.ssh/authorized_keys', before: '', after: `${k1}\n` });
  });
});
