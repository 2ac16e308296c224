import { afterEach, describe, expect, it } from 'vitest';
import { learnNoLogResult, learnRenderedSecrets, secretArguments, secretResultValues, secretsReadBy } from '../../../src/executor/task-secrets.js';
import type { ModuleResult } from '../../../src/modules/types.js';
import { MASK, SecretMasker } from '../../../src/output/mask.js';
import { markUnsafe } from '../../../src/template/index.js';

afterEach(() => {
  delete process.env.HA_RUN_TEST_DB_PASSWORD;
});

describe('secrets a task learns and uses', () => {
  it("masks a secret variable whose value is a template (the flagship's rancher_db_password) as rendered", () => {
    process.env.HA_RUN_TEST_DB_PASSWORD = 'env-pw-31337';
    const m = new SecretMasker();
    const vars = {
      rancher_db_password: "{{ lookup('env', 'HA_RUN_TEST_DB_PASSWORD') }}",
      mysql: { root_password: '{{ rancher_db_password }}-root' },
      dsn: 'mysql://rancher:{{ rancher_db_password }}@db',
    };
    learnRenderedSecrets(m, vars);
    expect(m.maskString('pw env-pw-31337, root env-pw-31337-root')).toBe(`pw ${MASK}, root ${MASK}`);
  });

  it('never renders target data found among the variables', () => {
    const m = new SecretMasker();
    learnRenderedSecrets(m, { registered: markUnsafe({ api_token: '{{ 7 * 7 }}-planted' }) });
    expect(m.maskString('49-planted')).toBe('49-planted');
  });

  it("the secret variables a task's arguments read, rendered, at any length", () => {
    const m = new SecretMasker();
    const vars = { db_password: 'root', creds: { password: 'pw1' }, user: 'bob', gone: '{{ nope }}' };
    const args = { _raw_params: 'mysql -u {{ user }} -p{{ db_password }}', extra: ['{{ creds.password }}', '{{ gone | default("x") }}'] };
    expect(secretsReadBy(args, m, vars).sort()).toEqual(['pw1', 'root']);
    m.addSecretName('user');
    expect(secretsReadBy(args, m, vars).sort()).toEqual(['bob', 'pw1', 'root']);
  });

  it('the arguments a module declares secret, whatever the variable they came from is called', () => {
    expect(secretArguments({ secretArgs: ['password', 'keys'] }, { name: 'bob', password: 'x', keys: ['k1', { v: 'k2' }] })).toEqual(['x', 'k1', 'k2']);
    expect(secretArguments({}, { password: 'x' })).toEqual([]);
  });

  it('the result values a module declares secret (a private key returned by return_content)', () => {
    const result: ModuleResult = { changed: true, filename: '/k', privatekey: '-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n' };
    expect(secretResultValues({ secretResults: ['privatekey'] }, result)).toEqual([result.privatekey]);
    expect(secretResultValues({ secretResults: ['privatekey'] }, { changed: false, privatekey: null })).toEqual([]);
    expect(secretResultValues({}, result)).toEqual([]);
  });

  it("a no_log task's registered result: its data everywhere, its name and ansible_failed_result whole", () => {
    const m = new SecretMasker();
    const result = markUnsafe({ changed: true, failed: true, rc: 3, msg: 'non-zero return code', cmd: ['echo'], stdout: 'hidden-value-12345', stdout_lines: ['hidden-value-12345'], stderr: 'also-hidden-999' }) as ModuleResult;
    learnNoLogResult(m, { register: 'r' }, undefined, result);
    expect(m.maskString('got hidden-value-12345 and also-hidden-999')).toBe(`got ${MASK} and ${MASK}`);
    // ha-run's own words in the result stay usable elsewhere
    expect(m.maskString('non-zero return code')).toBe('non-zero return code');
    expect(m.mask({ r: { rc: 3 }, ansible_failed_result: { rc: 3 } })).toEqual({ r: MASK, ansible_failed_result: MASK });
  });

  it("a no_log set_fact's values are secrets; a no_log setup's gathered facts are not", () => {
    const m = new SecretMasker();
    learnNoLogResult(m, {}, { resultIsControllerData: true }, { changed: false, ansible_facts: { token_value: 'made-up-token-1' } });
    learnNoLogResult(m, {}, undefined, { changed: false, ansible_facts: { distribution: 'Debian-like' } });
    expect(m.maskString('made-up-token-1 on Debian-like')).toBe(`${MASK} on Debian-like`);
  });
});
