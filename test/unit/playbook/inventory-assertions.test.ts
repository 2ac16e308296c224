// The general rule behind the site's refusals: leading assert-only plays are evaluated before
// connecting; a false assertion is an error at the inventory line of what it reads; what only a run
// can know is left to the run.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Diagnostic } from '../../../src/errors.js';
import { validateRun } from '../../../src/playbook/validate-run.js';

function problems(files: Record<string, string>, inventory: string): { dir: string; errors: Diagnostic[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-inventory-assertions-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  try {
    validateRun({ playbook: join(dir, 'play.yml'), inventorySources: [join(dir, inventory)] });
    return { dir, errors: [] };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { dir, errors: err.diagnostics.filter((d) => d.severity === 'error') };
  }
}

const CHECK_PORT = `- hosts: web
  gather_facts: false
  tasks:
    - assert:
        that: http_port | int < 65536
        fail_msg: "http_port {{ http_port }} is not a port"
`;

describe('assertions about the inventory, before connecting', () => {
  it('points at the value in an INI inventory, for the host that has it', () => {
    const { dir, errors } = problems({ 'play.yml': CHECK_PORT, 'hosts.ini': '[web]\nw1 http_port=80\nw2 http_port=70000\n' }, 'hosts.ini');
    expect(errors.map((e) => [e.message, e.location])).toEqual([['http_port 70000 is not a port', { file: join(dir, 'hosts.ini'), line: 3, col: 1 }]]);
  });

  it('points into group_vars/ beside the inventory', () => {
    const { dir, errors } = problems(
      { 'play.yml': CHECK_PORT, 'hosts.yml': 'web:\n  hosts:\n    w1:\n', 'group_vars/web.yml': '# the port\nhttp_port: 99999\n' },
      'hosts.yml',
    );
    expect(errors.map((e) => e.location)).toEqual([{ file: join(dir, 'group_vars/web.yml'), line: 2, col: 12 }]);
  });

  it('leaves to the run what only the run knows (facts, plays after one that does anything else), and a failure it forgives', () => {
    const facts = `- hosts: web
  gather_facts: false
  tasks:
    - assert:
        that: ansible_facts.memtotal_mb > 1000000000
`;
    expect(problems({ 'play.yml': facts, 'hosts.ini': '[web]\nw1\n' }, 'hosts.ini').errors).toEqual([]);
    const later = `- hosts: web
  gather_facts: false
  tasks:
    - set_fact: { http_port: 80 }
${CHECK_PORT}`;
    expect(problems({ 'play.yml': later, 'hosts.ini': '[web]\nw1 http_port=70000\n' }, 'hosts.ini').errors).toEqual([]);
    const forgiven = CHECK_PORT.replace('    - assert:', '    - ignore_errors: true\n      assert:');
    expect(problems({ 'play.yml': forgiven, 'hosts.ini': '[web]\nw1 http_port=70000\n' }, 'hosts.ini').errors).toEqual([]);
    const gathering = CHECK_PORT.replace('gather_facts: false', 'gather_facts: true');
    expect(problems({ 'play.yml': gathering, 'hosts.ini': '[web]\nw1 http_port=70000\n' }, 'hosts.ini').errors).toEqual([]);
  });

  it('masks a secret the message prints', () => {
    const weak = `- hosts: web
  gather_facts: false
  tasks:
    - assert:
        that: db_password | length >= 12
        fail_msg: "the password {{ db_password }} is too short"
`;
    const { errors } = problems({ 'play.yml': weak, 'hosts.ini': '[web]\nw1 db_password=abc\n' }, 'hosts.ini');
    expect(errors.map((e) => e.message)).toEqual(['the password ******** is too short']);
  });

  it('honours when: an assertion whose condition is false is not checked', () => {
    const guarded = CHECK_PORT.replace('    - assert:', '    - when: check_ports | default(true)\n      assert:');
    expect(problems({ 'play.yml': guarded, 'hosts.ini': '[web]\nw1 http_port=70000 check_ports=False\n' }, 'hosts.ini').errors).toEqual([]);
    expect(problems({ 'play.yml': guarded, 'hosts.ini': '[web]\nw1 http_port=70000\n' }, 'hosts.ini').errors).toHaveLength(1);
  });
});
