// known_hosts: host matching as ssh-keygen -F does it (hashed names included), the edits Ansible's module
// makes (replace a key of the same type by a line at the end, remove one type or the whole host), its
// checks of the key, its diff, the fact and the plan.
import { describe, expect, it } from 'vitest';
import { describePlan } from '../../../kit/plan-cases.js';
import { describeFact } from '../../../kit/fact-cases.js';
import { hashedName, hostFieldMatches, searchHost } from '../../../../src/modules/accounts/known_hosts/entries.js';
import { knownHostsFile } from '../../../../src/modules/accounts/known_hosts/facts.js';
import { editKnownHosts, knownHostsDiff, type KnownHostsFacts } from '../../../../src/modules/accounts/known_hosts/plan.js';
import { knownHostsModule } from '../../../../src/modules/accounts/known_hosts/module.js';
import type { KnownHostsArgs } from '../../../../src/modules/accounts/known_hosts/schema.js';

const SALT = Buffer.alloc(20, 7);
const OTHER_SALT = Buffer.alloc(20, 9);
const rsa = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCfake1';
const rsa2 = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCfake2';
const ed = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIfake3';
const base = `alpha.test ${ed}\n# a comment\n${hashedName('beta.test', OTHER_SALT)} ${rsa}\n`;

const factsOf = (content: string | undefined): KnownHostsFacts => ({
  file: { path: '/root/.ssh/known_hosts', exists: content !== undefined, content: content ?? '' },
  salt: SALT,
});
const edit = (args: KnownHostsArgs, content: string | undefined) => editKnownHosts(args, factsOf(content)).after;

describe('known_hosts: matching a host', () => {
  it('plain names and patterns, case-insensitively, with negation', () => {
    expect(hostFieldMatches('alpha.test,10.0.0.1', 'alpha.test')).toBe(true);
    expect(hostFieldMatches('ALPHA.test', 'alpha.test')).toBe(true);
    expect(hostFieldMatches('*.test', 'alpha.test')).toBe(true);
    expect(hostFieldMatches('alph?.test', 'alpha.test')).toBe(true);
    expect(hostFieldMatches('*.test,!alpha.test', 'alpha.test')).toBe(false);
    expect(hostFieldMatches('alpha.test2', 'alpha.test')).toBe(false);
    expect(hostFieldMatches('[alpha.test]:2222', '[alpha.test]:2222')).toBe(true);
  });
  it('a hashed name is the HMAC-SHA1 of the name keyed by its salt', () => {
    const field = hashedName('beta.test', OTHER_SALT);
    expect(field).toMatch(/^\|1\|[A-Za-z0-9+/=]{28}\|[A-Za-z0-9+/=]{28}$/);
    expect(hostFieldMatches(field, 'beta.test')).toBe(true);
    expect(hostFieldMatches(field, 'alpha.test')).toBe(false);
  });
  it('finds the entry of the same type, or the same key, in file order', () => {
    expect(searchHost(base, 'beta.test', { host: 'beta.test', type: 'ssh-rsa', key: rsa.split(' ')[1]! })).toEqual({ found: true, replaceOrAdd: true, line: 3 });
    expect(searchHost(base, 'beta.test', { host: hashedName('beta.test', SALT), type: 'ssh-rsa', key: rsa.split(' ')[1]! })).toEqual({ found: true, replaceOrAdd: false, line: 3 });
    expect(searchHost(base, 'beta.test', { host: 'beta.test', type: 'ssh-ed25519', key: 'x' })).toEqual({ found: true, replaceOrAdd: true });
    expect(searchHost(base, 'gamma.test', undefined)).toEqual({ found: false, replaceOrAdd: false });
  });
});

describe('known_hosts: edits', () => {
  it('adds a key at the end, and then finds it there', () => {
    const after = edit({ name: 'gamma.test', key: `gamma.test ${rsa}` }, base)!;
    expect(after).toBe(`${base}gamma.test ${rsa}\n`);
    expect(edit({ name: 'gamma.test', key: `gamma.test ${rsa}\n` }, after)).toBeUndefined();
  });
  it('creates a missing file', () => {
    expect(edit({ name: 'gamma.test', key: `gamma.test ${rsa}` }, undefined)).toBe(`gamma.test ${rsa}\n`);
  });
  it('replaces the key of the same type by a line at the end', () => {
    const file = `alpha.test ${rsa}\n${base}`;
    expect(edit({ name: 'alpha.test', key: `alpha.test ${rsa2}` }, file)).toBe(`${base}alpha.test ${rsa2}\n`);
  });
  it('a plain entry written for more names than asked is rewritten for the one name', () => {
    expect(edit({ name: 'alpha.test', key: `alpha.test ${ed}` }, `alpha.test,10.0.0.1 ${ed}\n`)).toBe(`alpha.test ${ed}\n`);
  });
  it('hashes the name when asked; a hashed entry with the same key stays; plain and hashed convert both ways', () => {
    const hashedLine = `${hashedName('alpha.test', SALT)} ${ed}\n`;
    expect(edit({ name: 'alpha.test', key: `alpha.test ${ed}`, hash_host: true }, base)).toBe(`# a comment\n${hashedName('beta.test', OTHER_SALT)} ${rsa}\n${hashedLine}`);
    const hashedElsewhere = `${hashedName('alpha.test', OTHER_SALT)} ${ed}\n`;
    expect(edit({ name: 'alpha.test', key: `alpha.test ${ed}`, hash_host: true }, hashedElsewhere)).toBeUndefined();
    expect(edit({ name: 'alpha.test', key: `alpha.test ${ed}` }, hashedElsewhere)).toBe(`alpha.test ${ed}\n`);
  });
  it('absent with a key removes the entry of its type; another type is left alone', () => {
    expect(edit({ name: 'beta.test', key: `beta.test ${rsa}`, state: 'absent' }, base)).toBe(`alpha.test ${ed}\n# a comment\n`);
    expect(edit({ name: 'beta.test', key: `beta.test ${ed}`, state: 'absent' }, base)).toBeUndefined();
    expect(edit({ name: 'gamma.test', key: `gamma.test ${ed}`, state: 'absent' }, undefined)).toBeUndefined();
  });
  it('absent without a key removes every entry of the host', () => {
    const file = `${base}beta.test ${ed}\n`;
    const result = editKnownHosts({ name: 'beta.test', state: 'absent' }, factsOf(file));
    expect(result).toMatchObject({ after: `alpha.test ${ed}\n# a comment\n`, removesHost: true });
    expect(edit({ name: 'gamma.test', state: 'absent' }, file)).toBeUndefined();
  });
  it("fails as Ansible's module does", () => {
    expect(() => edit({ name: 'alpha.test' }, base)).toThrow('No key specified when adding a host');
    expect(() => edit({ name: 'alpha.test,beta.test', key: `alpha.test ${ed}` }, base)).toThrow(/^Comma separated list of names is not supported/);
    expect(() => edit({ name: 'beta.test', key: `alpha.test ${ed}` }, base)).toThrow('Host parameter does not match hashed host field in supplied key');
  });
});

describe("known_hosts: Ansible's diff", () => {
  it('names the file, /dev/null before when it is missing', () => {
    expect(knownHostsDiff({ name: 'g.test', key: `g.test ${ed}` }, factsOf(undefined))).toEqual({ before_header: '/dev/null', after_header: '/root/.ssh/known_hosts', before: '', after: `g.test ${ed}\n` });
  });
  it('before equals after when nothing changes', () => {
    const d = knownHostsDiff({ name: 'alpha.test', key: `alpha.test ${ed}` }, factsOf(base));
    expect(d.before).toBe(base);
    expect(d.after).toBe(base);
  });
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

describeFact(knownHostsFile, [
  { name: 'a file with its attributes', args: '~/.ssh/known_hosts', stdout: `${b64('/root/.ssh/known_hosts')}\npresent\n${b64(base)}\n644|root|root|0|0|${base.length}\n`, expect: { path: '/root/.ssh/known_hosts', exists: true, content: base, stat: { mode: 0o644, owner: 'root', group: 'root', uid: 0, gid: 0, size: base.length } } },
  { name: 'no file', args: "/tmp/it's/known_hosts", stdout: `${b64("/tmp/it's/known_hosts")}\nabsent\n`, expect: { path: "/tmp/it's/known_hosts", exists: false, content: '' } },
]);

describePlan(knownHostsModule, [
  { name: 'converged: the key is there', args: { name: 'alpha.test', key: `alpha.test ${ed}` }, facts: factsOf(base), expect: 'ok' },
  { name: 'converged: absent and not there', args: { name: 'gamma.test', state: 'absent' }, facts: factsOf(base), expect: 'ok' },
  { name: 'add', args: { name: 'gamma.test', key: `gamma.test ${ed}` }, facts: factsOf(base), expect: ['add a ssh-ed25519 key for gamma.test in /root/.ssh/known_hosts'] },
  { name: 'replace', args: { name: 'beta.test', key: `beta.test ${rsa2}` }, facts: factsOf(base), expect: ['replace the ssh-rsa key of beta.test'] },
  { name: 'remove one key', args: { name: 'beta.test', key: `beta.test ${rsa}`, state: 'absent' }, facts: factsOf(base), expect: ['remove the ssh-rsa key of beta.test'] },
  { name: 'remove the host', args: { name: 'beta.test', state: 'absent' }, facts: factsOf(base), expect: ['remove every entry of beta.test'] },
  { name: 'a name that does not match the key fails', args: { name: 'x.test', key: `alpha.test ${ed}` }, facts: factsOf(base), expect: { error: /does not match/ } },
]);

describe('known_hosts: plan ops', () => {
  it('removing a whole host keeps the old file as path.old, as ssh-keygen -R does', () => {
    const [change] = knownHostsModule.plan({ name: 'beta.test', state: 'absent' }, factsOf(base));
    expect(change!.ops.map((op) => op.kind)).toEqual(['exec', 'put']);
    expect(change!.ops[0]).toMatchObject({ command: 'cp -p -- /root/.ssh/known_hosts /root/.ssh/known_hosts.old' });
  });
});
