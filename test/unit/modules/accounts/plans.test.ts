// The accounts family's pure plans, Ansible's rules as tables (each with its already-converged case).
import { describe, expect, it } from 'vitest';
import { describePlan } from '../../../kit/plan-cases.js';
import { groupModule } from '../../../../src/modules/accounts/group/module.js';
import { userModule } from '../../../../src/modules/accounts/user/module.js';
import type { UserFacts } from '../../../../src/modules/accounts/user/plan.js';
import type { GroupEntry, PasswdEntry } from '../../../../src/modules/accounts/facts.js';

const groups: GroupEntry[] = [
  { name: 'users', gid: 100, members: ['ann'] },
  { name: 'ann', gid: 1001, members: [] },
  { name: 'adm', gid: 4, members: ['ann'] },
  { name: 'ops', gid: 2000, members: [] },
];
const ann: PasswdEntry = { name: 'ann', password: 'x', uid: 1001, gid: 1001, comment: 'Ann', home: '/home/ann', shell: '/bin/bash' };
const HASH = '$6$salt$abcdefghijklmnopqrstuvwxyz';
const existing: UserFacts = { user: ann, shadow: { password: HASH, min: 0, max: 99999, expires: -1 }, groups, home: { current: true, asked: true } };
const absent: UserFacts = { groups, home: { current: false, asked: false } };
const withKey = (key: UserFacts['sshKey']): UserFacts => ({ ...existing, sshKey: key });

describePlan(userModule, [
  { name: 'already converged: everything as asked', args: { name: 'ann', uid: 1001, group: 'ann', groups: ['users', 'adm'], shell: '/bin/bash', comment: 'Ann', home: '/home/ann', password: HASH }, facts: existing, expect: 'ok' },
  { name: 'converged: groups given as one comma-separated string, in another order', args: { name: 'ann', groups: 'adm,users' }, facts: existing, expect: 'ok' },
  { name: 'converged: append with groups already joined', args: { name: 'ann', groups: ['adm'], append: true }, facts: existing, expect: 'ok' },
  { name: 'converged: absent and not there', args: { name: 'bob', state: 'absent' }, facts: absent, expect: 'ok' },
  { name: 'converged: on_create ignores another hash', args: { name: 'ann', password: '$6$other$x', update_password: 'on_create' }, facts: existing, expect: 'ok' },
  { name: 'converged: a locked hash compares without its !', args: { name: 'ann', password: HASH }, facts: { ...existing, shadow: { ...existing.shadow!, password: `!${HASH}` } }, expect: 'ok' },
  { name: 'converged: named with the user alias', args: { user: 'ann', shell: '/bin/bash' }, facts: existing, expect: 'ok' },
  { name: 'a new account', args: { name: 'bob', uid: 1500, system: true }, facts: absent, expect: ['add user bob (uid 1500, system)'] },
  { name: 'a new account whose group name exists already gets -N', args: { name: 'ann', shell: '/bin/sh' }, facts: { ...absent, groups }, expect: ['add user ann'] },
  { name: 'a missing primary group fails', args: { name: 'bob', group: 'nosuch' }, facts: absent, expect: { error: /Group nosuch does not exist/ } },
  { name: 'a missing supplementary group fails', args: { name: 'ann', groups: ['users', 'nosuch'] }, facts: existing, expect: { error: /Group nosuch does not exist/ } },
  { name: 'remove', args: { name: 'ann', state: 'absent', remove: true }, facts: existing, expect: ['remove user ann (with its home)'] },
  { name: 'one usermod for all that differs', args: { name: 'ann', uid: 1002, shell: '/bin/sh', comment: 'Ann B' }, facts: existing, expect: [/change user ann: uid 1001 → 1002, comment 'Ann' → 'Ann B', shell '\/bin\/bash' → '\/bin\/sh'/] },
  { name: 'groups replaced without append', args: { name: 'ann', groups: ['ops'] }, facts: existing, expect: ['join ops, leave users, adm'] },
  { name: 'groups joined with append', args: { name: 'ann', groups: ['ops'], append: true }, facts: existing, expect: ['join ops'] },
  { name: "groups '' leaves them all", args: { name: 'ann', groups: '' }, facts: existing, expect: ['leave groups users, adm'] },
  { name: 'a primary group by gid', args: { name: 'ann', group: '2000' }, facts: existing, expect: ['primary group ann → ops'] },
  { name: 'another hash is set through chpasswd', args: { name: 'ann', password: '$6$new$x' }, facts: existing, expect: ['set the password of ann (the hash differs)'] },
  { name: 'lock', args: { name: 'ann', password_lock: true }, facts: existing, expect: ['lock the password'] },
  { name: 'expiry set (by UTC day)', args: { name: 'ann', expires: 1893456000 }, facts: existing, expect: ['expires never → 2030-01-01'] },
  { name: 'expiry removed', args: { name: 'ann', expires: -1 }, facts: { ...existing, shadow: { ...existing.shadow!, expires: 21915 } }, expect: ['expires 2030-01-01 → never'] },
  { name: 'converged: same expiry day', args: { name: 'ann', expires: 1893459600 }, facts: { ...existing, shadow: { ...existing.shadow!, expires: 21915 } }, expect: 'ok' },
  { name: 'password ages', args: { name: 'ann', password_expire_max: 90 }, facts: existing, expect: ['ann: maximum password age 99999 → 90 days'] },
  { name: 'a missing home is made', args: { name: 'ann' }, facts: { ...existing, home: { current: false, asked: false } }, expect: ['create the missing home /home/ann'] },
  { name: 'converged: no home, none wanted', args: { name: 'ann', create_home: false }, facts: { ...existing, home: { current: false, asked: false } }, expect: 'ok' },
  { name: 'move_home brings the home along: nothing to create', args: { name: 'ann', home: '/srv/ann', move_home: true }, facts: { ...existing, home: { current: true, asked: false } }, expect: [/home '\/home\/ann' → '\/srv\/ann'/] },
  { name: 'a new home without move_home is created', args: { name: 'ann', home: '/srv/ann' }, facts: { ...existing, home: { current: true, asked: false } }, expect: [/home/, 'create the missing home /srv/ann'] },
  { name: 'an SSH key is generated when there is none', args: { name: 'ann', generate_ssh_key: true, ssh_key_type: 'ed25519' }, facts: withKey({ path: '/home/ann/.ssh/id_ed25519', private: false, public: false, fingerprint: '' }), expect: ['generate an SSH key /home/ann/.ssh/id_ed25519 (ed25519)'] },
  { name: 'converged: an existing key is kept', args: { name: 'ann', generate_ssh_key: true }, facts: withKey({ path: '/home/ann/.ssh/id_rsa', private: true, public: true, fingerprint: 'x' }), expect: 'ok' },
  { name: 'force replaces an existing key', args: { name: 'ann', generate_ssh_key: true, force: true }, facts: withKey({ path: '/home/ann/.ssh/id_rsa', private: true, public: true, fingerprint: 'x' }), expect: ['replace the SSH key /home/ann/.ssh/id_rsa (force)'] },
  { name: 'a passphrase is refused (it would need a terminal or argv)', args: { name: 'ann', generate_ssh_key: true, ssh_key_passphrase: 'p' }, facts: withKey(undefined), expect: { error: /ssh_key_passphrase is not supported/ } },
  { name: 'local is refused', args: { name: 'ann', local: true }, facts: existing, expect: { error: /luseradd/ } },
]);

describe('user: the hash never reaches a command line', () => {
  it('goes to chpasswd -e on stdin, locked with a ! when asked', () => {
    const [create] = userModule.plan({ name: 'bob', password: HASH, password_lock: true }, absent);
    const commands = create.ops.map((o) => (o.kind === 'exec' ? o.command : ''));
    expect(commands.join('\n')).not.toContain(HASH);
    expect(create.ops[1]).toMatchObject({ kind: 'exec', stdin: `bob:!${HASH}\n` });
    expect(commands[1]).toMatch(/chpasswd -e$/);
  });
  it('declares password secret, so its value is masked in output', () => {
    expect(userModule.secretArgs).toContain('password');
  });
});

describe('user: the commands', () => {
  const command = (args: Record<string, unknown>, facts: UserFacts) => userModule.plan(args as never, facts).flatMap((c) => c.ops.map((o) => (o.kind === 'exec' ? o.command : '')));
  it('useradd gets Ansible flags, -N when a group has the name, -M without a home', () => {
    expect(command({ name: 'ann', create_home: false, comment: 'A b' }, { ...absent, groups })[0]).toMatch(/useradd -N -c 'A b' -M ann$/);
  });
  it('append uses usermod -a -G', () => {
    expect(command({ name: 'ann', groups: ['ops'], append: true }, existing)[0]).toMatch(/usermod -a -G ops ann$/);
  });
  it('a home whose parent is missing: the parent is made first', () => {
    expect(command({ name: 'bob', home: '/srv/deep/bob' }, absent)[0]).toMatch(/mkdir -p \/srv\/deep && useradd -d \/srv\/deep\/bob -m bob$/);
  });
});

describePlan(groupModule, [
  { name: 'converged: there with that gid', args: { name: 'ops', gid: 2000 }, facts: { name: 'ops', gid: 2000, members: [] }, expect: 'ok' },
  { name: 'converged: there, no gid asked', args: { name: 'ops', system: true }, facts: { name: 'ops', gid: 2000, members: [] }, expect: 'ok' },
  { name: 'converged: absent and not there', args: { name: 'ops', state: 'absent' }, facts: undefined, expect: 'ok' },
  { name: 'added', args: { name: 'ops', gid: 2000, system: true }, facts: undefined, expect: ['add group ops (gid 2000, system)'] },
  { name: 'gid changed', args: { name: 'ops', gid: 2001, non_unique: true }, facts: { name: 'ops', gid: 2000, members: [] }, expect: ['group ops: gid 2000 → 2001'] },
  { name: 'removed', args: { name: 'ops', state: 'absent' }, facts: { name: 'ops', gid: 2000, members: [] }, expect: ['remove group ops'] },
]);
