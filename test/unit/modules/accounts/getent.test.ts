// getent's records, shaped as Ansible's getent module shapes them (lab output, fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getentModule } from '../../../../src/modules/accounts/getent/module.js';
import { getentRecords } from '../../../../src/modules/accounts/getent/records.js';
import { findModule } from '../../../../src/modules/registry.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('getent records', () => {
  it('colon databases split on colons, under the first field', () => {
    expect(getentRecords({ database: 'passwd', key: 'hacct_rec' }, { rc: 0, stdout: recorded('getent-passwd-user.txt') })).toEqual({
      ansible_facts: { getent_passwd: { hacct_rec: ['x', '4790', '4790', 'Recorded User', '/home/hacct_rec', '/bin/bash'] } },
    });
  });
  it('other databases split on whitespace; a first field seen again becomes a list of lists', () => {
    const facts = getentRecords({ database: 'ahosts', key: 'localhost' }, { rc: 0, stdout: recorded('getent-ahosts-localhost.txt') }).ansible_facts as Record<string, Record<string, unknown>>;
    expect(facts.getent_ahosts['127.0.0.1']).toEqual([['STREAM', 'localhost'], ['DGRAM'], ['RAW'], ['STREAM'], ['DGRAM'], ['RAW']]);
  });
  it('a split given is used as it is', () => {
    expect(getentRecords({ database: 'passwd', split: '/' }, { rc: 0, stdout: 'root:x:0:0:root:/root:/bin/bash\n' })).toEqual({ ansible_facts: { getent_passwd: { 'root:x:0:0:root:': ['root:', 'bin', 'bash'] } } });
  });
  it('a missing key fails, or with fail_key false is null', () => {
    expect(() => getentRecords({ database: 'passwd', key: 'x' }, { rc: 2, stdout: '' })).toThrow(/could not be found/);
    expect(getentRecords({ database: 'passwd', key: 'x', fail_key: false }, { rc: 2, stdout: '' })).toMatchObject({ ansible_facts: { getent_passwd: { x: null } } });
    expect(() => getentRecords({ database: 'nosuch' }, { rc: 1, stdout: '' })).toThrow(/database unknown/);
  });
  it('its facts are variables under their own names (a declared trait, no name check)', () => {
    expect(getentModule.setsVars).toBe('named-facts');
    expect(findModule('ansible.builtin.getent')).toBe(getentModule);
    expect(findModule('ansible.posix.authorized_key')?.name).toBe('authorized_key');
    expect(findModule('authorized_key')?.name).toBe('authorized_key');
  });
});
