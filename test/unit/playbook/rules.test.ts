// The static rules, each on small playbooks through validateRun (what the CLI and executor call).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptVaultText, VaultKeyring } from '../../../src/vault/keyring.js';
import { useVaultKeyring } from '../../../src/vault/session.js';
import { ValidationError, type Diagnostic } from '../../../src/errors.js';
import { validateRun, type ValidateRunOptions } from '../../../src/playbook/validate-run.js';
import { tree as writeTree } from '../inventory/helpers.js';

const INVENTORY = 'all:\n  vars: { inv_all: 1 }\n  children:\n    web:\n      hosts: { web1: { web_port: 80 }, web2: }\n    db:\n      hosts: { db1: }\n';

function check(files: Record<string, string>, options: Partial<ValidateRunOptions> = {}): Diagnostic[] {
  const dir = writeTree({ 'inventory/hosts.yml': INVENTORY, ...files });
  try {
    return validateRun({ playbook: join(dir, 'site.yml'), inventorySources: [join(dir, 'inventory/hosts.yml')], ...options }).diagnostics;
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
}

const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.severity === 'warning' ? 'warning ' : ''}${d.code}`);

describe('notify names a handler', () => {
  it('accepts handler names, listen topics, role handlers and "role : handler"', () => {
    const ds = check({
      'site.yml': `- hosts: all
  roles: [web]
  tasks:
    - debug:
      notify: [by name, by topic, restart web, "web : restart web"]
  handlers:
    - name: by name
      debug:
    - name: other
      debug:
      listen: by topic
`,
      'roles/web/tasks/main.yml': '- debug:\n  notify: by name\n',
      'roles/web/handlers/main.yml': '- name: restart web\n  debug:\n',
    });
    expect(ds).toEqual([]);
  });

  it('points at the unknown name inside a notify list, with a suggestion', () => {
    const ds = check({ 'site.yml': '- hosts: all\n  tasks:\n    - debug:\n      notify: [restart web, restrt db]\n  handlers:\n    - name: restart db\n      debug:\n    - name: restart web\n      debug:\n' });
    expect(ds).toMatchObject([{ code: 'unknown-handler', message: expect.stringContaining("did you mean 'restart db'"), location: { line: 4, col: 29 } }]);
  });

  it('a templated handler name takes the notifies that fit its fixed text (rendered at run time)', () => {
    const ds = check({
      'site.yml': '- hosts: all\n  vars: {svc: web}\n  tasks:\n    - debug:\n      notify: [restart web, restrat web]\n  handlers:\n    - name: "restart {{ svc }}"\n      debug:\n',
    });
    expect(ds).toMatchObject([{ code: 'unknown-handler', message: expect.stringContaining("'restrat web'") }]);
  });

  it('checks the notify of a block and of an import_tasks too', () => {
    const ds = check({ 'site.yml': '- hosts: all\n  tasks:\n    - block:\n        - debug:\n      notify: restrt\n    - import_tasks: t.yml\n      notify: [restart]\n  handlers:\n    - name: restart\n      debug:\n', 't.yml': '- debug:\n' });
    expect(ds).toMatchObject([{ code: 'unknown-handler', message: expect.stringContaining("'restrt'"), location: { line: 5, col: 15 } }]);
  });

  it('handlers of another play do not count', () => {
    const ds = check({ 'site.yml': '- hosts: all\n  handlers:\n    - name: h\n      debug:\n- hosts: all\n  tasks:\n    - debug:\n      notify: h\n' });
    expect(codes(ds)).toEqual(['unknown-handler']);
  });
});

describe('host patterns', () => {
  it('a play matching no host is a warning; a broken pattern an error', () => {
    expect(codes(check({ 'site.yml': '- hosts: nowhere\n' }))).toEqual(['warning no-hosts-matched']);
    expect(codes(check({ 'site.yml': '- hosts: "web:&"\n' }))).toEqual(['bad-pattern']);
  });

  it('--limit narrows each play; a limit leaving no host is an error', () => {
    const dir = writeTree({ 'inventory/hosts.yml': INVENTORY, 'site.yml': '- hosts: web\n- hosts: all\n- hosts: "{{ target }}"\n' });
    const run = validateRun({ playbook: join(dir, 'site.yml'), inventorySources: [join(dir, 'inventory/hosts.yml')], limit: 'web1,db1', extraVars: { target: 'db' } });
    expect(run.hostsByPlay).toEqual([['web1'], ['web1', 'db1'], undefined]);
    expect(codes(check({ 'site.yml': '- hosts: all\n' }, { limit: 'nothing' }))).toEqual(['no-hosts-matched']);
  });
});

describe("Ansible's implicit localhost", () => {
  const hostsOf = (files: Record<string, string>, options: Partial<ValidateRunOptions> = {}) => {
    const dir = writeTree({ 'inventory/hosts.yml': INVENTORY, ...files });
    const run = validateRun({ playbook: join(dir, 'site.yml'), inventorySources: [join(dir, 'inventory/hosts.yml')], ...options });
    return { hosts: run.hostsByPlay, codes: codes(run.diagnostics), inventory: run.inventory };
  };

  it('a localhost name that matches nothing is one host on the controller, outside `all` and globs', () => {
    const { hosts, codes, inventory } = hostsOf({ 'site.yml': '- hosts: 127.0.0.1\n- hosts: localhost,web1\n- hosts: "::1,!web1"\n- hosts: all\n- hosts: "local*"\n' });
    // Made under the first name used; the other names then mean the same host.
    expect(hosts).toEqual([['127.0.0.1'], ['127.0.0.1', 'web1'], ['127.0.0.1'], ['web1', 'web2', 'db1'], []]);
    expect(codes).toEqual(['warning no-hosts-matched']);
    expect(inventory.hosts.get('127.0.0.1')).toMatchObject({ implicit: true, groups: [], vars: { ansible_connection: 'local' } });
  });

  it('a localhost of the inventory is used as it is', () => {
    const { hosts, inventory } = hostsOf({ 'inventory/hosts.yml': 'all:\n  hosts:\n    localhost: { ansible_connection: local }\n    web1:\n', 'site.yml': '- hosts: localhost\n- hosts: all\n' });
    expect(hosts).toEqual([['localhost'], ['localhost', 'web1']]);
    expect(inventory.hosts.get('localhost')?.implicit).toBeUndefined();
  });

  it('--limit can name it; a limit leaving only it is an error unless the inventory has no hosts', () => {
    expect(hostsOf({ 'site.yml': '- hosts: localhost\n- hosts: web\n' }, { limit: 'localhost,web2' }).hosts).toEqual([['localhost'], ['web2']]);
    expect(codes(check({ 'site.yml': '- hosts: localhost\n' }, { limit: 'localhost' }))).toEqual(['no-hosts-matched']);
    const empty = hostsOf({ 'inventory/hosts.yml': 'all: {}\n', 'site.yml': '- hosts: localhost\n- hosts: all\n' }, { limit: 'localhost' });
    expect(empty.hosts).toEqual([['localhost'], []]);
    expect(empty.codes).toEqual(['warning empty-inventory', 'warning no-hosts-matched']);
  });
});

describe('modules shipped as programs', () => {
  it("a role's or the playbook's library/ module is named as such, not as a typo", () => {
    const ds = check({
      'site.yml': '- hosts: all\n  roles: [r]\n  tasks:\n    - quorum_wait: { peers: 3 }\n',
      'library/quorum_wait.py': '#!/usr/bin/python\n',
      'roles/r/tasks/main.yml': '- name: from the role\n  local.tools.seed_db: name=x\n',
      'roles/r/library/seed_db.sh': '#!/bin/sh\n',
    });
    expect(ds.map((d) => [d.code, d.message])).toEqual([
      ['unknown-module', expect.stringMatching(/^'local\.tools\.seed_db' is a module shipped as a program \(.*roles\/r\/library\/seed_db\.sh\); ha-run runs only its own modules/)],
      ['unknown-module', expect.stringMatching(/^'quorum_wait' is a module shipped as a program \(.*library\/quorum_wait\.py\)/)],
    ]);
  });
});

describe('files exist', () => {
  it('template and copy sources are searched in the role, then beside the playbook', () => {
    const ds = check({
      'site.yml': '- hosts: all\n  roles: [r]\n  tasks:\n    - template: { src: top.j2, dest: /a }\n    - copy: { src: absent.txt, dest: /b }\n    - copy: { src: "{{ x }}", dest: /c }\n  vars: { x: y }\n',
      'templates/top.j2': 'hi\n',
      'roles/r/tasks/main.yml': '- template: { src: inrole.j2, dest: /c }\n- copy: { src: f.txt, dest: /d }\n',
      'roles/r/templates/inrole.j2': 'hi\n',
      'roles/r/files/f.txt': 'hi\n',
    });
    expect(ds).toMatchObject([{ code: 'file-not-found', message: "copy source 'absent.txt' not found", location: { line: 5, col: 20 } }]);
  });

  it("along the task's search path: a dependency finds its dependent role's files, an included file its own directory's", () => {
    const ds = check({
      'site.yml': '- hosts: all\n  roles: [outer]\n  tasks:\n    - import_tasks: sub/more.yml\n',
      'roles/outer/meta/main.yml': 'dependencies: [inner]\n',
      'roles/outer/files/shipped.txt': 'hi\n',
      'roles/outer/tasks/main.yml': '- debug: msg=outer\n',
      'roles/inner/tasks/main.yml': '- copy: { src: shipped.txt, dest: /a }\n- copy: { src: nowhere.txt, dest: /b }\n',
      'sub/more.yml': '- template: { src: beside.j2, dest: /c }\n',
      'sub/templates/beside.j2': 'hi\n',
    });
    expect(ds).toMatchObject([{ code: 'file-not-found', message: "copy source 'nowhere.txt' not found" }]);
    expect(ds[0]!.hint).toContain(join('roles', 'outer', 'files', 'nowhere.txt'));
  });

  it('a copy source may be a directory, with or without a trailing slash', () => {
    const ds = check({
      'site.yml': '- hosts: all\n  tasks:\n    - copy: { src: tree, dest: /a }\n    - copy: { src: tree/, dest: /b }\n    - template: { src: tree, dest: /c }\n',
      'files/tree/a.txt': 'hi\n',
    });
    expect(ds).toMatchObject([{ code: 'file-not-found', message: "template source 'tree' not found" }]);
  });
});

describe('variables are defined somewhere', () => {
  it('accepts every source of variables', () => {
    const ds = check(
      {
        'site.yml': `- hosts: all
  vars: { play_var: 1 }
  vars_files: [vars.yml]
  roles:
    - role: r
      param: 1
  tasks:
    - command: echo {{ play_var }} {{ file_var }} {{ inv_all }} {{ web_port }} {{ extra }} {{ group_file_var }}
      register: out
    - set_fact: { fact_var: "{{ out.stdout }}" }
    - debug: { msg: "{{ fact_var }} {{ n }} {{ i }} {{ ansible_hostname }} {{ inventory_hostname }} {{ hostvars[groups.web[0]] }}" }
      loop: [1]
      loop_control: { loop_var: n, index_var: i }
    - include_vars: { file: more.yml }
    - debug: { msg: "{{ more_var }} {{ task_var }} {{ maybe | default(1) }} {{ item }}" }
      vars: { task_var: 1 }
      when: later is defined and later
`,
        'vars.yml': 'file_var: 1\n',
        'more.yml': 'more_var: 1\n',
        'group_vars/web.yml': 'group_file_var: 1\n',
        'roles/r/defaults/main.yml': 'role_default: "{{ param }}"\n',
        'roles/r/vars/main.yml': 'role_var: "{{ role_default }}"\n',
        'roles/r/tasks/main.yml': '- debug: { msg: "{{ role_var }}" }\n',
      },
      { extraVars: { extra: 1 } },
    );
    expect(ds).toEqual([]);
  });

  it('reports a name defined nowhere, in tasks, conditions, vars files and template files', () => {
    const ds = check({
      'site.yml': '- hosts: all\n  vars_files: [vars.yml]\n  tasks:\n    - debug: { msg: "{{ nope }}" }\n      when: missing_flag\n    - template: { src: t.j2, dest: /t }\n',
      'vars.yml': 'a: "{{ undefined_in_vars }}"\n',
      'templates/t.j2': 'line one\nport {{ undefined_in_template }}\n',
    });
    expect(ds.map((d) => [d.code, d.message.split(' ')[0], d.location?.line, d.location?.col])).toEqual([
      ['undefined-variable', "'nope'", 4, 21],
      ['undefined-variable', "'missing_flag'", 5, 13],
      ['undefined-variable', "'undefined_in_vars'", 1, 4],
      ['undefined-variable', "'undefined_in_template'", 2, 9],
    ]);
  });

  it('warns, without refusing the run, where --tags, --skip-tags or a play without hosts leave a task out', () => {
    const files = {
      'site.yml': `- hosts: all
  tasks:
    - debug: { msg: "{{ in_tagged }}" }
      tags: [deploy]
    - debug: { msg: "{{ in_untagged }}" }
- hosts: nosuchgroup
  tasks:
    - debug: { msg: "{{ in_empty_play }}" }
`,
    };
    // (The pattern that matches no host has its own warning.)
    const shown = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'undefined-variable').map((d) => `${d.severity} ${d.message.split(' ')[0]}`);
    expect(shown(check(files))).toEqual(["error 'in_tagged'", "error 'in_untagged'", "warning 'in_empty_play'"]);
    expect(shown(check(files, { tags: { only: ['deploy'], skip: [] } }))).toEqual(["error 'in_tagged'", "warning 'in_untagged'", "warning 'in_empty_play'"]);
    expect(shown(check(files, { tags: { only: [], skip: ['deploy'] } }))).toEqual(["warning 'in_tagged'", "error 'in_untagged'", "warning 'in_empty_play'"]);
  });

  it('reads a template file with its task\'s delimiters and its #jinja2: line, and knows the template variables', () => {
    const ds = check({
      'site.yml': `- hosts: all
  tasks:
    - template: { src: brackets.j2, dest: /a, variable_start_string: '[[', variable_end_string: ']]' }
    - template:
        src: header.j2
        dest: /b
    - template: { src: managed.j2, dest: /c }
`,
      // `{{ $HOME }}` is not Jinja2 here: another tool's syntax, the reason for other delimiters.
      'templates/brackets.j2': 'home={{ $HOME }}\nport=[[ not_defined_a ]]\n',
      'templates/header.j2': "#jinja2: block_start_string: '<%', block_end_string: '%>'\n{% literal %}\n<% if not_defined_b %>x<% endif %>\n",
      'templates/managed.j2': '{{ ansible_managed | comment }}\n{{ template_path }} {{ template_host }} {{ template_run_date }} {{ template_destpath }}\n',
    });
    expect(ds.map((d) => [d.code, d.message.split(' ')[0], d.location?.file.split('/').pop(), d.location?.line])).toEqual([
      ['undefined-variable', "'not_defined_a'", 'brackets.j2', 2],
      ['undefined-variable', "'not_defined_b'", 'header.j2', 3],
    ]);
  });

  it("knows the fact getent defines (getent_<database>), free-form or not", () => {
    const ok = check({
      'site.yml': '- hosts: all\n  tasks:\n    - getent: database=passwd key=root\n    - ansible.builtin.getent: { database: group }\n    - debug: { msg: "{{ getent_passwd.root }} {{ getent_group }}" }\n',
    });
    expect(ok).toEqual([]);
    const missing = check({ 'site.yml': '- hosts: all\n  tasks:\n    - getent: database=passwd\n    - debug: { msg: "{{ getent_hosts }}" }\n' });
    expect(missing.map((d) => [d.code, d.message.split(' ')[0]])).toEqual([['undefined-variable', "'getent_hosts'"]]);
  });

  it("knows an include_role's loop variables in the role's tasks", () => {
    const ds = check({
      'site.yml': '- hosts: all\n  tasks:\n    - include_role: { name: r }\n      loop: [1]\n      loop_control: { loop_var: thing, index_var: idx }\n',
      'roles/r/tasks/main.yml': '- debug: { msg: "{{ thing }} {{ idx }}" }\n',
    });
    expect(ds).toEqual([]);
  });

  it('reads group_vars/ beside the playbook when -i names an inventory directory inside it', () => {
    const files = {
      'site.yml': '- hosts: all\n  tasks:\n    - debug: { msg: "{{ inv_dir_var }} {{ playbook_side_var }}" }\n',
      'inventory/group_vars/all.yml': 'inv_dir_var: 1\n',
      'group_vars/web.yml': 'playbook_side_var: 1\n',
    };
    const dir = writeTree({ 'inventory/hosts.yml': INVENTORY, ...files });
    const run = validateRun({ playbook: join(dir, 'site.yml'), inventorySources: [join(dir, 'inventory')] });
    expect(run.diagnostics).toEqual([]);
    expect(run.varsBesidePlaybook.groupVars.get('web')).toEqual({ playbook_side_var: 1 });
  });

  it('stays silent when include_vars reads a file only known at run time', () => {
    expect(check({ 'site.yml': '- hosts: all\n  tasks:\n    - include_vars: "{{ env }}.yml"\n      vars: { env: x }\n    - debug: { msg: "{{ anything }}" }\n' })).toEqual([]);
  });
});

describe('Ansible Vault wherever vars are read', () => {
  const secret = { id: 'default', password: Buffer.from('rules-password') };
  const vaulted = (plaintext: string) => encryptVaultText(Buffer.from(plaintext), secret);
  const inline = (plaintext: string) => vaulted(plaintext).trimEnd().replace(/\n/g, '\n        ');
  const files = () => ({
    'inventory/hosts.yml': `all:\n  hosts:\n    web1:\n      db_password: !vault |\n        ${inline('db-pass')}\n`,
    'inventory/group_vars/all.yml': vaulted('group_secret: g\n'),
    'site.yml':
      '- hosts: all\n  vars_files: [secrets.yml]\n  tasks:\n    - include_vars: more-secrets.yml\n    - include_vars:\n        file: vars/in-vars-dir.yml\n' +
      '    - copy: src=cert.pem dest=/etc/cert.pem\n    - template: src=app.conf.j2 dest=/etc/app.conf\n',
    'secrets.yml': vaulted('a: 1\n'),
    'more-secrets.yml': vaulted('b: 2\n'),
    'vars/in-vars-dir.yml': `token: !vault |\n  ${inline('tok').replace(/\n {8}/g, '\n  ')}\n`,
    'files/cert.pem': vaulted('cert'),
    'templates/app.conf.j2': vaulted('conf'),
  });
  // Paths relative to the playbook's directory.
  const at = (d: Diagnostic) => `${d.location?.file.replace(/^.*\/ha-run-inv-[^/]+\//, '')}:${d.location?.line}:${d.location?.col}`;
  afterEach(() => useVaultKeyring(undefined));

  it('with the password, decrypts them all; copy and template sources are still refused (ha-run would send the ciphertext)', () => {
    useVaultKeyring(new VaultKeyring([secret]));
    expect(check(files()).map((d) => `${d.code} ${at(d)}`).sort()).toEqual(['vault-file files/cert.pem:1:1', 'vault-file templates/app.conf.j2:1:1']);
  });

  it('without one, reports `!vault` values and vaulted files wherever they are read: inventory, group_vars, vars_files, include_vars, copy and template sources', () => {
    const ds = check(files());
    expect(ds.map((d) => `${d.code} ${at(d)}`).sort()).toEqual([
      'vault-file files/cert.pem:1:1',
      'vault-file inventory/group_vars/all.yml:1:1',
      'vault-file more-secrets.yml:1:1',
      'vault-file secrets.yml:1:1',
      'vault-file templates/app.conf.j2:1:1',
      'vault-value inventory/hosts.yml:4:20',
      'vault-value vars/in-vars-dir.yml:1:8',
    ]);
  });
});

describe('under --slice, plays that depend on other slices are refused', () => {
  const sliced = (files: Record<string, string>) => check(files, { sliced: true }).filter((d) => d.code === 'not-sliceable');

  it('says nothing without --slice, nor for a play that only reads its own host', () => {
    const play = '- hosts: all\n  serial: 1\n  tasks:\n    - debug: msg="{{ hostvars[inventory_hostname].web_port }}"\n      run_once: true\n';
    expect(check({ 'site.yml': play }).filter((d) => d.code === 'not-sliceable')).toEqual([]);
    const own = '- hosts: all\n  tasks:\n    - debug: msg="{{ hostvars[inventory_hostname].web_port | default(1) }}"\n      when: hostvars[ inventory_hostname ].inv_all == 1\n      delegate_to: localhost\n      run_once: false\n';
    expect(sliced({ 'site.yml': own })).toEqual([]);
  });

  it('points at run_once, serial, delegate_to, any_errors_fatal and max_fail_percentage where written', () => {
    const ds = sliced({
      'site.yml': `- hosts: all
  serial: [1, 50%]
  max_fail_percentage: 10
  tasks:
    - debug:
      run_once: "{{ inv_all == 1 }}"
    - block:
        - debug:
      delegate_to: db1
      any_errors_fatal: true
`,
    });
    expect(ds.map((d) => [d.message.split(' is refused')[0], d.location?.line, d.location?.col])).toEqual([
      ['serial', 2, 3],
      ['max_fail_percentage', 3, 3],
      ['run_once', 6, 7],
      ['delegate_to: db1', 9, 7],
      ['any_errors_fatal', 10, 7],
    ]);
    expect(ds[0]).toMatchObject({ severity: 'error', hint: expect.stringContaining('without --slice') });
  });

  it('finds them in roles, role entries and included task files too', () => {
    const ds = sliced({
      'site.yml': '- hosts: all\n  roles:\n    - role: web\n      run_once: true\n  tasks:\n    - import_tasks: more.yml\n',
      'roles/web/tasks/main.yml': '- debug:\n  delegate_to: "{{ groups.db[0] }}"\n',
      'more.yml': '- debug:\n  run_once: true\n',
    });
    expect(ds.map((d) => `${d.location?.file.split('/').slice(-1)[0]}:${d.location?.line} ${d.message.split(' is refused')[0]}`).sort()).toEqual([
      'main.yml:2 delegate_to: {{ groups.db[0] }}',
      'more.yml:2 run_once',
      'site.yml:4 run_once',
    ]);
  });

  it("refuses another host's hostvars and the play's host lists, in templates, conditions and template files", () => {
    const ds = sliced({
      'site.yml': `- hosts: all
  vars:
    primary: "{{ hostvars[groups.db[0]].ansible_host }}"
  tasks:
    - debug: msg="{{ ansible_play_hosts | length }}"
    - assert:
        that: hostvars | length > 0
    - template: { src: cluster.j2, dest: /tmp/x }
    - debug: msg="hostvars are fine in plain text"
`,
      'templates/cluster.j2': 'members:\n{% for h in groups.web %}\n  - {{ hostvars[h].web_port }}\n{% endfor %}\n',
    });
    expect(ds.map((d) => `${d.location?.file.split('/').slice(-1)[0]}:${d.location?.line}:${d.location?.col} ${d.message.split(' is refused')[0]}`)).toEqual([
      'site.yml:3:18 hostvars of another host',
      'site.yml:5:22 ansible_play_hosts',
      'site.yml:7:15 hostvars of another host',
      'cluster.j2:3:8 hostvars of another host',
    ]);
  });
});
