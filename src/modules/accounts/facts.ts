// The account databases as the target's name service answers them (getent): users, their shadow
// entries, groups. Shared by user, group and authorized_key.
import { shellQuote } from '../../connection/quote.js';
import type { Fact } from '../kit/fact.js';

export interface PasswdEntry {
  name: string;
  /** The passwd field: 'x' when the hash is in the shadow file. */
  password: string;
  uid: number;
  gid: number;
  comment: string;
  home: string;
  shell: string;
}

export interface ShadowEntry {
  /** The hash, '!'-prefixed when locked; never shown. */
  password: string;
  /** Days since 1970 after which the account expires; -1 when it never does. */
  expires: number;
  /** Minimum and maximum password age in days; -1 when unset. */
  min: number;
  max: number;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

const days = (field: string | undefined) => (field === undefined || field === '' ? -1 : Number(field));

/** The entry whose name is exactly `name` (getent also answers numeric keys by id). */
function entryNamed(stdout: string, name: string): string[] | undefined {
  return stdout
    .split('\n')
    .map((l) => l.split(':'))
    .find((f) => f[0] === name && f.length >= 3);
}

export const passwdEntry: Fact<string, PasswdEntry | undefined> = {
  name: 'the user entry (getent passwd)',
  requires: ['getent'],
  script: (name) => `getent passwd ${shellQuote(name)}; true`,
  parse: (stdout, name) => {
    const f = entryNamed(stdout, name);
    if (!f || f.length < 7) return undefined;
    return { name: f[0], password: f[1], uid: Number(f[2]), gid: Number(f[3]), comment: f[4], home: f[5], shell: f.slice(6).join(':') };
  },
};

export const shadowEntry: Fact<string, ShadowEntry | undefined> = {
  name: 'the shadow entry (getent shadow)',
  requires: ['getent'],
  script: (name) => `getent shadow ${shellQuote(name)}; true`,
  parse: (stdout, name) => {
    const f = entryNamed(stdout, name);
    if (!f) return undefined;
    return { password: f[1], min: days(f[3]), max: days(f[4]), expires: days(f[7]) };
  },
};

function groupOf(line: string): GroupEntry | undefined {
  const f = line.split(':');
  if (f.length < 4 || f[0] === '') return undefined;
  return { name: f[0], gid: Number(f[2]), members: f[3] === '' ? [] : f[3].split(',') };
}

export const groupDatabase: Fact<void, GroupEntry[]> = {
  name: 'the groups (getent group)',
  requires: ['getent'],
  script: () => 'getent group; true',
  parse: (stdout) => stdout.split('\n').flatMap((l) => groupOf(l) ?? []),
};

export const groupEntry: Fact<string, GroupEntry | undefined> = {
  name: 'the group entry (getent group)',
  requires: ['getent'],
  script: (name) => `getent group ${shellQuote(name)}; true`,
  parse: (stdout, name) => {
    const f = entryNamed(stdout, name);
    return f ? groupOf(f.join(':')) : undefined;
  },
};

/** A group by name, or by number when the name is all digits and such a gid exists (as Ansible looks it up). */
export function findGroup(groups: readonly GroupEntry[], nameOrGid: string): GroupEntry | undefined {
  if (/^\d+$/.test(nameOrGid)) {
    const byGid = groups.find((g) => g.gid === Number(nameOrGid));
    if (byGid) return byGid;
  }
  return groups.find((g) => g.name === nameOrGid);
}
