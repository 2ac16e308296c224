// assemble: how fragments are chosen and joined (the rules of Ansible's module, checked against what
// ansible-playbook wrote on a lab host), the fact that lists a fragment directory, and the plan.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describePlan } from '../../../kit/plan-cases.js';
import { describeFact } from '../../../kit/fact-cases.js';
import { escapeDecode, joinFragments, type Fragment } from '../../../../src/modules/files/assemble/join.js';
import { fragmentDirectory } from '../../../../src/modules/files/assemble/facts.js';
import { assembleModule, type AssembleFacts } from '../../../../src/modules/files/assemble/module.js';
import { absent, dir, file } from '../states.js';

const frag = (name: string, content?: string, isFile = true): Fragment => ({ name: Buffer.from(name), isFile, ...(content === undefined ? {} : { content: Buffer.from(content) }) });
const join = (fragments: Fragment[], options: { delimiter?: string; regexp?: string; ignoreHidden?: boolean } = {}) =>
  joinFragments(fragments, { src: '/srv/parts', ...options }).toString();

describe('assemble: escapes in the delimiter (Python escape_decode)', () => {
  it('decodes the usual escapes, octal and hex', () => {
    expect(escapeDecode(Buffer.from('a\\nb\\tc\\\\d\\x41\\101')).toString()).toBe('a\nb\tc\\dAA');
  });
  it('keeps an unknown escape and drops a backslash before a newline', () => {
    expect(escapeDecode(Buffer.from('\\q\\\nx')).toString()).toBe('\\qx');
  });
  it('keeps UTF-8 text as it is', () => {
    expect(escapeDecode(Buffer.from('é\\n')).toString()).toBe('é\n');
  });
  it('refuses a trailing backslash and a bad \\x', () => {
    expect(() => escapeDecode(Buffer.from('ab\\'))).toThrow(/trailing backslash/);
    expect(() => escapeDecode(Buffer.from('\\xZZ'))).toThrow(/invalid \\x escape/);
  });
});

describe('assemble: joining fragments', () => {
  it('sorts names by their bytes (upper case and dots before lower case, UTF-8 last)', () => {
    expect(join([frag('b', 'b\n'), frag('é', 'e\n'), frag('a', 'a\n'), frag('B', 'B\n'), frag('.h', 'h\n')])).toBe('h\nB\na\nb\ne\n');
  });
  it('adds a newline after a fragment without one, only when another follows', () => {
    expect(join([frag('1', 'one'), frag('2', ''), frag('3', 'three')])).toBe('one\n\nthree');
  });
  it('puts the decoded delimiter between fragments, with a newline after it unless it has one', () => {
    expect(join([frag('1', 'a\n'), frag('2', 'b')], { delimiter: '#--#' })).toBe('a\n#--#\nb');
    expect(join([frag('1', 'a'), frag('2', 'b'), frag('3', 'c')], { delimiter: '--\\n' })).toBe('a\n--\nb\n--\nc');
  });
  it('decodes the delimiter again before each use, as Ansible does', () => {
    // '\\\\n' is \\n: the first use gives \n (backslash n), the second a newline.
    expect(join([frag('1', 'a\n'), frag('2', 'b\n'), frag('3', 'c\n')], { delimiter: 'x\\\\n' })).toBe('a\nx\\n\nb\nx\nc\n');
  });
  it('takes names the regexp finds anywhere, leaves out non-files, and hidden names when asked', () => {
    const all = [frag('frag1', '1\n'), frag('frag2', '2\n'), frag('xfrag3', '3\n'), frag('dir', undefined, false), frag('.frag4', '4\n')];
    expect(join(all, { regexp: 'frag[13]' })).toBe('1\n3\n');
    expect(join(all, { regexp: '^frag' })).toBe('1\n2\n');
    expect(join(all, { ignoreHidden: true })).toBe('1\n2\n3\n');
    expect(join(all)).toBe('4\n1\n2\n3\n');
  });
  it('an empty directory gives an empty file', () => {
    expect(join([])).toBe('');
  });
  it('a chosen fragment that could not be read fails; one left out does not matter', () => {
    const unreadable = { name: Buffer.from('secret'), isFile: true };
    expect(() => join([frag('a', 'a\n'), unreadable])).toThrow(/could not read the fragment \/srv\/parts\/secret/);
    expect(join([frag('a', 'a\n'), unreadable], { regexp: '^a' })).toBe('a\n');
  });
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

describeFact(fragmentDirectory, [
  { name: 'a missing directory', args: '/srv/none', stdout: 'missing\n', expect: { kind: 'missing' } },
  { name: 'a file, not a directory', args: '/etc/hosts', stdout: 'not-directory\n', expect: { kind: 'not-directory' } },
  {
    name: 'files, a subdirectory and an unreadable file',
    args: "/srv/it's here",
    stdout: `directory\nname=${b64('a')}\nfile=${b64('one\n')}\nname=${b64('sub')}\nname=${b64('ßΩ.txt')}\nfile=${b64('π\n')}\nname=${b64('locked')}\nunreadable\nname=${b64('empty')}\nfile=\n`,
    expect: {
      kind: 'directory',
      fragments: [
        { name: Buffer.from('a'), isFile: true, content: Buffer.from('one\n') },
        { name: Buffer.from('sub'), isFile: false },
        { name: Buffer.from('ßΩ.txt'), isFile: true, content: Buffer.from('π\n') },
        { name: Buffer.from('locked'), isFile: true },
        { name: Buffer.from('empty'), isFile: true, content: Buffer.alloc(0) },
      ],
    },
  },
]);

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const facts = (dest: AssembleFacts['dest'], fragments: Fragment[] = [frag('1', 'a\n'), frag('2', 'b\n')]): AssembleFacts => ({
  fragments: { kind: 'directory', fragments },
  dest,
  parent: dir('/etc/app'),
});

describePlan(assembleModule, [
  { name: 'converged: dest holds the joined fragments', args: { src: '/srv/parts', dest: '/etc/app/conf' }, facts: facts(file('/etc/app/conf', 'a\nb\n')), expect: 'ok' },
  { name: 'converged with the mode asked', args: { src: '/srv/parts', dest: '/etc/app/conf', mode: '0644' }, facts: facts(file('/etc/app/conf', 'a\nb\n')), expect: 'ok' },
  { name: 'create dest', args: { src: '/srv/parts', dest: '/etc/app/conf' }, facts: facts(absent('/etc/app/conf')), expect: ['create file (4 bytes)'] },
  {
    name: 'content differs',
    args: { src: '/srv/parts', dest: '/etc/app/conf' },
    facts: facts(file('/etc/app/conf', 'old\n')),
    expect: [`content differs (sha1 ${sha1('old\n').slice(0, 10)} → ${sha1('a\nb\n').slice(0, 10)})`],
  },
  { name: 'only the mode differs', args: { src: '/srv/parts', dest: '/etc/app/conf', mode: '0600' }, facts: facts(file('/etc/app/conf', 'a\nb\n')), expect: ['mode 0644 → 0600'] },
  { name: 'a missing src fails as Ansible says', args: { src: '/srv/none', dest: '/etc/app/conf' }, facts: { ...facts(absent('/etc/app/conf')), fragments: { kind: 'missing' } }, expect: { error: /^Source \(\/srv\/none\) does not exist$/ } },
  { name: 'src that is a file fails', args: { src: '/etc/hosts', dest: '/etc/app/conf' }, facts: { ...facts(absent('/etc/app/conf')), fragments: { kind: 'not-directory' } }, expect: { error: /is not a directory/ } },
  { name: "dest's directory missing fails", args: { src: '/srv/parts', dest: '/etc/app/conf' }, facts: { ...facts(absent('/etc/app/conf')), parent: absent('/etc/app') }, expect: { error: /Destination directory \/etc\/app does not exist/ } },
  { name: 'validate needs %s', args: { src: '/srv/parts', dest: '/etc/app/conf', validate: 'true' }, facts: facts(absent('/etc/app/conf')), expect: { error: /validate must contain %s/ } },
]);

describe('assemble: result', () => {
  it("registers Ansible's keys: checksum, md5sum, size, the file's attributes, msg OK", () => {
    const r = assembleModule.result!({ src: '/srv/parts', dest: '/etc/app/conf' }, facts(file('/etc/app/conf', 'a\nb\n')), []);
    expect(r).toMatchObject({ src: '/srv/parts', dest: '/etc/app/conf', checksum: sha1('a\nb\n'), size: 4, state: 'file', mode: '0644', owner: 'root', msg: 'OK' });
    expect(r.md5sum).toBe(createHash('md5').update('a\nb\n').digest('hex'));
  });
});

describe('assemble: check mode on a fresh host', () => {
  it('a missing fragment directory may be made by an earlier task: check mode says so instead of failing', () => {
    const missing = { ...facts(absent('/etc/app/conf')), fragments: { kind: 'missing' as const } };
    try {
      assembleModule.plan({ src: '/srv/none', dest: '/etc/app/conf' }, missing);
      expect.unreachable();
    } catch (err) {
      expect((err as { missingBeforeEarlierTasks?: boolean }).missingBeforeEarlierTasks).toBe(true);
    }
  });
});
