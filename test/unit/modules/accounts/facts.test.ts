// The accounts family's fact parsers, given output recorded on a lab host (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFact } from '../../../kit/fact-cases.js';
import { findGroup, groupDatabase, groupEntry, passwdEntry, shadowEntry } from '../../../../src/modules/accounts/facts.js';
import { missingTools } from '../../../../src/modules/accounts/tools.js';
import { homeState, sshKey } from '../../../../src/modules/accounts/user/facts.js';
import { keyFileState } from '../../../../src/modules/accounts/authorized_key/facts.js';
import { getentAnswer } from '../../../../src/modules/accounts/getent/facts.js';
import { describe, expect, it } from 'vitest';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describeFact(passwdEntry, [
  {
    name: 'an account',
    args: 'hacct_rec',
    stdout: recorded('getent-passwd-user.txt'),
    expect: { name: 'hacct_rec', password: 'x', uid: 4790, gid: 4790, comment: 'Recorded User', home: '/home/hacct_rec', shell: '/bin/bash' },
  },
  { name: 'no such account', args: 'hacct_none', stdout: '', rc: 0, expect: undefined },
  // getent answers a numeric key by uid: that is another account, not the one named "0".
  { name: 'a numeric name answered by uid', args: '0', stdout: 'root:x:0:0:root:/root:/bin/bash\n', expect: undefined },
]);

describeFact(shadowEntry, [
  { name: 'hash, ages and expiry', args: 'hacct_rec', stdout: recorded('getent-shadow-user.txt'), expect: { password: '$6$rec$abc', min: 0, max: 90, expires: 21915 } },
  { name: 'empty fields are -1', args: 'x', stdout: 'x:!:20000::::::\n', expect: { password: '!', min: -1, max: -1, expires: -1 } },
  { name: 'not readable or no entry', args: 'x', stdout: '', expect: undefined },
]);

describeFact(groupDatabase, [
  {
    name: 'the whole database (members split)',
    args: undefined,
    stdout: recorded('getent-group.txt'),
    expect: expect.arrayContaining([
      { name: 'root', gid: 0, members: [] },
      { name: 'users', gid: 100, members: ['hacct_rec'] },
      { name: 'hacct_rec', gid: 4790, members: ['hacct_rec'] },
    ]) as never,
  },
]);

describeFact(groupEntry, [
  { name: 'one group', args: 'users', stdout: 'users:x:100:a,b\n', expect: { name: 'users', gid: 100, members: ['a', 'b'] } },
  { name: 'no such group', args: 'nosuch', stdout: '', expect: undefined },
]);

describe('findGroup', () => {
  const groups = [
    { name: 'users', gid: 100, members: [] },
    { name: '4711', gid: 5000, members: [] },
  ];
  it('by name, by gid first for digits (as Ansible looks it up)', () => {
    expect(findGroup(groups, 'users')?.gid).toBe(100);
    expect(findGroup(groups, '100')?.name).toBe('users');
    expect(findGroup(groups, '4711')?.gid).toBe(5000);
    expect(findGroup(groups, 'nosuch')).toBeUndefined();
  });
});

describeFact(missingTools, [
  { name: 'all there', args: { tools: ['useradd', 'usermod'], purpose: 'manage users' }, stdout: '', expect: undefined },
  { name: 'one missing fails naming it', args: { tools: ['useradd', 'chpasswd'], purpose: 'manage users' }, stdout: 'chpasswd\n', expect: { error: /chpasswd is missing on the target: needed to manage users/ } },
]);

describeFact(homeState, [
  { name: 'both there', args: { name: 'u', home: '/home/u2' }, stdout: 'current\nasked\n', expect: { current: true, asked: true } },
  { name: 'moved away', args: { name: 'u', home: '/home/u2' }, stdout: 'current\n', expect: { current: true, asked: false } },
  { name: 'no account', args: { name: 'u' }, stdout: '', expect: { current: false, asked: false } },
]);

const [fingerprint, publicKey] = recorded('ssh-key.txt').trim().split('\n');
describeFact(sshKey, [
  {
    name: 'a key pair',
    args: { name: 'hacct_rec', file: '.ssh/id_ed25519' },
    stdout: `/home/hacct_rec/.ssh/id_ed25519\nprivate\npublic\n${fingerprint}\n${publicKey}\n`,
    expect: { path: '/home/hacct_rec/.ssh/id_ed25519', private: true, public: true, fingerprint, publicKey },
  },
  { name: 'no key yet', args: { name: 'u', file: '/srv/k' }, stdout: '/srv/k\n-\n-\n\n', expect: { path: '/srv/k', private: false, public: false, fingerprint: '' } },
  { name: 'no account, so no home', args: { name: 'u', file: '.ssh/id_rsa' }, stdout: '', expect: undefined },
]);

describeFact(keyFileState, [
  {
    name: 'an existing file, its text kept as it is',
    args: { user: 'u' },
    stdout: '/home/u/.ssh/authorized_keys\n/home/u/.ssh/authorized_keys\ndir\nssh-ed25519 AAAA one\nno newline at end',
    expect: { path: '/home/u/.ssh/authorized_keys', realPath: '/home/u/.ssh/authorized_keys', dirExists: true, content: 'ssh-ed25519 AAAA one\nno newline at end' },
  },
  { name: 'a symlink, no directory yet', args: { user: 'u', path: '/k/link' }, stdout: '/k/link\n/k/real\n-\n', expect: { path: '/k/link', realPath: '/k/real', dirExists: false, content: '' } },
  { name: 'no such user and no path', args: { user: 'nosuch' }, stdout: '', expect: { dirExists: false, content: '' } },
]);

describeFact(getentAnswer, [
  { name: 'found', args: { database: 'ahosts', key: 'localhost' }, stdout: recorded('getent-ahosts-localhost.txt'), expect: { rc: 0, stdout: recorded('getent-ahosts-localhost.txt') } },
  { name: 'key not found', args: { database: 'passwd', key: 'nosuch', service: 'files' }, stdout: '', rc: 2, expect: { rc: 2, stdout: '' } },
]);
