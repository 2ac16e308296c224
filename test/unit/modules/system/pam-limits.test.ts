// pam_limits: the plan as a table and the edit community.general makes (its files compared with
// ansible-playbook's on a lab host: same bytes, comment quirk included).
import { describe, expect, it } from 'vitest';
import { pamLimitsModule, type PamLimitsFacts } from '../../../../src/modules/system/pam_limits/module.js';
import { editLimits } from '../../../../src/modules/system/pam_limits/limits.js';
import type { PamLimitsArgs } from '../../../../src/modules/system/pam_limits/schema.js';
import { describePlan } from '../../../kit/plan-cases.js';

const LIMITS = '# header\n\n@staff   hard   nproc   50\n*        soft   nofile  1024\n';
const facts = (content?: string, dirExists = true): PamLimitsFacts => ({
  file: content === undefined ? { path: '/etc/security/limits.conf', type: 'absent', exists: false } : { path: '/etc/security/limits.conf', type: 'file', exists: true, content: Buffer.from(content) },
  dirExists,
});
const nofile = (value: string | number, extra: Record<string, unknown> = {}) => ({ domain: '*', limit_type: 'soft', limit_item: 'nofile', value, ...extra });

describePlan<Record<string, unknown>, PamLimitsFacts>(pamLimitsModule, [
  { name: 'the limit is there: converged', args: nofile(1024), facts: facts(LIMITS), expect: 'ok' },
  { name: 'another value', args: nofile(4096), facts: facts(LIMITS), expect: ['*\tsoft\tnofile\t4096 in /etc/security/limits.conf'] },
  { name: 'use_max keeps a bigger value', args: nofile(512, { use_max: true }), facts: facts(LIMITS), expect: 'ok' },
  { name: 'use_min keeps a smaller value', args: nofile('unlimited', { use_min: true }), facts: facts(LIMITS), expect: 'ok' },
  { name: 'a new limit is appended', args: { domain: 'mysql', limit_type: '-', limit_item: 'memlock', value: 'unlimited', comment: 'db' }, facts: facts(LIMITS), expect: ['mysql\t-\tmemlock\tunlimited\t#db in'] },
  { name: 'a new file', args: nofile(1024), facts: facts(), expect: [/\(new file\)$/] },
  { name: 'no directory for a new file', args: nofile(1024), facts: facts(undefined, false), expect: { error: /directory \/etc\/security is not writable/ } },
  { name: 'nice out of range', args: { domain: 'a', limit_type: '-', limit_item: 'nice', value: 30 }, facts: facts(LIMITS), expect: { error: /range -20 to 19/ } },
  { name: 'a bad value', args: nofile('lots'), facts: facts(LIMITS), expect: { error: /'unlimited', 'infinity' or -1/ } },
  { name: 'a bad line in the file', args: nofile(1), facts: facts('* soft nofile lots\n'), expect: { error: /Invalid configuration found in '\/etc\/security\/limits.conf'/ } },
]);

describe('pam_limits edits as Ansible makes them', () => {
  const args = (a: Record<string, unknown>) => ({ domain: '*', limit_type: 'soft', limit_item: 'nofile', value: '1', ...a }) as PamLimitsArgs;
  it('rewrites only the matching line, tab-separated; other lines stay byte for byte', () => {
    expect(editLimits(LIMITS, args({ value: '2048' }), 'f').after).toBe('# header\n\n@staff   hard   nproc   50\n*\tsoft\tnofile\t2048\n');
  });
  it('reuses the comment of an earlier limit line when none is given (its newline too), as Ansible does', () => {
    const edit = editLimits('@staff hard nproc 50 # staff\n', args({ domain: 'mysql', value: '65535' }), 'f');
    expect(edit.after).toBe('@staff hard nproc 50 # staff\nmysql\tsoft\tnofile\t65535\t# staff\n\n');
    expect(edit.msg).toBe('mysql\tsoft\tnofile\t65535\t# staff\n\n');
  });
  it('use_max and use_min pick between numbers and unlimited', () => {
    expect(editLimits('* soft nofile 1024\n', args({ value: '4096', use_max: true }), 'f').after).toBe('*\tsoft\tnofile\t4096\n');
    expect(editLimits('* soft nofile unlimited\n', args({ value: '4096', use_min: true }), 'f').after).toBe('*\tsoft\tnofile\t4096\n');
    expect(() => editLimits('', args({ use_min: true, use_max: true }), 'f')).toThrow('Cannot use use_min and use_max at the same time.');
  });
});
