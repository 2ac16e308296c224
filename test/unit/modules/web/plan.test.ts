// get_url's and unarchive's plans as tables: from what the target holds and what the server (or
// the archive) says, the changes, each with its reason; the already-converged cases first.
import { describe, expect, it } from 'vitest';
import { describePlan, type PlanCase } from '../../../kit/plan-cases.js';
import { getUrlModule } from '../../../../src/modules/web/get_url/module.js';
import { planGetUrl, type GetUrlFacts } from '../../../../src/modules/web/get_url/plan.js';
import { ModuleFailure } from '../../../../src/modules/failure.js';
import type { HttpResponse } from '../../../../src/modules/web/response.js';
import { unarchiveModule } from '../../../../src/modules/web/unarchive/module.js';
import type { UnarchiveFacts } from '../../../../src/modules/web/unarchive/plan.js';
import type { ArchiveFacts, MemberOnDisk } from '../../../../src/modules/web/unarchive/facts.js';
import { downloadPath, isUrlSource } from '../../../../src/modules/web/unarchive/url-source.js';
import type { FileState } from '../../../../src/modules/files/file-probe.js';

const URL = 'http://127.0.0.1:28431/hello.txt';
const SHA1 = 'f572d396fae9206628714fb2ce00f72e94f2258f';
const SHA256 = '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03';
const dir: FileState = { path: '/srv', type: 'directory', exists: true, mode: 0o755 };
const absent: FileState = { path: '/srv/hello.txt', type: 'absent', exists: false };
const file = (extra: Partial<FileState> = {}): FileState => ({ path: '/srv/hello.txt', type: 'file', exists: true, mode: 0o644, owner: 'root', group: 'root', uid: 0, gid: 0, sha1: SHA1, ...extra });
const answer = (extra: Partial<HttpResponse> = {}): HttpResponse => ({
  tool: 'curl', rc: 0, status: 200, reason: 'OK', redirects: 0, elapsed: 0, headers: { 'content-length': '6' }, setCookies: [], sha1: SHA1, size: 6, kept: false, ...extra,
});
const facts = (extra: Partial<GetUrlFacts>): GetUrlFacts => ({ path: '/srv/hello.txt', dest: absent, parent: dir, ...extra });

const getUrlCases: PlanCase<Record<string, unknown>, GetUrlFacts>[] = [
  { name: 'converged: the server says 304 for an existing dest', args: { url: URL, dest: '/srv/hello.txt' }, facts: facts({ dest: file(), response: answer({ status: 304, sha1: '' }) }), expect: 'ok' },
  { name: 'converged: forced, same content', args: { url: URL, dest: '/srv/hello.txt', force: true }, facts: facts({ dest: file(), response: answer() }), expect: 'ok' },
  {
    name: 'converged: dest matches the checksum (not downloaded)',
    args: { url: URL, dest: '/srv/hello.txt', checksum: `sha256:${SHA256}` },
    facts: facts({ dest: file(), wanted: { algorithm: 'sha256', value: SHA256 }, destDigest: SHA256 }),
    expect: 'ok',
  },
  { name: 'a new file', args: { url: URL, dest: '/srv/hello.txt' }, facts: facts({ response: answer() }), expect: [`download ${URL} (6 bytes)`] },
  { name: 'new content', args: { url: URL, dest: '/srv/hello.txt', force: true }, facts: facts({ dest: file(), response: answer({ sha1: '2f6933b5ee0f5fdd823d9717d8729f3c2523811b' }) }), expect: ['content differs (sha1 f572d396fa → 2f6933b5ee)'] },
  { name: 'same content, other mode', args: { url: URL, dest: '/srv/hello.txt', force: true, mode: '0600' }, facts: facts({ dest: file(), response: answer() }), expect: ['mode 0644 → 0600'] },
  {
    name: 'checksum matches, other owner',
    args: { url: URL, dest: '/srv/hello.txt', checksum: `sha256:${SHA256}`, owner: 'daemon' },
    facts: facts({ dest: file(), wanted: { algorithm: 'sha256', value: SHA256 }, destDigest: SHA256 }),
    expect: ['owner root → daemon'],
  },
  {
    name: 'the download does not match the checksum',
    args: { url: URL, dest: '/srv/hello.txt', checksum: 'sha256:abc' },
    facts: facts({ wanted: { algorithm: 'sha256', value: 'abc' }, response: answer({ digest: SHA256 }) }),
    expect: { error: /The checksum for \/srv\/hello.txt did not match abc; it was 5891b5b5/ },
  },
  { name: 'the server says 404', args: { url: URL, dest: '/srv/hello.txt' }, facts: facts({ response: answer({ status: 404, reason: 'Not Found' }) }), expect: { error: /^Request failed$/ } },
  { name: 'no server', args: { url: URL, dest: '/srv/hello.txt' }, facts: facts({ response: answer({ status: -1, rc: 7, error: 'curl: (7) refused' }) }), expect: { error: /^Request failed$/ } },
  { name: 'the directory is missing', args: { url: URL, dest: '/srv/hello.txt' }, facts: facts({ parent: { path: '/srv', type: 'absent', exists: false } }), expect: { error: /Destination \/srv does not exist/ } },
];
describePlan(getUrlModule, getUrlCases);

const member = (extra: Partial<MemberOnDisk> = {}): MemberOnDisk => ({ type: 'regular file', size: 2, mtime: 1796575117, mode: 0o644, uid: 0, gid: 0, owner: 'root', group: 'root', ...extra });
const tar = (extra: Partial<ArchiveFacts> = {}): ArchiveFacts => ({
  handler: 'TgzArchive',
  files: ['./', './a.txt', './sub/', './sub/b.log'],
  diff: { rc: 0, out: '', err: '' },
  utcOffset: 0,
  onDisk: { './': member({ type: 'directory', mode: 0o755 }), './a.txt': member(), './sub/': member({ type: 'directory', mode: 0o755 }), './sub/b.log': member() },
  ...extra,
});
const destDir: FileState = { path: '/srv/x', type: 'directory', exists: true, mode: 0o755 };
const ufacts = (archive: ArchiveFacts | undefined, extra: Partial<UnarchiveFacts> = {}): UnarchiveFacts => ({ dest: destDir, archivePath: '/srv/t.tgz', archive, ...extra });
const zip: ArchiveFacts = {
  handler: 'ZipArchive',
  files: ['a.txt', 'sub/'],
  zip: [{ name: 'a.txt', directory: false, size: 2, stamp: '20261206.163837' }, { name: 'sub/', directory: true, size: 0, stamp: '20261206.163837' }],
  utcOffset: 0,
  onDisk: { 'a.txt': member({ mtime: Date.UTC(2026, 11, 6, 16, 38, 37) / 1000 }), 'sub/': member({ type: 'directory' }) },
};

const unarchiveCases: PlanCase<Record<string, unknown>, UnarchiveFacts>[] = [
  { name: 'converged: tar --diff finds nothing', args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true }, facts: ufacts(tar()), expect: 'ok' },
  { name: 'converged: creates exists', args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true, creates: '/srv/x/a.txt' }, facts: ufacts(undefined, { creates: { path: '/srv/x/a.txt', type: 'file', exists: true } }), expect: 'ok' },
  { name: 'converged: a zip whose members are all there', args: { src: '/srv/t.zip', dest: '/srv/x', remote_src: true }, facts: ufacts(zip), expect: 'ok' },
  {
    name: 'converged: only the mode differs from the archive, and the task sets it (as on disk)',
    args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true, mode: '0644' },
    facts: ufacts(tar({ files: ['a.txt'], diff: { rc: 1, out: 'a.txt: Mode differs\n', err: '' }, onDisk: { 'a.txt': member() } })),
    expect: 'ok',
  },
  {
    name: 'not unpacked: tar cannot stat a member',
    args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true },
    facts: ufacts(tar({ diff: { rc: 1, out: '', err: 'tar: ./a.txt: Warning: Cannot stat: No such file or directory\n' } })),
    expect: ['unpack /srv/t.tgz into /srv/x (./a.txt: Warning: Cannot stat: No such file or directory)'],
  },
  {
    name: 'not unpacked: contents differ (an unknown line)',
    args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true, owner: 'daemon' },
    facts: ufacts(tar({ diff: { rc: 1, out: './a.txt: Contents differ\n', err: '' } })),
    expect: ['./a.txt: Contents differ'],
  },
  {
    name: 'unpacked, but mode asked differs on the members',
    args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true, mode: '0700' },
    facts: ufacts(tar({ files: ['./a.txt'], onDisk: { './a.txt': member() } })),
    expect: ['./a.txt: mode 0644 → 0700'],
  },
  {
    name: 'a zip member changed size',
    args: { src: '/srv/t.zip', dest: '/srv/x', remote_src: true },
    facts: ufacts({ ...zip, onDisk: { ...zip.onDisk, 'a.txt': member({ size: 3 }) } }),
    expect: ['unpack /srv/t.zip into /srv/x (a.txt differs)'],
  },
  { name: 'a URL, converged: tar --diff finds nothing', args: { src: 'https://example.test/t.tgz', dest: '/srv/x', remote_src: true }, facts: ufacts(tar(), { download: true }), expect: 'ok' },
  {
    name: 'a URL, not unpacked: downloaded again, unpacked, removed',
    args: { src: 'https://example.test/t.tgz', dest: '/srv/x', remote_src: true },
    facts: ufacts(tar({ diff: { rc: 1, out: './a.txt: Contents differ\n', err: '' } }), { download: true }),
    expect: ['unpack https://example.test/t.tgz into /srv/x (./a.txt: Contents differ)'],
  },
  { name: 'dest is missing', args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true }, facts: ufacts(undefined, { dest: { path: '/srv/x', type: 'absent', exists: false } }), expect: { error: /Destination '\/srv\/x' does not exist/ } },
  { name: 'dest is a file', args: { src: '/srv/t.tgz', dest: '/srv/x', remote_src: true }, facts: ufacts(undefined, { dest: { path: '/srv/x', type: 'file', exists: true } }), expect: { error: /is not a directory/ } },
];
describePlan(unarchiveModule, unarchiveCases);

describe('unarchive of a URL', () => {
  it('downloads on the target with the request on stdin, then unpacks and removes the download', () => {
    const path = downloadPath('https://example.test/dl/t.tgz?x=1');
    expect(path).toMatch(/^\/tmp\/\.ha-run-unarchive-[0-9a-f]{16}-t\.tgz$/);
    const args = { src: 'https://example.test/dl/t.tgz?x=1', dest: '/srv/x', remote_src: true, validate_certs: false };
    const [change] = unarchiveModule.plan(args, ufacts(tar({ diff: { rc: 1, out: './a.txt: Contents differ\n', err: '' } }), { download: true, archivePath: path }));
    const [download, unpack] = change.ops;
    if (download?.kind !== 'exec' || unpack?.kind !== 'exec') throw new Error('two exec ops expected');
    expect(download.command).toContain(`mv -f b ${path}`);
    expect(String(download.stdin)).toContain('https://example.test/dl/t.tgz?x=1');
    expect(String(download.stdin)).toContain('insecure');
    expect(unpack.command).toMatch(new RegExp(`rm -f -- ${path.replace(/\./g, '\\.')}; exit \\$rc$`));
  });

  it('is a URL only with remote_src, as in Ansible', () => {
    expect(isUrlSource({ src: 'https://x/t.tgz', dest: '/d' }, false)).toBe(false);
    expect(isUrlSource({ src: 'https://x/t.tgz', dest: '/d' }, true)).toBe(true);
    expect(isUrlSource({ src: '/srv/t.tgz', dest: '/d' }, true)).toBe(false);
  });
});

describe('get_url failures', () => {
  it('a download that does not match its checksum fails as changed, as Ansible counts it in the recap', () => {
    const args = { url: URL, dest: '/srv/hello.txt', checksum: 'sha256:abc' };
    const thrown = (() => {
      try {
        planGetUrl(args, facts({ wanted: { algorithm: 'sha256', value: 'abc' }, response: answer({ digest: SHA256 }) }));
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ModuleFailure);
    expect((thrown as ModuleFailure).extra.changed).toBe(true);
  });
});
