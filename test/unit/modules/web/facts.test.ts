// The web and files families' facts, read from output recorded on a lab host (node5, Debian
// bookworm: curl 7.88, GNU tar 1.34, unzip 6.0, GNU find 4.9) against test/integration/modules/fixtures/web/server.py.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFact } from '../../../kit/fact-cases.js';
import { httpResponse } from '../../../../src/modules/web/response.js';
import { archiveState, parseArchiveState } from '../../../../src/modules/web/unarchive/facts.js';
import { directoryListing } from '../../../../src/modules/files/find/facts.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const U = 'http://127.0.0.1:28431';
const request = (url: string) => ({ request: { url, method: 'GET', headers: {}, validateCerts: true, timeout: 30, followRedirects: true }, plan: { returnBody: true } });
const serverHeaders = (date: string, type: string, length: string) => ({ server: 'SimpleHTTP/0.6 Python/3.11.2', date, 'content-type': type, 'content-length': length, 'x-harun-test': 'yes' });
const JSON_BODY = '{"name": "harun", "items": [1, 2, 3], "template": "{{ 7 * 6 }}"}';

describeFact(httpResponse, [
  {
    name: 'a JSON answer',
    args: request(`${U}/json`),
    stdout: recorded('curl-json.txt'),
    expect: {
      tool: 'curl', rc: 0, status: 200, reason: 'OK', redirects: 0, elapsed: 0.01705, finalUrl: `${U}/json`,
      headers: serverHeaders('Sun, 06 Dec 2026 16:41:08 GMT', 'application/json', '64'), setCookies: [], error: undefined,
      sha1: '43222f108560febbf4ddf5351990f8042a35bff0', digest: undefined, size: 64, body: Buffer.from(JSON_BODY), kept: false,
    },
  },
  {
    name: 'a 404 keeps its headers and body',
    args: request(`${U}/status/404`),
    stdout: recorded('curl-notfound.txt'),
    expect: {
      tool: 'curl', rc: 0, status: 404, reason: 'Not Found', redirects: 0, elapsed: 0.022032, finalUrl: `${U}/status/404`,
      headers: serverHeaders('Sun, 06 Dec 2026 16:41:11 GMT', 'application/json', '15'), setCookies: [], error: undefined,
      sha1: '5c45295f616aa5975dff2ebae26eb408cd94a8c1', digest: undefined, size: 15, body: Buffer.from('{"status": 404}'), kept: false,
    },
  },
  {
    name: 'no answer at all: status -1 and curl\'s reason',
    args: request('http://127.0.0.1:1/'),
    stdout: recorded('curl-refused.txt'),
    expect: {
      tool: 'curl', rc: 7, status: -1, reason: '', redirects: 0, elapsed: 0.000161, finalUrl: 'http://127.0.0.1:1/', headers: {}, setCookies: [],
      error: "curl: (7) Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server",
      sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', digest: undefined, size: 0, body: Buffer.alloc(0), kept: false,
    },
  },
]);

describe('fact: the HTTP response after a redirect', () => {
  it('takes the last response\'s status and headers', () => {
    const r = httpResponse.parse(recorded('curl-redirect.txt'), request(`${U}/redirect`), 0);
    expect(r).toMatchObject({ status: 200, redirects: 1, finalUrl: `${U}/json`, headers: { 'content-type': 'application/json' } });
    expect(r.headers.location).toBeUndefined();
  });
});

describe('fact: the HTTP response from wget (no curl on the target)', () => {
  it('reads the status and headers wget -S printed, through a redirect and a retry', () => {
    const r = httpResponse.parse(recorded('wget-redirect.txt'), request(`${U}/redirect`), 0);
    expect(r).toMatchObject({ tool: 'wget', rc: 0, status: 200, reason: 'OK', redirects: 1, finalUrl: `${U}/json`, sha1: '43222f108560febbf4ddf5351990f8042a35bff0', body: Buffer.from(JSON_BODY) });
    expect(r.headers).toEqual(serverHeaders('Sun, 06 Dec 2026 17:38:48 GMT', 'application/json', '64'));
  });
});

const query = { archive: '/tmp/harun-web-root/t.tgz', dest: '/tmp/harun-web-t/x', extraOpts: [], include: [], exclude: [], keepNewer: false };

describe('fact: the archive and what is unpacked of it', () => {
  it('a tar.gz not unpacked yet: tar --diff cannot stat the members', () => {
    const a = archiveState.parse(recorded('archive-tgz-fresh.txt'), query, 0);
    expect(a.handler).toBe('TgzArchive');
    expect(a.files).toEqual(['./', './.d.txt', './.hid/', './.hid/c.txt', './sub/', './sub/b.log', './a.txt']);
    expect(a.diff).toMatchObject({ rc: 1, out: '' });
    expect(a.diff!.err).toContain('./a.txt: Warning: Cannot stat: No such file or directory');
    expect(Object.keys(a.onDisk)).toEqual(['./']);
  });
  it('a tar.gz unpacked: tar --diff is clean, each member stat-ed', () => {
    const a = archiveState.parse(recorded('archive-tgz-unpacked.txt'), query, 0);
    expect(a.diff).toEqual({ rc: 0, out: '', err: '' });
    expect(a.onDisk['./a.txt']).toMatchObject({ type: 'regular file', size: 2, mode: 0o644, owner: 'root', group: 'root' });
  });
  it('excluded members are left out of files', () => {
    const a = archiveState.parse(recorded('archive-tgz-unpacked.txt'), { ...query, exclude: ['*.txt'] }, 0);
    expect(a.files).toEqual(['./', './.hid/', './sub/', './sub/b.log']);
  });
  it('a zip unpacked: zipinfo members with sizes and times', () => {
    const a = archiveState.parse(recorded('archive-zip-unpacked.txt'), { ...query, archive: '/tmp/harun-web-root/t.zip' }, 0);
    expect(a.handler).toBe('ZipArchive');
    expect(a.zip).toContainEqual({ name: 'a.txt', directory: false, size: 2, stamp: expect.stringMatching(/^\d{8}\.\d{6}$/) });
    expect(a.zip).toContainEqual(expect.objectContaining({ name: 'sub/', directory: true }));
    expect(a.onDisk['a.txt']).toMatchObject({ type: 'regular file', size: 2 });
  });
  it('a missing unzip is named', () => {
    expect(() => parseArchiveState('magic=504b03040a00\nhandler=ZipArchive\nmissing=unzip\n', query, 0)).toThrow(/unzip is missing on the target/);
  });
  it('an unreadable archive', () => {
    expect(() => parseArchiveState('', query, 3)).toThrow(/does not exist or cannot be read/);
  });
  it('the script is valid sh', () => {
    expect(archiveState.script(query)).not.toContain('"$flag"');
  });
});

describe('fact: the directory listing', () => {
  it('entries with GNU find\'s fields; a path that is no directory', () => {
    const l = directoryListing.parse(recorded('find-listing.txt'), { paths: ['/tmp/harun-web-root/tree', '/nonexistent'], follow: false }, 0);
    expect(l.now).toBeGreaterThan(1.7e9);
    expect(l.roots[1]).toEqual({ path: '/nonexistent' });
    expect(l.roots[0].entries!.map((e) => `${e.kind} ${e.depth} ${e.rel}`).sort()).toEqual(['d 1 .hid', 'd 1 sub', 'f 1 .d.txt', 'f 1 a.txt', 'f 2 .hid/c.txt', 'f 2 sub/b.log']);
    expect(l.roots[0].entries!.find((e) => e.rel === 'a.txt')).toMatchObject({ mode: 0o644, uid: 0, owner: 'root', size: 2, nlink: 1 });
  });
});
