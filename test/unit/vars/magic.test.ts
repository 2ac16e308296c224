import { describe, expect, it } from 'vitest';
import { OMIT, renderString, renderValue } from '../../../src/template/index.js';
import { MAGIC_VARIABLE_NAMES, magicVars, mergeVars, type Vars } from '../../../src/vars/index.js';
import { sampleInventory } from './fixtures.js';

describe('magicVars', () => {
  const inventory = sampleInventory();

  it('describes the host, its groups and the run', () => {
    const m = magicVars({ inventory, host: 'h1', playHosts: ['h1', 'h2'], playbookDir: '/site', rolePath: '/site/roles/db', checkMode: true });
    expect(m).toMatchObject({
      inventory_hostname: 'h1',
      inventory_hostname_short: 'h1',
      group_names: ['db', 'web', 'web_eu'],
      ansible_play_hosts: ['h1', 'h2'],
      ansible_play_hosts_all: ['h1', 'h2'],
      ansible_play_batch: ['h1', 'h2'],
      play_hosts: ['h1', 'h2'],
      playbook_dir: '/site',
      inventory_dir: '/inv',
      inventory_file: '/inv/hosts.yml',
      role_path: '/site/roles/db',
      role_name: 'db',
      ansible_check_mode: true,
      omit: OMIT,
    });
    expect((m.groups as Record<string, string[]>).web).toEqual(expect.arrayContaining(['h1', 'h2']));
  });

  it('MAGIC_VARIABLE_NAMES covers every name it sets', () => {
    const m = magicVars({ inventory, host: 'h1', playbookDir: '/p', playName: 'x', rolePath: '/r/db', checkMode: false, diffMode: false, varsOf: () => ({}) });
    expect(MAGIC_VARIABLE_NAMES).toEqual(expect.arrayContaining(Object.keys(m)));
  });

  it('shortens dotted host names', () => {
    const inv = sampleInventory();
    inv.hosts.set('db1.example.com', { name: 'db1.example.com', vars: {}, fileVars: {}, groups: ['db'] });
    expect(magicVars({ inventory: inv, host: 'db1.example.com' }).inventory_hostname_short).toBe('db1');
  });

  it('hostvars computes a host only when read, rendering its templates in its own context', () => {
    const computed: string[] = [];
    const varsOf = (h: string): Vars => {
      computed.push(h);
      return { port: h === 'h1' ? 3306 : 3307, url: '{{ inventory_hostname }}:{{ port }}', inventory_hostname: h };
    };
    const merged = mergeVars({ playVars: { me: 'h2' }, magic: magicVars({ inventory, host: 'h2', varsOf }) });
    expect(computed).toEqual([]);
    expect(renderString("{{ hostvars['h1'].url }} {{ hostvars.h1.port + 1 }}", { vars: merged })).toBe('h1:3306 3307');
    expect(computed).toEqual(['h1']);
    expect(renderValue("{{ hostvars | list }}", { vars: merged })).toEqual(['h1', 'h2', 'lonely']);
    expect(renderString("{{ 'h2' in hostvars }} {{ 'nope' in hostvars }} {{ hostvars.nope is defined }}", { vars: merged })).toBe('True False False');
  });

  it("a hostvars string that needs a variable the host lacks stays as written (Ansible's fail_on_undefined off)", () => {
    const varsOf = () => ({ broken: '{{ nope }}', partly: ['ok {{ 1 + 1 }}', '{{ nope }}', { k: '{{ nope }} x' }] });
    const merged = mergeVars({ magic: magicVars({ inventory, host: 'h2', varsOf }) });
    expect(renderString("{{ hostvars.h1.broken | default('d') }} {{ hostvars.h1.broken is defined }}", { vars: merged })).toBe('{{ nope }} True');
    expect(renderValue('{{ hostvars.h1.partly }}', { vars: merged })).toEqual(['ok 2', '{{ nope }}', { k: '{{ nope }} x' }]);
  });
});
