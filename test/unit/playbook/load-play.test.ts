// Plays, import_playbook and roles as written -> the canonical model.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadPlaybook } from '../../../src/playbook/load.js';
import type { Playbook } from '../../../src/playbook/types.js';
import { tree as writeTree } from '../inventory/helpers.js';

function load(files: Record<string, string>, main = 'site.yml'): { playbook?: Playbook; codes: string[]; dir: string } {
  const dir = writeTree(files);
  const result = loadPlaybook(join(dir, main));
  return { playbook: result.playbook, codes: result.diagnostics.map((d) => d.code), dir };
}

function loadOk(files: Record<string, string>, main = 'site.yml'): Playbook & { dir: string } {
  const { playbook, codes, dir } = load(files, main);
  expect(codes).toEqual([]);
  return { ...playbook!, dir };
}

describe('play keywords', () => {
  it('normalizes every play keyword', () => {
    const pb = loadOk({
      'site.yml': `
- name: everything
  hosts: [web, db]
  vars: { a: 1 }
  vars_files: [vars/one.yml, [vars/absent.yml, vars/two.yml]]
  gather_facts: no
  become: yes
  become_user: deploy
  serial: [1, "50%"]
  max_fail_percentage: 20
  any_errors_fatal: true
  tags: deploy,web
  environment: { HTTP_PROXY: "http://proxy:3128" }
  check_mode: false
  diff: true
  no_log: "{{ secret_mode }}"
  ignore_errors: true
  strategy: linear
  connection: local
  remote_user: admin
  pre_tasks: [{ debug: { msg: pre } }]
  tasks: [{ debug: { msg: main } }]
  post_tasks: [{ debug: { msg: post } }]
  handlers: [{ name: h, debug: { msg: handled } }]
`,
      'vars/one.yml': 'x: 1\ny: 1\n',
      'vars/two.yml': 'y: 2\n',
    });
    const play = pb.plays[0]!;
    expect(play).toMatchObject({
      name: 'everything',
      hosts: 'web,db',
      vars: { a: 1 },
      varsFiles: ['vars/one.yml', 'vars/two.yml'],
      varsFromFiles: { x: 1, y: 2 },
      gatherFacts: false,
      become: true,
      becomeUser: 'deploy',
      serial: [1, '50%'],
      maxFailPercentage: 20,
      anyErrorsFatal: true,
      tags: ['deploy', 'web'],
      environment: { HTTP_PROXY: 'http://proxy:3128' },
      checkMode: false,
      diff: true,
      noLog: '{{ secret_mode }}',
      ignoreErrors: true,
      strategy: 'linear',
      connection: 'local',
      remoteUser: 'admin',
      playbookDir: pb.dir,
      location: { line: 2, col: 3 },
    });
    expect([play.preTasks, play.tasks, play.postTasks].map((l) => (l[0] as { args: unknown }).args)).toEqual([{ msg: 'pre' }, { msg: 'main' }, { msg: 'post' }]);
    expect(play.handlers.map((h) => h.name)).toEqual(['h']);
    expect(pb.files).toEqual([join(pb.dir, 'site.yml'), join(pb.dir, 'vars/one.yml'), join(pb.dir, 'vars/two.yml')]);
  });

  it('defaults: facts gathered, no serial, linear', () => {
    const play = loadOk({ 'site.yml': '- hosts: all\n' }).plays[0]!;
    expect(play).toMatchObject({ gatherFacts: true, serial: [], when: [], tags: [], vars: {}, roles: [], tasks: [] });
  });

  it('a single serial value becomes one batch; templated vars_files wait for run time', () => {
    const play = loadOk({ 'site.yml': '- hosts: all\n  serial: 2\n  vars_files: ["vars/{{ env }}.yml"]\n' }).plays[0]!;
    expect(play.serial).toEqual([2]);
    expect(play.varsFiles).toEqual(['vars/{{ env }}.yml']);
    expect(play.varsFromFiles).toEqual({});
  });
});

describe('import_playbook', () => {
  it('expands imported plays in order, recursively, with the entry vars/tags/when', () => {
    const pb = loadOk({
      'site.yml': '- import_playbook: a.yml\n  vars: { from_import: 1 }\n  tags: [imported]\n  when: enabled\n- hosts: third\n',
      'a.yml': '- hosts: first\n  vars: { own: 2 }\n- import_playbook: sub/b.yml\n',
      'sub/b.yml': '- hosts: second\n',
    });
    expect(pb.plays.map((p) => p.hosts)).toEqual(['first', 'second', 'third']);
    expect(pb.plays[0]).toMatchObject({ vars: { from_import: 1, own: 2 }, tags: ['imported'], when: ['enabled'] });
    expect(pb.plays[1]!.playbookDir).toBe(join(pb.dir, 'sub'));
    expect(pb.plays[2]).toMatchObject({ tags: [], when: [] });
  });

  it('stops at a cycle instead of hanging', () => {
    const { codes } = load({ 'site.yml': '- import_playbook: a.yml\n', 'a.yml': '- import_playbook: site.yml\n' });
    expect(codes).toEqual(['include-cycle']);
  });
});

describe('roles', () => {
  const role = {
    'roles/web/tasks/main.yml': '- name: web task\n  debug: { msg: "{{ web_port }}" }\n',
    'roles/web/handlers/main.yml': '- name: restart web\n  debug: { msg: restart }\n',
    'roles/web/defaults/main.yml': 'web_port: 80\n',
    'roles/web/vars/main.yml': 'web_user: www\n',
    'roles/web/tasks/other.yaml': '- debug: { msg: other }\n',
  };

  it('reads tasks, handlers, defaults and vars; entries as name, role: or name: with params and keywords', () => {
    const pb = loadOk({
      ...role,
      'site.yml': `
- hosts: all
  roles:
    - web
    - role: web
      web_port: 8080
      vars: { web_user: nginx }
      when: enabled
      tags: [w]
      become: true
    - { name: web }
`,
    });
    const [plain, withParams, byName] = pb.plays[0]!.roles;
    expect(plain).toMatchObject({
      ref: { name: 'web', path: join(pb.dir, 'roles/web') },
      params: {},
      defaults: { web_port: 80 },
      vars: { web_user: 'www' },
    });
    expect(plain!.tasks[0]).toMatchObject({ kind: 'task', name: 'web task', module: 'debug', role: { name: 'web' } });
    expect(plain!.handlers.map((h) => h.name)).toEqual(['restart web']);
    expect(withParams).toMatchObject({ params: { web_port: 8080, web_user: 'nginx' }, keywords: { when: ['enabled'], tags: ['w'], become: true, vars: {} } });
    expect(byName!.ref.name).toBe('web');
  });

  it('finds roles through ANSIBLE_ROLES_PATH and by path', () => {
    const shared = writeTree({ 'db/tasks/main.yml': '- debug: { msg: db }\n' });
    vi.stubEnv('ANSIBLE_ROLES_PATH', shared);
    try {
      const pb = loadOk({ ...role, 'site.yml': '- hosts: all\n  roles: [db, ./roles/web]\n' });
      expect(pb.plays[0]!.roles.map((r) => r.ref.path)).toEqual([join(shared, 'db'), join(pb.dir, 'roles/web')]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('finds a role named with a slash under roles/ too (a dependency `nested/dep`)', () => {
    const pb = loadOk({
      'roles/nested/dep/tasks/main.yml': '- debug: { msg: dep }\n',
      'roles/top/meta/main.yml': 'dependencies: [nested/dep]\n',
      'roles/top/tasks/main.yml': '- debug: { msg: top }\n',
      'site.yml': '- hosts: all\n  roles: [top]\n',
    });
    expect(pb.plays[0]!.roles[0]!.dependencies!.map((r) => r.ref.path)).toEqual([join(pb.dir, 'roles/nested/dep')]);
  });

  it('import_role is expanded now (static), include_role pre-loaded unless templated', () => {
    const pb = loadOk({
      ...role,
      'site.yml': `
- hosts: all
  tasks:
    - import_role: { name: web, tasks_from: other }
    - include_role:
        name: web
        apply: { tags: [applied] }
      when: go
    - ansible.builtin.include_role: { name: "{{ chosen }}" }
      loop: [a, b]
      loop_control: { loop_var: thing }
`,
    });
    const [imported, included, dynamic] = pb.plays[0]!.tasks;
    expect(imported).toMatchObject({ kind: 'include_role', static: true, roleName: 'web', from: { tasks: 'other' } });
    expect(imported!.kind === 'include_role' && imported!.included!.tasks[0]).toMatchObject({ args: { msg: 'other' } });
    expect(included).toMatchObject({ kind: 'include_role', static: false, when: ['go'], apply: { tags: ['applied'] } });
    expect(included!.kind === 'include_role' && included!.included!.handlers.length).toBe(1);
    // include_role takes a loop: the role is included once per item.
    expect(dynamic).toMatchObject({ kind: 'include_role', roleName: '{{ chosen }}', loop: ['a', 'b'], loopForm: 'loop', loopControl: { loopVar: 'thing' } });
    expect(dynamic!.kind === 'include_role' && dynamic!.included).toBeUndefined();
  });

  it('include_role and import_role in free form name their role and its *_from files as the mapping form does', () => {
    const pb = loadOk({
      ...role,
      'roles/web/handlers/alt.yml': '- name: alt\n  debug: { msg: alt }\n',
      'roles/web/vars/alt.yml': 'alt_var: 1\n',
      'roles/web/defaults/alt.yml': 'alt_default: 1\n',
      'site.yml': `
- hosts: all
  tasks:
    - include_role: name=web tasks_from=other handlers_from=alt vars_from=alt defaults_from=alt
    - import_role: name=web tasks_from=other
`,
    });
    const [included, imported] = pb.plays[0]!.tasks;
    expect(included).toMatchObject({ kind: 'include_role', static: false, roleName: 'web', from: { tasks: 'other', handlers: 'alt', vars: 'alt', defaults: 'alt' } });
    expect(included!.kind === 'include_role' && included!.included).toMatchObject({ vars: { alt_var: 1 }, defaults: { alt_default: 1 }, handlers: [{ name: 'alt' }] });
    expect(imported).toMatchObject({ kind: 'include_role', static: true, roleName: 'web', from: { tasks: 'other' } });
    expect(load({ ...role, 'site.yml': '- hosts: all\n  tasks:\n    - include_role: web\n' }).codes).toEqual(['wrong-type']);
  });

  it('a role may import its own other task files; coming back to a file being read is the cycle', () => {
    const pb = loadOk({
      'roles/r/tasks/main.yml': '- import_role: { name: r, tasks_from: extra }\n- import_tasks: more.yml\n',
      'roles/r/tasks/extra.yml': '- debug: { msg: extra }\n',
      'roles/r/tasks/more.yml': '- include_role: { name: r, tasks_from: extra }\n',
      'site.yml': '- hosts: all\n  roles: [r]\n',
    });
    expect(pb.plays[0]!.roles[0]!.tasks.map((t) => t.kind)).toEqual(['include_role', 'block']);
    const { codes } = load({
      'roles/r/tasks/main.yml': '- import_role: { name: r, tasks_from: extra }\n',
      'roles/r/tasks/extra.yml': '- import_role: { name: r }\n',
      'site.yml': '- hosts: all\n  roles: [r]\n',
    });
    expect(codes).toEqual(['include-cycle']);
  });

  it('defaults and vars from a main/ directory, files merged in sorted order; main.yml first when both exist', () => {
    const pb = loadOk({
      'roles/r/tasks/main.yml': '- debug:\n',
      'roles/r/defaults/main/20-b.yml': 'b: late\nc: 3\n',
      'roles/r/defaults/main/10-a.yml': 'a: 1\nb: early\n',
      'roles/r/defaults/main/sub/30-d.yaml': 'd: 4\n',
      'roles/r/defaults/main/.hidden.yml': 'hidden: 1\n',
      'roles/r/vars/main.yml': 'v: file\n',
      'roles/r/vars/main/x.yml': 'v: dir\n',
      'roles/r/vars/other/x.yml': 'o: dir\n',
      'site.yml': '- hosts: all\n  roles: [r]\n  tasks:\n    - import_role: { name: r, vars_from: other }\n',
    });
    expect(pb.plays[0]!.roles[0]).toMatchObject({ defaults: { a: 1, b: 'late', c: 3, d: 4 }, vars: { v: 'file' } });
    expect(pb.plays[0]!.roles[0]!.defaults).not.toHaveProperty('hidden');
    const imported = pb.plays[0]!.tasks[0]!;
    expect(imported.kind === 'include_role' && imported.included!.vars).toEqual({ o: 'dir' });
  });

  it('play vars as a list of mappings', () => {
    expect(loadOk({ 'site.yml': '- hosts: all\n  vars:\n    - { a: 1, b: 1 }\n    - { b: 2 }\n' }).plays[0]!.vars).toEqual({ a: 1, b: 2 });
  });

  it('reports a role that includes itself', () => {
    const { codes } = load({ 'roles/loop/tasks/main.yml': '- import_role: { name: loop }\n', 'site.yml': '- hosts: all\n  roles: [loop]\n' });
    expect(codes).toEqual(['include-cycle']);
  });
});
