// meta/main.yml dependencies: loaded as roles with their parameters and keywords, their parent, and
// the identity that decides Ansible's once-per-play rule; cycles and unknown roles are load errors.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../../src/playbook/load.js';
import { roleNameOfSource } from '../../../src/playbook/role-meta.js';
import type { Playbook } from '../../../src/playbook/types.js';
import { tree as writeTree } from '../inventory/helpers.js';

function load(files: Record<string, string>): { playbook?: Playbook; diagnostics: { code: string; message: string; file?: string; line?: number; column?: number }[] } {
  const dir = writeTree(files);
  const result = loadPlaybook(join(dir, 'site.yml'));
  return { playbook: result.playbook, diagnostics: result.diagnostics.map((d) => ({ code: d.code, message: d.message, file: d.location?.file, line: d.location?.line, column: d.location?.col })) };
}

const task = (msg: string) => `- name: ${msg}\n  debug: { msg: ${msg} }\n`;

describe('role dependencies', () => {
  it('loads names, role:/name: mappings with parameters and keywords, and requirement-style src entries', () => {
    const { playbook, diagnostics } = load({
      'roles/base/tasks/main.yml': task('base'),
      'roles/common/tasks/main.yml': task('common'),
      'roles/geerlingguy.php/tasks/main.yml': task('php'),
      'roles/web/tasks/main.yml': task('web'),
      'roles/web/meta/main.yml': `
galaxy_info: { author: me }
allow_duplicates: true
dependencies:
  - base
  - role: common
    http_port: 8080
    when: ansible_os_family == 'Debian'
    tags: [deps]
  - { name: common, vars: { http_port: 9090 } }
  - src: geerlingguy.php
    version: 1.0.0
`,
      'site.yml': '- hosts: all\n  roles: [web]\n',
    });
    expect(diagnostics).toEqual([]);
    const web = playbook!.plays[0]!.roles[0]!;
    expect(web.allowDuplicates).toBe(true);
    const [base, common, common2, php] = web.dependencies!;
    expect(base).toMatchObject({ ref: { name: 'base' }, params: {}, parent: web });
    expect(common).toMatchObject({ ref: { name: 'common' }, params: { http_port: 8080 }, keywords: { when: ["ansible_os_family == 'Debian'"], tags: ['deps'] } });
    expect(common2).toMatchObject({ ref: { name: 'common' }, params: { http_port: 9090 } });
    expect(php).toMatchObject({ ref: { name: 'geerlingguy.php' }, params: {} });
    // Different parameters: different roles for the once-per-play rule.
    expect(common!.identity).not.toBe(common2!.identity);
  });

  it('the same role with the same parameters has the same identity, whatever the order of its keys', () => {
    const { playbook } = load({
      'roles/a/tasks/main.yml': task('a'),
      'roles/b/tasks/main.yml': task('b'),
      'roles/b/meta/main.yml': 'dependencies:\n  - { role: a, x: 1, y: 2 }\n',
      'site.yml': '- hosts: all\n  roles:\n    - { role: a, y: 2, x: 1 }\n    - b\n    - { role: a, x: 2 }\n',
    });
    const [a1, b, a2] = playbook!.plays[0]!.roles;
    expect(b!.dependencies![0]!.identity).toBe(a1!.identity);
    expect(a2!.identity).not.toBe(a1!.identity);
  });

  it('nests: a dependency has its own dependencies, each knowing its parent', () => {
    const { playbook, diagnostics } = load({
      'roles/a/tasks/main.yml': task('a'),
      'roles/b/meta/main.yml': 'dependencies: [a]\n',
      'roles/c/meta/main.yml': 'dependencies: [b]\n',
      'site.yml': '- hosts: all\n  roles: [c]\n',
    });
    expect(diagnostics).toEqual([]);
    const c = playbook!.plays[0]!.roles[0]!;
    const a = c.dependencies![0]!.dependencies![0]!;
    expect(a.ref.name).toBe('a');
    expect(a.parent!.parent).toBe(c);
  });

  it('a cycle is an error at the dependency that closes it, naming the roles', () => {
    const { diagnostics } = load({
      'roles/a/meta/main.yml': 'dependencies: [b]\n',
      'roles/b/meta/main.yml': 'dependencies:\n  - role: a\n',
      'site.yml': '- hosts: all\n  roles: [a]\n',
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'role-dependency-cycle', message: 'role dependencies form a cycle: a → b → a', line: 2, column: 5 });
    expect(diagnostics[0]!.file).toMatch(/roles\/b\/meta\/main\.yml$/);
  });

  it('an unknown dependency is reported at its meta/main.yml line with a suggestion', () => {
    const { diagnostics } = load({
      'roles/common/tasks/main.yml': task('common'),
      'roles/web/meta/main.yml': '---\ndependencies:\n  - comon\n',
      'site.yml': '- hosts: all\n  roles: [web]\n',
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'role-not-found', line: 3, column: 5 });
    expect(diagnostics[0]!.message).toMatch(/role 'comon' not found.*did you mean 'common'/);
  });

  it('checks what it reads: a dependency list that is not a list, a bad keyword on a dependency, allow_duplicates not a boolean', () => {
    const codes = (meta: string) =>
      load({ 'roles/a/tasks/main.yml': task('a'), 'roles/web/meta/main.yml': meta, 'site.yml': '- hosts: all\n  roles: [web]\n' }).diagnostics.map((d) => d.code);
    expect(codes('dependencies: a\n')).toEqual(['invalid-value']);
    expect(codes('dependencies:\n  - { role: a, when: [1, {x: 2}] }\n').length).toBeGreaterThan(0);
    expect(codes('allow_duplicates: maybe\n')).toEqual(['invalid-value']);
    expect(codes('galaxy_info: {}\ndependencies: []\n')).toEqual([]);
  });

  it('import_role and include_role load the role with its dependencies', () => {
    const { playbook, diagnostics } = load({
      'roles/a/tasks/main.yml': task('a'),
      'roles/b/meta/main.yml': 'dependencies: [a]\n',
      'site.yml': '- hosts: all\n  tasks:\n    - import_role: { name: b }\n',
    });
    expect(diagnostics).toEqual([]);
    const imported = playbook!.plays[0]!.tasks[0]!;
    expect(imported.kind === 'include_role' && imported.included!.dependencies!.map((d) => d.ref.name)).toEqual(['a']);
  });
});

describe('a requirement source names its role as ansible-galaxy installs it', () => {
  it.each([
    ['geerlingguy.php', 'geerlingguy.php'],
    ['https://github.com/me/ansible-role-web.git', 'ansible-role-web'],
    ['git@github.com:me/web.git', 'web'],
    ['https://example.com/files/role.tar.gz', 'role'],
  ])('%s → %s', (src, name) => {
    expect(roleNameOfSource(src)).toBe(name);
  });
});
