import { describe, expect, it } from 'vitest';
import { censored, looksSecret, MASK, NO_LOG_MESSAGE, SecretMasker } from '../../../src/output/mask.js';
import { maskedReporter } from '../../../src/output/masked.js';
import { fanOut } from '../../../src/output/reporter.js';
import { PyFloat } from '../../../src/template/py-float.js';

describe('secret masking', () => {
  it('recognises secret-looking variable names but not key file paths', () => {
    for (const n of ['ansible_password', 'ansible_become_password', 'ansible_ssh_pass', 'db_password', 'api_token', 'mysql_root_pass', 'secret', 'aws_secret_key'])
      expect(looksSecret(n), n).toBe(true);
    for (const n of ['ansible_ssh_private_key_file', 'passenger', 'username', 'compass', 'token_path']) expect(looksSecret(n), n).toBe(false);
  });
  it('replaces known secret values everywhere in nested data', () => {
    const m = new SecretMasker();
    m.addFromVars({ db_password: 's3cr3t-value', nested: { api_token: 'tok-123456' }, user: 'bob' });
    const out = m.mask({ msg: 'login with s3cr3t-value failed', list: ['tok-123456'], cmd: 'echo bob' });
    expect(out).toEqual({ msg: `login with ${MASK} failed`, list: [MASK], cmd: 'echo bob' });
  });
  it("keeps a template's float 2.0 (a boxed Number) as it is", () => {
    const two = new PyFloat(2);
    expect(new SecretMasker().mask({ l: [two] }).l[0]).toBe(two);
  });
  it('masks values under secret-looking keys even when not learned before', () => {
    expect(new SecretMasker().mask({ ansible_become_password: 'x1', other: 'x1' })).toEqual({ ansible_become_password: MASK, other: 'x1' });
  });
  it('no_log results keep only the censored message and the outcome', () => {
    expect(censored({ changed: true, stdout: 'secret', rc: 0 })).toEqual({ censored: NO_LOG_MESSAGE, changed: true });
    expect(censored({ changed: false, failed: true, msg: 'pw=x' })).toEqual({ censored: NO_LOG_MESSAGE, changed: false, failed: true });
  });
});

describe('masked reporter', () => {
  it('every hook receives events with the secrets learned so far replaced', async () => {
    const seen: unknown[] = [];
    const inner = fanOut([{ hostResult: (e) => void seen.push(e), warning: (m) => void seen.push(m) }]);
    const masker = new SecretMasker();
    const r = maskedReporter(inner, masker);
    masker.add('pa55word!');
    await r.warning('login with pa55word! failed');
    await r.hostResult({ host: 'n', task: { name: 't', module: 'command', handler: false }, status: 'failed', durationMs: 1, result: { stderr: 'bad pa55word!' } });
    expect(JSON.stringify(seen)).not.toContain('pa55word!');
    expect(seen[0]).toBe(`login with ${MASK} failed`);
  });
});
