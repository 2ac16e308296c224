// Other OS families' modules: known by their names, arguments checked by Ansible's names, types,
// choices and aliases; running one fails with a message that says what to do.
import { describe, expect, it } from 'vitest';
import { findModule } from '../../../src/modules/registry.js';
import type { ActionModule, ModuleContext } from '../../../src/modules/types.js';
import { coerceToSchema } from '../../../src/schema/coerce.js';
import { validateAgainstSchema } from '../../../src/schema/validate.js';

const where = { file: 'site.yml', locate: () => ({ file: 'site.yml', line: 3, col: 7 }) };
function problems(module: string, args: Record<string, unknown>): string[] {
  const schema = findModule(module)!.schema;
  return validateAgainstSchema(coerceToSchema(args, schema), schema, where, [], { allowTemplates: true }).map((d) => `${d.code}: ${d.message}`);
}

describe('modules of other OS families', () => {
  it.each([
    'yum', 'ansible.builtin.dnf', 'dnf5', 'yum_repository', 'rpm_key', 'community.general.zypper', 'zypper_repository',
    'pacman', 'community.general.apk', 'pkgng', 'openbsd_pkg', 'portage', 'community.general.homebrew', 'homebrew_tap', 'homebrew_cask',
  ])('%s is known', (name) => {
    expect(findModule(name)).toBeDefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['yum', { name: 'httpd', state: 'present', enablerepo: 'epel', update_cache: 'yes' }],
    ['yum', { pkg: ['a', 'b'], state: 'latest' }],
    ['dnf', { name: '{{ packages }}', state: '{{ wanted }}', disable_gpg_check: '{{ flag }}' }],
    ['yum_repository', { name: 'epel', description: 'EPEL', baseurl: 'https://x/$basearch', gpgcheck: 'no', mode: '0644' }],
    ['rpm_key', { key: 'https://x/RPM-GPG-KEY', state: 'present' }],
    ['pacman', { name: 'nginx', update_cache: true }],
    ['apk', { name: 'nginx', update_cache: 'yes' }],
    ['zypper', { name: 'nginx', state: 'present' }],
    ['homebrew', { name: 'git', state: 'present' }],
  ])('%s accepts %j', (module, args) => {
    expect(problems(module, args)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['yum', { name: 'httpd', stat: 'present' }, /unknown key 'stat'.*did you mean 'state'/],
    ['dnf', { name: 'x', state: 'instaled' }, /must be one of/],
    ['yum_repository', { baseurl: 'http://x' }, /missing required key 'name'/],
    ['rpm_key', { state: 'present' }, /missing required key 'key'/],
    ['pacman', { name: 'x', update_cache: 'maybe' }, /update_cache/],
  ])('%s refuses %j', (module, args, message) => {
    const found = problems(module, args);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('community.general modules answer to their own collection, not to ansible.builtin', () => {
    expect(findModule('community.general.pacman')).toBe(findModule('pacman'));
    expect(findModule('ansible.builtin.pacman')).toBeUndefined();
    expect(findModule('ansible.builtin.yum')).toBe(findModule('yum'));
  });

  it('fails only when run, saying which family it is for and what the host is', async () => {
    const yum = findModule('yum') as ActionModule;
    const ctx = { vars: { ansible_os_family: 'Debian' } } as unknown as ModuleContext;
    const result = await yum.run(ctx, { name: 'httpd' });
    expect(result).toMatchObject({ changed: false, failed: true });
    expect(result.msg).toBe(
      "yum is not available on this target (this host's os_family is Debian): ha-run knows yum's arguments but does not run it. " +
        "Run the task only where it applies, e.g. when: ansible_os_family == 'RedHat', or use a module for this host's family.",
    );
  });
});
