// user: a local account, driven with useradd/usermod/userdel, chpasswd -e (hash on stdin), chage
// and ssh-keygen; read back through getent (passwd, shadow, group).
import { ask, type FactRequest } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { groupDatabase, passwdEntry, shadowEntry, type GroupEntry, type PasswdEntry, type ShadowEntry } from '../facts.js';
import { missingTools } from '../tools.js';
import { homeState, sshKey, type HomeState, type SshKeyState } from './facts.js';
import { keyFile, planUser, userResult, type UserFacts } from './plan.js';
import { userSchema, type UserArgs } from './schema.js';

function toolsFor(args: UserArgs): string[] {
  if (args.state === 'absent') return ['userdel'];
  const tools = ['useradd', 'usermod'];
  if (args.password !== undefined) tools.push('chpasswd');
  if (args.password_expire_max !== undefined || args.password_expire_min !== undefined) tools.push('chage');
  if (args.generate_ssh_key) tools.push('ssh-keygen');
  return tools;
}

/** The arguments with the account's name under `name`, whichever alias gave it. */
const named = (args: UserArgs): UserArgs => (args.name === undefined ? { ...args, name: args.user! } : args);

export const userModule: DeclarativeModule<UserArgs, UserFacts> = {
  kind: 'declarative',
  name: 'user',
  schema: userSchema,
  secretArgs: ['password', 'ssh_key_passphrase'],
  async gather(ctx, given) {
    const args = named(given);
    const requests: FactRequest[] = [
      ask(missingTools, { tools: toolsFor(args), purpose: 'manage users' }),
      ask(passwdEntry, args.name),
      ask(shadowEntry, args.name),
      ask(groupDatabase, undefined),
      ask(homeState, { name: args.name, home: args.home }),
    ];
    const withKey = args.generate_ssh_key === true && args.state !== 'absent';
    if (withKey) requests.push(ask(sshKey, { name: args.name, file: keyFile(args) }));
    const [, user, shadow, groups, home, key] = (await probeOf(ctx.conn).many(...requests)) as unknown[];
    const facts: UserFacts = { user: user as PasswdEntry | undefined, shadow: shadow as ShadowEntry | undefined, groups: groups as GroupEntry[], home: home as HomeState };
    if (withKey) facts.sshKey = key as SshKeyState | undefined;
    return facts;
  },
  plan: (args, facts) => planUser(named(args), facts),
  result: (args, after, _changes, before = after) => userResult(named(args), after, before),
};
