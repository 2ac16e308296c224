import { describe, expect, it } from 'vitest';
import { censored, looksSecret, MASK, MIN_MASKED_LENGTH, NO_LOG_MESSAGE, SecretMasker } from '../../../src/output/mask.js';
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

describe('secret masking: rendered values, short values, names', () => {
  it('learns a templated secret as its rendered value, not only as its template text', () => {
    const m = new SecretMasker();
    const template = "{{ lookup('env', 'DB_PASSWORD') }}";
    m.addFromVars({ rancher_db_password: template }, (t) => (t === template ? 'from-the-env-42' : t));
    expect(m.maskString('mysql -pfrom-the-env-42')).toBe(`mysql -p${MASK}`);
    expect(m.maskString(template)).toBe(MASK);
  });
  it('a template that cannot be rendered is still learned as written, without throwing', () => {
    const m = new SecretMasker();
    m.addFromVars({ api_token: '{{ missing }}-long' }, () => {
      throw new Error('undefined');
    });
    expect(m.maskString('x {{ missing }}-long')).toBe(`x ${MASK}`);
  });
  it(`values shorter than ${MIN_MASKED_LENGTH} characters do not garble unrelated text`, () => {
    const m = new SecretMasker();
    m.addFromVars({ db_password: 'root', mysql_root_password: 1, api_token: 'long-enough' });
    expect(m.maskString('owner root, 1 file, token long-enough')).toBe(`owner root, 1 file, token ${MASK}`);
    // ...but a task that used them gets them masked in its own output, at any length
    expect(m.forTask(['root', 1]).mask({ msg: 'login root/1 long-enough' })).toEqual({ msg: `login ${MASK}/${MASK} ${MASK}` });
    // ...and printed by name (debug: var=db_password) they are masked whatever their length
    expect(m.mask({ db_password: 'root', 'creds.password': 'x', 'hostvars[h].ansible_become_password': 'y' })).toEqual({
      db_password: MASK,
      'creds.password': MASK,
      'hostvars[h].ansible_become_password': MASK,
    });
  });
  it('a no_log registered name is masked whole when printed by name, as are expressions on it', () => {
    const m = new SecretMasker();
    m.addSecretName('r');
    expect(m.mask({ r: { stdout: 'ok', rc: 0 }, 'r.stdout': 'ok', 'r2': 'shown', other: { r: [1] } })).toEqual({ r: MASK, 'r.stdout': MASK, r2: 'shown', other: { r: MASK } });
  });
});

describe('masked reporter', () => {
  it('every hook receives events with the secrets learned so far replaced', async () => {
    const seen: unknown[] = [];
    const inner = fanOut([{ hostResult: (e) => void seen.push(e), warning: (m) => void seen.push(m) }]);
    const masker = new SecretMasker();
    const r = maskedReporter(inner, masker);
    masker.add('pa55word!');
    await r.warning({ message: 'login with pa55word! failed' });
    await r.hostResult({ host: 'n', task: { name: 't', module: 'command', handler: false }, status: 'failed', durationMs: 1, result: { stderr: 'bad pa55word!' } });
    expect(JSON.stringify(seen)).not.toContain('pa55word!');
    expect(seen[0]).toEqual({ message: `login with ${MASK} failed` });
  });
});
