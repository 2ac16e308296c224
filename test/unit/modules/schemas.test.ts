// Every module's argument schema through the project's validator: valid Ansible-style arguments
// pass (after Ansible-like coercion), wrong ones are refused with a stable code.
import { describe, expect, it } from 'vitest';
import { modules, findModule } from '../../../src/modules/registry.js';
import { validateAgainstSchema } from '../../../src/schema/validate.js';
import { coerceToSchema } from '../../../src/schema/coerce.js';

const where = { file: 'site.yml', locate: () => ({ file: 'site.yml', line: 3, col: 7 }) };
function problems(module: string, args: Record<string, unknown>): string[] {
  const schema = findModule(module)!.schema;
  return validateAgainstSchema(coerceToSchema(args, schema), schema, where, [], { allowTemplates: false }).map((d) => d.code);
}

describe('module schemas', () => {
  it('are strict objects with descriptions, registered under their collection (ansible.builtin unless they say) too', () => {
    for (const m of modules()) {
      expect(m.schema, m.name).toMatchObject({ type: 'object', description: expect.any(String) });
      // Only modules whose extra arguments are variables (set_fact's facts, add_host's host vars) are open.
      if (!['set_fact', 'add_host'].includes(m.name)) expect(m.schema.additionalProperties, m.name).toBe(false);
      expect(findModule(`${m.collection ?? 'ansible.builtin'}.${m.name}`)).toBe(m);
      for (const [key, prop] of Object.entries(m.schema.properties as Record<string, { description?: string }>)) {
        expect(prop.description, `${m.name}.${key}`).toEqual(expect.any(String));
      }
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ['copy', { dest: '/etc/motd', content: 'hi', mode: 420, backup: 'yes', force: 'no' }],
    ['copy', { dest: '/etc/motd', src: 'motd', mode: 'u=rw,go=r', owner: 'root' }],
    ['file', { name: '/srv', state: 'directory', recurse: 'true', mode: '0755' }],
    ['template', { src: 'a.j2', dest: '/etc/a', validate: 'check %s', mode: 'preserve' }],
    ['lineinfile', { dest: '/etc/hosts', regexp: '^10', line: '10.0.0.1 a', create: 'yes' }],
    ['blockinfile', { path: '/etc/hosts', block: 'x', marker: '# {mark} X' }],
    ['replace', { path: '/etc/x', regexp: 'a', replace: 'b' }],
    ['command', { _raw_params: 'ls', chdir: '/tmp', creates: '/x' }],
    ['shell', { cmd: 'ls | wc -l', executable: '/bin/bash' }],
    ['wait_for', { port: '22', timeout: '30', state: 'started' }],
    ['stat', { path: '/etc', get_checksum: 'no' }],
    ['meta', { _raw_params: 'flush_handlers' }],
    ['set_fact', { cluster_size: 3, cacheable: 'yes' }],
    ['assert', { that: ['a == 1'], fail_msg: 'no' }],
    ['pause', { seconds: 1 }],
    ['include_vars', { file: 'x.yml', name: 'x' }],
    ['setup', { filter: 'ansible_eth*' }],
    // SELinux contexts: accepted on every file-writing module, ignored as where SELinux is off.
    ['file', { path: '/srv/www', state: 'directory', setype: 'httpd_sys_content_t', seuser: 'system_u', serole: 'object_r', selevel: 's0' }],
    ['copy', { dest: '/etc/x', content: 'x', setype: 'etc_t' }],
    ['template', { src: 'a.j2', dest: '/etc/a', seuser: 'system_u' }],
    ['lineinfile', { path: '/etc/a', line: 'x', selevel: 's0' }],
    // The system family, as roles write it (numbers and yes/no where Ansible takes strings and booleans).
    ['cron', { name: 'backup', minute: 0, hour: '3', job: '/bin/backup', user: 'root', disabled: 'no' }],
    ['ansible.builtin.cron', { name: 'PATH', env: 'yes', value: '/bin', insertafter: 'SHELL' }],
    ['community.general.ini_file', { dest: '/etc/a.ini', section: null, option: 'x', values: ['1', '2'], mode: '0600' }],
    ['ansible.posix.sysctl', { key: 'vm.swappiness', val: 10, reload: 'no', sysctl_set: 'yes' }],
    ['community.general.pam_limits', { domain: '*', limit_type: '-', limit_item: 'nofile', value: 65535 }],
    ['hostname', { name: 'web1', use: 'systemd' }],
    ['ansible.posix.mount', { name: '/data', src: '/dev/sdb1', fstype: 'xfs', state: 'mounted', passno: 2 }],
  ])('%s accepts %j', (module, args) => {
    expect(problems(module, args)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['copy', { dest: '/x', src: 'a', content: 'b' }, 'invalid-value'],
    ['copy', { dest: '/x' }, 'missing-key'],
    ['copy', { dest: '/x', content: 'a', mode: true }, 'invalid-value'],
    ['file', { path: '/x', mode: 'rwxr-xr-x' }, 'invalid-value'],
    ['file', { state: 'directory' }, 'missing-key'],
    ['file', { path: '/x', state: 'dir' }, 'invalid-value'],
    ['file', { path: '/x', recursive: true }, 'unknown-key'],
    ['lineinfile', { path: '/x', line: 'a', insertafter: 'EOF', insertbefore: 'BOF' }, 'invalid-value'],
    ['command', { _raw_params: 'ls', cmd: 'ls' }, 'invalid-value'],
    ['meta', { _raw_params: 'flush' }, 'invalid-value'],
    ['set_fact', { 'bad-name': 1 }, 'invalid-key'],
    ['wait_for', { port: 'http' }, 'wrong-type'],
    ['cron', { job: 'x' }, 'missing-key'],
    ['cron', { name: 'x', special_time: 'sometimes' }, 'invalid-value'],
    ['cron', { name: 'x', insertafter: 'A', insertbefore: 'B' }, 'invalid-value'],
    ['ini_file', { path: '/x', value: 'a', values: ['b'] }, 'invalid-value'],
    ['ini_file', { path: '/x', section: 's', option: 'o', value: 'v', backups: true }, 'unknown-key'],
    ['sysctl', { value: '1' }, 'missing-key'],
    ['pam_limits', { domain: '*', limit_type: 'both', limit_item: 'nofile', value: 1 }, 'invalid-value'],
    ['mount', { path: '/data', state: 'mounted' }, 'missing-key'],
    ['mount', { path: '/data' }, 'missing-key'],
  ])('%s refuses %j', (module, args, code) => {
    expect(problems(module, args)).toContain(code);
  });
});
