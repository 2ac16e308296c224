// lookup('config'): the settings ha-run knows (as ansible.cfg / ANSIBLE_* set them, else Ansible's
// defaults), a few plugin options read from the host's variables, and Ansible's on_missing rules.
import { describe, expect, it } from 'vitest';
import { renderValue, withoutUnsafe } from '../../../src/template/index.js';
import { templateError } from './helpers/template-error.js';

const render = (template: string, vars: Record<string, unknown> = {}) => withoutUnsafe(renderValue(template, { vars }));

const failure = (template: string): string => templateError(() => render(template)).message;

describe('the config lookup', () => {
  it("gives Ansible's defaults for settings nothing sets", () => {
    expect(render("{{ lookup('config', 'DEFAULT_BECOME_USER') }}")).toBe('root');
    expect(render("{{ lookup('config', 'DEFAULT_TIMEOUT', 'DEFAULT_BECOME', wantlist=True) }}")).toEqual([10, false]);
    expect(render("{{ 'meow' in lookup('config', 'ANSIBLE_COW_ACCEPTLIST') }}")).toBe(true);
  });

  it('reads a setting from the environment', () => {
    process.env.ANSIBLE_BECOME_USER = 'deploy';
    try {
      expect(render("{{ lookup('config', 'DEFAULT_BECOME_USER') }}")).toBe('deploy');
    } finally {
      delete process.env.ANSIBLE_BECOME_USER;
    }
  });

  it('reads connection and shell plugin options from the variables, the last name set winning', () => {
    const vars = { ansible_user: 'root', ansible_ssh_user: 'lola', ansible_port: 22, ansible_ssh_port: '2022', ansible_remote_tmp: '/var/tmp/x' };
    expect(render("{{ q('config', 'remote_user', 'port', plugin_type='connection', plugin_name='ssh') }}", vars)).toEqual(['lola', 2022]);
    expect(render("{{ q('config', 'remote_tmp', plugin_type='shell', plugin_name='sh') }}", vars)).toEqual(['/var/tmp/x']);
    expect(render("{{ q('config', 'remote_tmp', plugin_type='shell', plugin_name='sh') }}")).toEqual(['~/.ansible/tmp']);
  });

  it('on_missing: error (the default) fails, skip and warn give nothing', () => {
    expect(failure("{{ lookup('config', 'NO_SUCH_SETTING') }}")).toContain('Unable to find setting NO_SUCH_SETTING');
    expect(failure("{{ lookup('config', 'NO_SUCH_SETTING', on_missing='error') }}")).toContain('Unable to find setting');
    expect(render("{{ lookup('config', 'NO_SUCH_SETTING', on_missing='skip') }}")).toEqual([]);
    expect(render("{{ q('config', 'NO_SUCH_SETTING', 'DEFAULT_BECOME_METHOD', on_missing='warn') }}")).toEqual(['sudo']);
    expect(render("{{ q('config', 'nothing', plugin_type='shell', plugin_name='sh', on_missing='skip') }}")).toEqual([]);
  });

  it("refuses what Ansible refuses, with its messages", () => {
    expect(failure("{{ lookup('config', 'X', on_missing='boo') }}")).toContain('valid values are: error, skip, warn');
    expect(failure("{{ lookup('config', 1337) }}")).toContain('Invalid setting identifier, "1337" is not a string');
    expect(failure("{{ lookup('config', 'ConfigManager') }}")).toContain('Invalid setting "ConfigManager" attempted');
    expect(failure("{{ lookup('config', 'remote_user', plugin_type='connection') }}")).toContain('Both plugin_type and plugin_name are required');
    expect(failure("{{ lookup('config', 'remote_user', plugin_type='connection', plugin_name='winrm') }}")).toContain('Unable to load connection plugin "winrm"');
  });
});
