// Tasks as written -> canonical Task / Block / IncludeTasks nodes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/errors.js';
import { loadPlaybook } from '../../../src/playbook/load.js';
import type { Play, TaskItem } from '../../../src/playbook/types.js';
import { tree as writeTree } from '../inventory/helpers.js';

function tasksOf(tasksYaml: string, extra: Record<string, string> = {}): { tasks: TaskItem[]; play?: Play; diagnostics: Diagnostic[]; dir: string } {
  const dir = writeTree({ 'site.yml': `- hosts: all\n  tasks:\n${tasksYaml.replace(/^/gm, '    ')}\n`, ...extra });
  const result = loadPlaybook(join(dir, 'site.yml'));
  const play = result.playbook?.plays[0];
  return { tasks: play?.tasks ?? [], ...(play ? { play } : {}), diagnostics: result.diagnostics, dir };
}

function one(tasksYaml: string, extra: Record<string, string> = {}): TaskItem {
  const { tasks, diagnostics } = tasksOf(tasksYaml, extra);
  expect(diagnostics).toEqual([]);
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
}

describe('module and arguments', () => {
  it.each([
    ['copy: { src: a, dest: /b }', 'copy', { src: 'a', dest: '/b' }],
    ['ansible.builtin.copy: { src: a, dest: /b }', 'copy', { src: 'a', dest: '/b' }],
    ['ansible.legacy.copy: src=a dest=/b', 'copy', { src: 'a', dest: '/b' }],
    ['copy: src=a dest=b mode=0644', 'copy', { src: 'a', dest: 'b', mode: '0644' }],
    ['command: ls -l chdir=/tmp', 'command', { _raw_params: 'ls -l', chdir: '/tmp' }],
    ['command: echo a=b', 'command', { _raw_params: 'echo a=b' }],
    ['shell: echo "$HOME" > /tmp/x', 'shell', { _raw_params: 'echo "$HOME" > /tmp/x' }],
    ['action: copy src=a dest=/b', 'copy', { src: 'a', dest: '/b' }],
    ['action: { module: file, path: /x, state: directory }', 'file', { path: '/x', state: 'directory' }],
    ['command: make\nargs: { chdir: /src, creates: /src/out }', 'command', { _raw_params: 'make', chdir: '/src', creates: '/src/out' }],
    ['copy: { dest: /a }\nargs: { dest: /ignored, content: x }', 'copy', { dest: '/a', content: 'x' }],
    ['debug:', 'debug', {}],
    // Expected args below as ansible-core's ModuleArgsParser gives them for the same YAML.
    ['shell: |\n  echo one\n  if true; then echo two; fi', 'shell', { _raw_params: 'echo one\nif true; then echo two; fi\n' }],
    ['command: >\n  echo folded\n  words', 'command', { _raw_params: 'echo folded words\n' }],
    ['ansible.builtin.shell: |\n  touch a\n  chdir=/tmp creates=/tmp/a', 'shell', { _raw_params: 'touch a\n', chdir: '/tmp', creates: '/tmp/a' }],
    ['include_vars: file=v.yml name=loaded', 'include_vars', { file: 'v.yml', name: 'loaded' }],
    ['action: "shell echo a\\n  echo b   c"', 'shell', { _raw_params: 'echo a\n  echo b   c' }],
    ['action: { module: shell echo hi chdir=/tmp, creates: /x }', 'shell', { _raw_params: 'echo hi', chdir: '/tmp', creates: '/x' }],
    ['copy: content="a\\nb" dest=/x', 'copy', { content: 'a\nb', dest: '/x' }],
    ['raw: echo hi executable=/bin/bash', 'raw', { _raw_params: 'echo hi', executable: '/bin/bash' }],
    ['script: s.sh a=b creates=/x', 'script', { _raw_params: 's.sh a=b', creates: '/x' }],
    ['copy: { content: x, dest: /a, force: "yes" }', 'copy', { content: 'x', dest: '/a', force: true }],
  ])('%s', (yaml, module, args) => {
    expect(one(`- ${yaml.replace(/\n/g, '\n  ')}`)).toMatchObject({ kind: 'task', module, args });
  });

  it('local_action runs on localhost', () => {
    expect(one('- local_action: command hostname')).toMatchObject({ module: 'command', delegateTo: 'localhost', args: { _raw_params: 'hostname' } });
    expect(one('- local_action: { module: copy content="a\\nb" dest=/x }')).toMatchObject({ module: 'copy', delegateTo: 'localhost', args: { content: 'a\nb', dest: '/x' } });
  });

  it('reports no module and conflicting modules with their location', () => {
    const { diagnostics } = tasksOf('- name: nothing\n- copy: {content: x, dest: /a}\n  action: file path=/x');
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.col])).toEqual([
      ['no-action', 3, 7],
      ['conflicting-action', 5, 7],
    ]);
  });
});

describe('task keywords', () => {
  it('normalizes every task keyword', () => {
    const task = one(`- name: all of them
  command: "true"
  when: [a, b]
  loop: [1, 2]
  loop_control: { loop_var: n, index_var: i, label: "{{ n }}", pause: 1, extended: true }
  register: out
  notify: h
  listen: topic
  changed_when: false
  failed_when: out.rc > 1
  ignore_errors: yes
  until: out is succeeded
  retries: 3
  delay: 2
  delegate_to: db1
  run_once: true
  no_log: true
  become: true
  become_user: postgres
  environment: { LANG: C }
  tags: [t1, t2]
  check_mode: false
  diff: false
  vars: { v: 1 }
  any_errors_fatal: true`);
    expect(task).toMatchObject({
      name: 'all of them',
      module: 'command',
      when: ['a', 'b'],
      loop: [1, 2],
      loopForm: 'loop',
      loopControl: { loopVar: 'n', indexVar: 'i', label: '{{ n }}', pause: 1, extended: true },
      register: 'out',
      notify: ['h'],
      listen: ['topic'],
      changedWhen: ['False'],
      failedWhen: ['out.rc > 1'],
      ignoreErrors: true,
      until: 'out is succeeded',
      retries: 3,
      delay: 2,
      delegateTo: 'db1',
      runOnce: true,
      noLog: true,
      become: true,
      becomeUser: 'postgres',
      environment: { LANG: 'C' },
      tags: ['t1', 't2'],
      checkMode: false,
      diff: false,
      vars: { v: 1 },
      anyErrorsFatal: true,
      location: { line: 3, col: 7 },
    });
  });

  it.each([
    ['with_items: [a, b]', 'with_items', ['a', 'b']],
    ['with_list: "{{ things }}"', 'with_list', '{{ things }}'],
    ['with_dict: { a: 1 }', 'with_dict', { a: 1 }],
    ['with_together:\n  - [1, 2]\n  - "{{ b }}"', 'with_together', [[1, 2], '{{ b }}']],
    ['with_subelements:\n  - "{{ users }}"\n  - keys\n  - skip_missing: true', 'with_subelements', ['{{ users }}', 'keys', { skip_missing: true }]],
    ['with_nested: [[a], [b]]', 'with_nested', [['a'], ['b']]],
    ['with_cartesian: [[a], [b]]', 'with_cartesian', [['a'], ['b']]],
    ['with_sequence: start=1 end=3', 'with_sequence', 'start=1 end=3'],
    ['with_indexed_items: "{{ xs }}"', 'with_indexed_items', '{{ xs }}'],
    ['with_fileglob: "*.conf"', 'with_fileglob', '*.conf'],
    ['with_flattened: [[a, [b]]]', 'with_flattened', [['a', ['b']]]],
    ['with_random_choice: [a, b]', 'with_random_choice', ['a', 'b']],
    ['with_first_found:\n  - files: [a.yml, default.yml]\n    paths: [vars]\n    skip: true', 'with_first_found', [{ files: ['a.yml', 'default.yml'], paths: ['vars'], skip: true }]],
    ['with_inventory_hostnames: "all:!db"', 'with_inventory_hostnames', 'all:!db'],
  ])('%s', (yaml, loopForm, loop) => {
    expect(one(`- debug: { msg: "{{ item }}" }\n  ${yaml}`)).toMatchObject({ loopForm, loop });
  });

  it('an unknown with_<name> is an unknown loop, located; with_lines and with_pipe are loops like the others', () => {
    const { diagnostics } = tasksOf('- debug: msg=x\n  with_foo: [1]\n- debug: msg=x\n  with_lines: cat /etc/hosts\n- debug: msg=x\n  with_pipe: date');
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.col])).toEqual([['unknown-loop', 4, 7]]);
    expect(one('- debug: msg=x\n  with_lines: cat /etc/hosts')).toMatchObject({ loopForm: 'with_lines', loop: 'cat /etc/hosts' });
  });

  it('when, changed_when and failed_when as string, list or boolean all become lists', () => {
    const task = one('- command: "true"\n  when: true\n  changed_when: [x, y]\n  failed_when: rc != 0');
    expect(task).toMatchObject({ when: ['True'], changedWhen: ['x', 'y'], failedWhen: ['rc != 0'] });
  });

  it('notify as a list and tags as a comma string', () => {
    expect(one('- debug:\n  notify: [a, b]\n  tags: "x, y"')).toMatchObject({ notify: ['a', 'b'], tags: ['x', 'y'] });
  });
});

describe('blocks and includes', () => {
  it('block / rescue / always with inherited keywords', () => {
    const block = one('- name: guarded\n  become: true\n  when: ok\n  block:\n    - debug: { msg: try }\n  rescue:\n    - debug: { msg: oops }\n  always:\n    - debug: { msg: done }');
    expect(block).toMatchObject({ kind: 'block', name: 'guarded', become: true, when: ['ok'] });
    expect(block.kind === 'block' && [block.block, block.rescue, block.always].map((l) => l.length)).toEqual([1, 1, 1]);
  });

  it('import_tasks is inlined as a block carrying the import keywords; paths relative to the importing file', () => {
    const item = one('- import_tasks: tasks/a.yml\n  when: go\n  tags: [imp]', {
      'tasks/a.yml': '- import_tasks: b.yml\n',
      'tasks/b.yml': '- debug: { msg: deep }\n',
    });
    expect(item).toMatchObject({ kind: 'block', importedFrom: 'tasks/a.yml', when: ['go'], tags: ['imp'] });
    const inner = item.kind === 'block' ? item.block[0] : undefined;
    expect(inner).toMatchObject({ kind: 'block', importedFrom: 'b.yml' });
    expect(inner?.kind === 'block' && inner.block[0]).toMatchObject({ module: 'debug', args: { msg: 'deep' } });
  });

  it('include_tasks is kept dynamic, pre-loaded when its path is static', () => {
    const { tasks, diagnostics } = tasksOf('- include_tasks: t.yml\n  loop: [1, 2]\n- include_tasks:\n    file: "{{ name }}.yml"\n    apply: { become: true }', { 't.yml': '- debug:\n' });
    expect(diagnostics).toEqual([]);
    expect(tasks[0]).toMatchObject({ kind: 'include_tasks', file: 't.yml', loop: [1, 2], loopForm: 'loop' });
    expect(tasks[0]!.kind === 'include_tasks' && tasks[0]!.tasks).toHaveLength(1);
    expect(tasks[1]).toMatchObject({ kind: 'include_tasks', file: '{{ name }}.yml', apply: { become: true } });
    expect(tasks[1]!.kind === 'include_tasks' && tasks[1]!.tasks).toBeUndefined();
  });

  it('import_tasks needs a static name', () => {
    expect(tasksOf('- import_tasks: "{{ x }}.yml"').diagnostics.map((d) => d.code)).toEqual(['import-not-static']);
  });

  it('handlers: import_tasks is flattened into plain handler tasks with the import conditions', () => {
    const dir = writeTree({
      'site.yml': '- hosts: all\n  handlers:\n    - import_tasks: handlers.yml\n      when: enabled\n',
      'handlers.yml': '- name: restart\n  command: "true"\n  listen: web changed\n',
    });
    const play = loadPlaybook(join(dir, 'site.yml')).playbook!.plays[0]!;
    expect(play.handlers).toMatchObject([{ kind: 'task', name: 'restart', when: ['enabled'], listen: ['web changed'] }]);
  });
});

describe('forms Ansible accepts that were once refused', () => {
  it('vars as a list of mappings, merged in order', () => {
    expect(one('- debug:\n  vars:\n    - { a: 1, b: 1 }\n    - { b: 2 }')).toMatchObject({ vars: { a: 1, b: 2 } });
  });

  it('notify on import_tasks and on a block, for the tasks inside without their own', () => {
    const [imported, block] = tasksOf('- import_tasks: t.yml\n  notify: from import\n- block:\n    - debug:\n  notify: [from block]', { 't.yml': '- debug:\n' }).tasks;
    expect(imported).toMatchObject({ kind: 'block', importedFrom: 't.yml', notify: ['from import'] });
    expect(block).toMatchObject({ kind: 'block', notify: ['from block'] });
  });

  it('become as a template or a yes/no word; anything else is refused where it is written', () => {
    expect(one('- debug:\n  become: "{{ omit }}"')).toMatchObject({ become: '{{ omit }}' });
    expect(one('- debug:\n  become: "yes"')).toMatchObject({ become: 'yes' });
    expect(tasksOf('- debug:\n  become: maybe').diagnostics).toMatchObject([{ code: 'invalid-value', location: { line: 4, col: 15 } }]);
  });

  it('set_fact with a templated name; assert with literal booleans', () => {
    expect(one('- set_fact:\n    "{{ prefix }}_port": 80')).toMatchObject({ module: 'set_fact', args: { '{{ prefix }}_port': 80 } });
    expect(tasksOf('- set_fact:\n    bad-name: 1').diagnostics.map((d) => d.code)).toEqual(['invalid-key']);
    expect(one('- assert:\n    that: [true, "x == 1"]')).toMatchObject({ module: 'assert', args: { that: [true, 'x == 1'] } });
  });
});
