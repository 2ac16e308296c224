// The accounts family's arguments through the project's validator: what roles write passes, the
// rest is refused before connecting (with a suggestion for a misspelt name).
import { describe, expect, it } from 'vitest';
import { findModule } from '../../../../src/modules/registry.js';
import { validateAgainstSchema } from '../../../../src/schema/validate.js';
import { coerceToSchema } from '../../../../src/schema/coerce.js';

const where = { file: 'site.yml', locate: () => ({ file: 'site.yml', line: 3, col: 7 }) };
function check(module: string, args: Record<string, unknown>) {
  const schema = findModule(module)!.schema;
  return validateAgainstSchema(coerceToSchema(args, schema), schema, where, [], { allowTemplates: false });
}

describe('accounts schemas', () => {
  it('answer to every name Ansible gives them', () => {
    for (const name of ['user', 'ansible.builtin.user', 'group', 'ansible.builtin.group', 'authorized_key', 'ansible.posix.authorized_key', 'getent', 'ansible.builtin.getent'])
      expect(findModule(name), name).toBeDefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['user', { name: 'ann', groups: 'adm,users', append: 'yes', uid: '1500', createhome: 'no', expires: '1893456000.5' }],
    ['user', { name: 'ann', state: 'absent', remove: true, force: 'yes' }],
    ['user', { user: 'ann', shell: '/bin/sh' }],
    ['user', { name: 'ann', generate_ssh_key: true, ssh_key_bits: 4096, ssh_key_file: '.ssh/id_rsa', update_password: 'on_create' }],
    ['group', { name: 'ops', gid: '2000', system: 'yes' }],
    ['authorized_key', { user: 'ann', key: 'ssh-ed25519 AAAA x', exclusive: 'yes', manage_dir: false, key_options: 'no-pty' }],
    ['getent', { database: 'passwd', key: 'root', fail_key: 'no', split: ':' }],
  ])('%s accepts %j', (module, args) => expect(check(module, args).map((d) => d.code)).toEqual([]));

  it.each<[string, Record<string, unknown>]>([
    ['user', { uid: 5 }],
    ['user', { name: 'ann', user: 'bob' }],
    ['user', { name: 'ann', state: 'gone' }],
    ['user', { name: 'ann', update_password: 'never' }],
    ['group', { name: 'ops', non_unique: true }],
    ['authorized_key', { user: 'ann' }],
    ['getent', { key: 'root' }],
  ])('%s refuses %j', (module, args) => expect(check(module, args)).not.toEqual([]));

  it('a misspelt argument is refused with a suggestion', () => {
    expect(check('user', { name: 'ann', shel: '/bin/sh' }).map((d) => d.message).join('\n')).toMatch(/shel.*shell/s);
  });
});
