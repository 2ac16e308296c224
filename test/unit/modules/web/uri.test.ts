// uri's pure pieces: the body as Python encodes it, the registered result as Ansible names it, the
// status codes and redirects; and a target without curl or wget.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBody, formEncode, quotePlus } from '../../../../src/modules/web/uri/body.js';
import { statusCodes, uriResult, wantsRedirects } from '../../../../src/modules/web/uri/result.js';
import { requestBundle } from '../../../../src/modules/web/request.js';
import { uriModule } from '../../../../src/modules/web/uri/module.js';
import { getUrlModule } from '../../../../src/modules/web/get_url/module.js';
import { runModule } from '../../../../src/modules/run.js';
import type { HttpResponse } from '../../../../src/modules/web/response.js';
import type { ModuleContext } from '../../../../src/modules/types.js';
import { replayConnection, type ReplayConnection } from '../../../kit/replay-connection.js';

describe('uri body', () => {
  it('json as Python writes it, with its content type', () => {
    expect(encodeBody({ a: 1, b: [true, null, 'x'] }, 'json')).toEqual({ body: '{"a": 1, "b": [true, null, "x"]}', contentType: 'application/json' });
    expect(encodeBody('{"raw": 1}', 'json').body).toBe('{"raw": 1}');
  });
  it('form-urlencoded as urlencode(doseq=True) writes it', () => {
    expect(formEncode({ 'a b': 'c&d', l: [1, 2], t: true })).toBe('a+b=c%26d&l=1&l=2&t=True');
    expect(formEncode([['x', 'é'], ['y', '~*']])).toBe('x=%C3%A9&y=~%2A');
    expect(quotePlus("it's")).toBe('it%27s');
    expect(() => formEncode(['nope'])).toThrow(/pairs/);
  });
  it('raw as given; no body, nothing', () => {
    expect(encodeBody('a=1')).toEqual({ body: 'a=1' });
    expect(encodeBody(undefined, 'json')).toEqual({});
  });
});

describe('uri status codes and redirects', () => {
  it('a number, a list, or comma-separated text', () => {
    expect(statusCodes(undefined)).toEqual([200]);
    expect(statusCodes(201)).toEqual([201]);
    expect(statusCodes('200, 304')).toEqual([200, 304]);
    expect(statusCodes([200, '201'])).toEqual([200, 201]);
  });
  it('safe follows GET and HEAD only', () => {
    expect(wantsRedirects(undefined, 'GET')).toBe(true);
    expect(wantsRedirects('safe', 'POST')).toBe(false);
    expect(wantsRedirects('all', 'POST')).toBe(true);
    expect(wantsRedirects('none', 'GET')).toBe(false);
  });
});

const response = (extra: Partial<HttpResponse> = {}): HttpResponse => ({
  tool: 'curl', rc: 0, status: 200, reason: 'OK', redirects: 0, elapsed: 1.7, finalUrl: 'http://h/x', sha1: '', size: 2, kept: false,
  headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '2', 'x-request-id': 'r1' }, setCookies: ['sid=abc; Path=/'], body: Buffer.from('{}'), ...extra,
});

describe('uri result', () => {
  it("Ansible's keys: headers lower-case with '_', cookies, json, msg", () => {
    expect(uriResult({ url: 'http://h/x' }, response(), [200])).toEqual({
      changed: false, content_type: 'application/json; charset=utf-8', content_length: '2', x_request_id: 'r1',
      cookies: { sid: 'abc' }, cookies_string: 'sid=abc', redirected: false, url: 'http://h/x', status: 200, msg: 'OK (2 bytes)', elapsed: 1, json: {},
    });
  });
  it('a status not asked for fails, saying which were', () => {
    const r = uriResult({ url: 'http://h/x', return_content: true }, response({ status: 404, reason: 'Not Found', body: Buffer.from('gone'), headers: { 'content-type': 'text/plain' } }), [200, 201]);
    expect(r).toMatchObject({ failed: true, msg: 'Status code was 404 and not [200, 201]: HTTP Error 404: Not Found', content: 'gone', status: 404 });
    expect(r.cookies).toBeUndefined();
  });
  it('no answer: status -1, the reason', () => {
    expect(uriResult({ url: 'http://h/x' }, response({ status: -1, error: 'curl: (7) refused', headers: {}, body: Buffer.alloc(0) }), [200]).msg).toBe('Status code was -1 and not [200]: Request failed: curl: (7) refused');
  });
  it('a redirect: the final url, and a relative location made absolute', () => {
    expect(uriResult({ url: 'http://h/a' }, response({ redirects: 1, finalUrl: 'http://h/b' }), [200])).toMatchObject({ redirected: true, url: 'http://h/b' });
    expect(uriResult({ url: 'http://h/a' }, response({ status: 302, headers: { location: '/b' } }), [302]).location).toBe('http://h/b');
  });
  it('JSON that does not parse is left out; template text stays text', () => {
    expect(uriResult({ url: 'http://h/x' }, response({ body: Buffer.from('{oops') }), [200]).json).toBeUndefined();
    expect(uriResult({ url: 'http://h/x' }, response({ body: Buffer.from('{"t": "{{ 7 * 6 }}"}') }), [200]).json).toEqual({ t: '{{ 7 * 6 }}' });
  });
});

describe('the request bundle', () => {
  it('carries the password to curl and wget on stdin, never in the script', () => {
    const request = { url: 'http://h/x', method: 'GET', headers: {}, user: 'u', password: 'p"w\\d', validateCerts: false, timeout: 5, followRedirects: false };
    const bundle = requestBundle(request).toString();
    expect(bundle).toContain('user = "u:p\\"w\\\\d"');
    expect(bundle).toContain('password = p"w\\d\n');
    expect(bundle).toContain('insecure');
    expect(bundle).toContain('max_redirect = 0');
  });

  it('client_cert and client_key for curl and wget; unix_socket for curl', () => {
    const request = { url: 'https://h/x', method: 'GET', headers: {}, validateCerts: true, timeout: 5, followRedirects: false, clientCert: '/etc/ssl/c.pem', clientKey: '/etc/ssl/k.pem', unixSocket: '/run/docker.sock' };
    const bundle = requestBundle(request).toString();
    expect(bundle).toContain('cert = "/etc/ssl/c.pem"\nkey = "/etc/ssl/k.pem"\nunix-socket = "/run/docker.sock"\n');
    expect(bundle).toContain('certificate = /etc/ssl/c.pem\nprivate_key = /etc/ssl/k.pem\n');
  });
});

let conn: ReplayConnection | undefined;
afterEach(() => conn?.close());
function context(check = false): ModuleContext {
  conn = replayConnection({});
  return { host: 'replay', conn, check, diff: false, vars: {}, render: (t) => t, findFile: (_k, p) => p };
}

describe('uri src', () => {
  it('is a controller file sent as the body (on stdin), unless remote_src', async () => {
    const local = join(mkdtempSync(join(tmpdir(), 'uri-src-')), 'payload.json');
    writeFileSync(local, '{"from": "controller"}');
    await runModule(uriModule, context(), { url: 'http://h/x', method: 'POST', src: local });
    expect(conn!.calls.some((c) => c.stdin?.includes('{"from": "controller"}'))).toBe(true);
    await conn!.close();
    await runModule(uriModule, context(), { url: 'http://h/x', method: 'POST', src: '/srv/payload.json', remote_src: true });
    expect(conn!.calls.some((c) => c.stdin?.includes('data-binary = "@/srv/payload.json"'))).toBe(true);
  });
  it('a missing controller file fails saying so', async () => {
    expect(await runModule(uriModule, context(), { url: 'http://h/x', src: '/nonexistent/payload' })).toMatchObject({ failed: true, msg: expect.stringContaining("Could not find or access '/nonexistent/payload' on the controller") });
  });
});

describe('a target without curl or wget', () => {
  it('uri fails naming both', async () => {
    expect(await runModule(uriModule, context(), { url: 'http://h/x' })).toMatchObject({ failed: true, msg: 'curl or wget is missing on replay: needed to read the HTTP response' });
  });
  it('get_url fails naming both', async () => {
    expect(await runModule(getUrlModule, context(), { url: 'http://h/x', dest: '/tmp' })).toMatchObject({ failed: true, msg: expect.stringContaining('curl or wget is missing on replay') });
  });
  it('uri does not run in check mode, as Ansible', async () => {
    expect(await runModule(uriModule, context(true), { url: 'http://h/x', method: 'POST' })).toMatchObject({ skipped: true, msg: 'remote module (uri) does not support check mode' });
  });
});
