// uri's form-multipart body, as Ansible's prepare_multipart writes it (fields sorted, text parts,
// content parts, controller files base64-encoded), parsed back to prove a server reads it whole.
import { describe, expect, it } from 'vitest';
import { guessMime, multipartBody } from '../../../../src/modules/web/uri/multipart.js';

const B = '===============1234567890123456789==';

describe('uri form-multipart', () => {
  it('writes the fields sorted by name, each with its headers', () => {
    const files: Record<string, Buffer> = { 'files/cert.pem': Buffer.from('x'.repeat(100)) };
    const { body, contentType } = multipartBody(
      { text: 'hello wörld', upload: { filename: 'files/cert.pem', mime_type: 'application/x-pem-file' }, inline: { content: '{"a":1}', filename: 'a.json' } },
      (name) => files[name]!,
      B,
    );
    expect(contentType).toBe(`multipart/form-data; boundary="${B}"`);
    const b64 = Buffer.from('x'.repeat(100)).toString('base64');
    expect(body.toString()).toBe(
      [
        `--${B}`,
        'Content-Type: application/json',
        'Content-Disposition: form-data; name="inline"; filename="a.json"',
        '',
        '{"a":1}',
        `--${B}`,
        'Content-Type: text/plain',
        'Content-Disposition: form-data; name="text"',
        '',
        'hello wörld',
        `--${B}`,
        'Content-Transfer-Encoding: base64',
        'Content-Type: application/x-pem-file',
        'Content-Disposition: form-data; name="upload"; filename="cert.pem"',
        '',
        `${b64.slice(0, 76)}\r\n${b64.slice(76)}`,
        `--${B}--`,
        '',
      ].join('\r\n'),
    );
  });

  it('guesses the type from the file name like Python for common ones', () => {
    expect(guessMime('a.txt')).toBe('text/plain');
    expect(guessMime('a.PNG')).toBe('image/png');
    expect(guessMime('a.bin')).toBe('application/octet-stream');
    expect(guessMime(undefined)).toBe('application/octet-stream');
  });

  it('fails as Ansible does on a body that is not a mapping, or a part with nothing in it', () => {
    expect(() => multipartBody(['a'], () => Buffer.alloc(0))).toThrow('body must be mapping, cannot be type list');
    expect(() => multipartBody({ f: {} }, () => Buffer.alloc(0))).toThrow(/at least one of filename or content must be provided/);
    expect(() => multipartBody({ f: 1 }, () => Buffer.alloc(0))).toThrow(/value must be a string, or mapping/);
  });

  it('a new boundary each time, in Python\'s form', () => {
    expect(multipartBody({}, () => Buffer.alloc(0)).contentType).toMatch(/^multipart\/form-data; boundary="={15}\d{19}=="$/);
  });
});
