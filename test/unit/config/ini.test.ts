import { describe, expect, it } from 'vitest';
import { parseIni } from '../../../src/config/ini.js';

describe('parseIni (configparser as Ansible uses it)', () => {
  it('reads sections, both delimiters, comments, inline ; comments and continuation lines, with positions', () => {
    const text = [
      '# a comment',
      '[defaults]',
      'Inventory = ./hosts ; inline comment',
      'forks: 10',
      '; another comment',
      'roles_path = roles',
      '    more/roles',
      'url = http://x;not-a-comment',
      '',
      '[ssh_connection]',
      'ssh_args = -o ControlMaster=auto',
    ].join('\n');
    const { entries, problems } = parseIni(text, '/p/ansible.cfg');
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.section, e.key, e.value])).toEqual([
      ['defaults', 'inventory', './hosts'],
      ['defaults', 'forks', '10'],
      ['defaults', 'roles_path', 'roles\nmore/roles'],
      ['defaults', 'url', 'http://x;not-a-comment'],
      ['ssh_connection', 'ssh_args', '-o ControlMaster=auto'],
    ]);
    expect(entries[0]!.valueAt).toEqual({ file: '/p/ansible.cfg', line: 3, col: 13 });
    expect(entries[1]!.at).toEqual({ file: '/p/ansible.cfg', line: 4, col: 1 });
  });

  it('says where a line is wrong: no section, no delimiter, a key set twice', () => {
    const { problems } = parseIni('forks = 3\n[defaults]\njust words\nforks = 1\nFORKS = 2\n', 'a.cfg');
    expect(problems).toEqual([
      { message: 'a setting before any [section] header', at: { file: 'a.cfg', line: 1, col: 1 } },
      { message: 'not a "key = value" line: "just words"', at: { file: 'a.cfg', line: 3, col: 1 } },
      { message: "'forks' is set twice in [defaults] (first on line 4)", at: { file: 'a.cfg', line: 5, col: 1 } },
    ]);
  });
});
