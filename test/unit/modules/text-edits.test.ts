// lineinfile, blockinfile and replace plans against what Ansible itself did to the same files
// (fixtures/ansible-text-edits.json was recorded by running ansible -m <module> on each case).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineinfileModule } from '../../../src/modules/files/lineinfile.js';
import { blockinfileModule } from '../../../src/modules/files/blockinfile.js';
import { replaceModule } from '../../../src/modules/files/replace.js';
import type { DeclarativeModule } from '../../../src/modules/types.js';
import type { FileState } from '../../../src/modules/files/file-probe.js';
import { absent, file, written } from './states.js';

interface Case {
  name: string;
  before: string;
  args: Record<string, unknown>;
  after: string;
  changed: boolean;
  msg: string;
}
const recorded = JSON.parse(readFileSync(new URL('./fixtures/ansible-text-edits.json', import.meta.url), 'utf8')) as Record<string, Case[]>;
const modules: Record<string, DeclarativeModule<Record<string, unknown>, FileState>> = {
  lineinfile: lineinfileModule as unknown as DeclarativeModule<Record<string, unknown>, FileState>,
  blockinfile: blockinfileModule as unknown as DeclarativeModule<Record<string, unknown>, FileState>,
  replace: replaceModule as unknown as DeclarativeModule<Record<string, unknown>, FileState>,
};

describe.each(Object.keys(modules))('%s matches Ansible', (name) => {
  const mod = modules[name];
  it.each(recorded[name].map((c) => [c.name, c] as const))('%s', (_label, c) => {
    const args = { path: '/etc/x.conf', ...c.args };
    const changes = mod.plan(args, file('/etc/x.conf', c.before));
    if (!c.changed) {
      expect(changes).toEqual([]);
      return;
    }
    expect(changes).toHaveLength(1);
    expect(changes[0].summary).toBe(c.msg);
    expect(written(changes)).toBe(c.after);
    expect(changes[0].diff).toEqual({ path: '/etc/x.conf', before: c.before, after: c.after });
    expect(mod.result!(args, file('/etc/x.conf', c.after), changes)).toMatchObject({ msg: c.msg });
  });
});

describe('text edits on missing files and bad input', () => {
  it('lineinfile fails without create, creates (with its directory) with it', () => {
    expect(() => lineinfileModule.plan({ path: '/etc/new/x', line: 'a' }, absent('/etc/new/x'))).toThrow('Destination /etc/new/x does not exist !');
    const changes = lineinfileModule.plan({ path: '/etc/new/x', line: 'a', create: true, mode: '0600' }, absent('/etc/new/x'));
    expect(changes[0].summary).toBe('line added, mode 0600');
    expect(changes[0].ops[0]).toEqual({ kind: 'exec', command: 'mkdir -p -- /etc/new' });
    expect(changes[0].ops[1]).toMatchObject({ kind: 'put', path: '/etc/new/x', data: Buffer.from('a\n'), mode: '0600' });
  });

  it('lineinfile state=absent on a missing file changes nothing', () => {
    expect(lineinfileModule.plan({ path: '/x', line: 'a', state: 'absent' }, absent('/x'))).toEqual([]);
  });

  it('reports attribute changes when the text is already right', () => {
    const changes = lineinfileModule.plan({ path: '/x', line: 'a', mode: '0600' }, file('/x', 'a\n'));
    expect(changes.map((c) => c.summary)).toEqual(['mode 0644 → 0600']);
    expect(lineinfileModule.plan({ path: '/x', line: 'a', mode: '0644' }, file('/x', 'a\n'))).toEqual([]);
  });

  it('backs up before writing and registers the name under backup', () => {
    const changes = lineinfileModule.plan({ path: '/x', line: 'b', backup: true }, file('/x', 'a\n'));
    expect(changes[0].ops[0]).toMatchObject({ kind: 'exec', resultKey: 'backup' });
    // Ansible's name: PATH.<pid>.<YYYY-MM-DD@HH:MM:SS>~, copied keeping mode and times (shutil.copy2).
    expect(changes[0].ops[0].kind === 'exec' && changes[0].ops[0].command).toBe(
      'b=/x.$$.$(date +%Y-%m-%d@%H:%M:%S)~ && cp --preserve=mode,timestamps -- /x "$b" && printf %s "$b"',
    );
  });

  it('validates into a temp file before replacing', () => {
    const changes = blockinfileModule.plan({ path: '/etc/sudoers', block: 'x', validate: 'visudo -cf %s' }, file('/etc/sudoers', 'a\n'));
    const ops = changes[0].ops;
    expect(ops[0]).toMatchObject({ kind: 'put', path: '/etc/.sudoers.ha-run-validate' });
    expect(ops[1].kind === 'exec' && ops[1].command).toMatch(/^if visudo -cf \/etc\/.sudoers.ha-run-validate; then mv -f -- \/etc\/.sudoers.ha-run-validate \/etc\/sudoers;/);
    expect(() => blockinfileModule.plan({ path: '/x', block: 'x', validate: 'check' }, file('/x', ''))).toThrow('validate must contain %s');
  });

  it('refuses directories, bad regexps and missing required values', () => {
    expect(() => replaceModule.plan({ path: '/etc', regexp: 'a' }, { path: '/etc', type: 'directory', exists: true })).toThrow('is a directory');
    expect(() => replaceModule.plan({ path: '/x', regexp: '(' }, file('/x', 'a'))).toThrow('invalid regular expression');
    expect(() => lineinfileModule.plan({ path: '/x', state: 'absent' }, file('/x', 'a'))).toThrow('one of line, search_string, or regexp');
    expect(() => lineinfileModule.plan({ path: '/x', regexp: 'a', backrefs: true } as never, file('/x', 'a'))).toThrow('line is required');
    expect(() => replaceModule.plan({ path: '/x', regexp: 'a' }, absent('/x'))).toThrow('does not exist');
  });
});
