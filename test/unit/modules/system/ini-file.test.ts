// ini_file: the plan as a table and the edits community.general's ini_file makes (checked against
// ansible-playbook on a lab host: same files, same msg).
import { describe, expect, it } from 'vitest';
import { iniFileModule } from '../../../../src/modules/system/ini_file/module.js';
import { editIni, type IniWish } from '../../../../src/modules/system/ini_file/ini.js';
import type { FileState } from '../../../../src/modules/files/file-probe.js';
import { describePlan } from '../../../kit/plan-cases.js';

const file = (content: string, extra: Partial<FileState> = {}): FileState => ({ path: '/etc/app.ini', type: 'file', exists: true, mode: 0o644, owner: 'root', group: 'root', content: Buffer.from(content), ...extra });
const absent: FileState = { path: '/etc/app.ini', type: 'absent', exists: false };
const DRINKS = '[drinks]\nfav = lemonade\n';

describePlan<Record<string, unknown>, FileState>(iniFileModule, [
  { name: 'the value is there: converged', args: { path: '/etc/app.ini', section: 'drinks', option: 'fav', value: 'lemonade' }, facts: file(DRINKS), expect: 'ok' },
  { name: 'another value', args: { path: '/etc/app.ini', section: 'drinks', option: 'fav', value: 'tea' }, facts: file(DRINKS), expect: ['option changed (fav [drinks])'] },
  { name: 'a new file', args: { dest: '/etc/app.ini', section: 'drinks', option: 'fav', value: 'tea', mode: '0600' }, facts: absent, expect: ['section and option added (fav [drinks]), mode 0600'] },
  { name: 'create: false', args: { path: '/etc/app.ini', section: 'a', option: 'b', value: 'c', create: false }, facts: absent, expect: { error: /Destination \/etc\/app.ini does not exist!/ } },
  { name: 'no value', args: { path: '/etc/app.ini', section: 'a', option: 'b' }, facts: absent, expect: { error: /value\(s\)' must be defined/ } },
  { name: 'only the mode differs', args: { path: '/etc/app.ini', section: 'drinks', option: 'fav', value: 'lemonade', mode: '0640' }, facts: file(DRINKS), expect: ['mode 0644 → 0640'] },
  { name: 'absent: converged', args: { path: '/etc/app.ini', section: 'drinks', option: 'other', state: 'absent' }, facts: file(DRINKS), expect: 'ok' },
  { name: 'absent section', args: { path: '/etc/app.ini', section: 'drinks', state: 'absent' }, facts: file(DRINKS), expect: ['section removed ([drinks])'] },
  { name: 'a directory', args: { path: '/etc/app.ini', section: 'a', option: 'b', value: 'c' }, facts: { path: '/etc/app.ini', type: 'directory', exists: true }, expect: { error: /is a directory/ } },
]);

const wish = (w: Partial<IniWish>): IniWish => ({ values: [], state: 'present', exclusive: true, noExtraSpaces: false, allowNoValue: false, ignoreSpaces: false, modifyInactiveOption: true, ...w });

describe('ini_file edits as Ansible makes them', () => {
  it('a new file starts with an empty line; without a section the option goes before the first one', () => {
    expect(editIni('', wish({ section: 's1', option: 'o1', values: ['v1'] }))).toEqual({ changed: true, msg: 'section and option added', after: '\n[s1]\no1 = v1\n' });
    expect(editIni('', wish({ section: null, option: 'o1', values: ['v1'] })).after).toBe('o1 = v1\n\n');
    expect(editIni('# c\ntop=1\n[a]\n', wish({ option: 'top', values: ['2'], noExtraSpaces: true })).after).toBe('# c\ntop=2\n[a]\n');
  });

  it('rewrites a commented-out option unless modify_inactive_option is false', () => {
    const text = '[drinks]\n; temperature = warm\n';
    expect(editIni(text, wish({ section: 'drinks', option: 'temperature', values: ['cold'] })).after).toBe('[drinks]\ntemperature = cold\n');
    expect(editIni(text, wish({ section: 'drinks', option: 'temperature', values: ['cold'], modifyInactiveOption: false })).after).toBe('[drinks]\ntemperature = cold\n; temperature = warm\n');
  });

  it('several values: kept lines stay, others take the values left, the rest go (exclusive)', () => {
    const text = '[food]\nfav=pizza\nfav=pasta\nbare\n';
    expect(editIni(text, wish({ section: 'food', option: 'fav', values: ['pasta', 'soup', 'rice'] })).after).toBe('[food]\nfav = soup\nfav = pasta\nbare\nfav = rice\n');
    expect(editIni(text, wish({ section: 'food', option: 'fav', values: ['tea'], exclusive: false })).after).toBe('[food]\nfav=pizza\nfav=pasta\nbare\nfav = tea\n');
    expect(editIni(text, wish({ section: 'food', option: 'fav', values: ['pizza'], state: 'absent', exclusive: false })).after).toBe('[food]\nfav=pasta\nbare\n');
  });

  it('ignore_spaces leaves a right value alone however it is spaced', () => {
    expect(editIni('[a]\nb=c\n', wish({ section: 'a', option: 'b', values: ['c'] }))).toMatchObject({ changed: true, after: '[a]\nb = c\n' });
    expect(editIni('[a]\nb=c\n', wish({ section: 'a', option: 'b', values: ['c'], ignoreSpaces: true }))).toMatchObject({ changed: false, msg: 'OK', after: '[a]\nb=c\n' });
  });

  it('options without value; a section alone; a missing final newline is a change', () => {
    expect(editIni('[a]\nx = 1\n', wish({ section: 'a', option: 'flag', allowNoValue: true })).after).toBe('[a]\nx = 1\nflag\n');
    expect(editIni('[a]\n', wish({ section: 'b', allowNoValue: true }))).toMatchObject({ msg: 'only section added', after: '[a]\n[b]\n' });
    expect(editIni('[a]\nb = c', wish({ section: 'a', option: 'b', values: ['c'] }))).toMatchObject({ changed: true, msg: 'OK', after: '[a]\nb = c\n' });
  });

  it('reads CRLF files and drops a BOM, as Python reads text', () => {
    expect(editIni('\uFEFF[a]\r\nb = c\r\n', wish({ section: 'a', option: 'b', values: ['c'] }))).toMatchObject({ changed: false, after: '[a]\nb = c\n' });
  });

  it('a symlink is replaced unless follow, which edits the file it points to', () => {
    const link = file(DRINKS, { resolved: '/srv/real.ini' });
    const put = (follow: boolean) => iniFileModule.plan({ path: '/etc/app.ini', section: 'drinks', option: 'fav', value: 'tea', follow }, link)[0].ops.find((o) => o.kind === 'put');
    expect(put(true)).toMatchObject({ path: '/srv/real.ini' });
    expect(put(false)).toMatchObject({ path: '/etc/app.ini' });
  });
});
