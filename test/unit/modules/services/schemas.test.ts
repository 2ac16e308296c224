// The services family's arguments through the project's validator: what roles write passes,
// the rest is refused before connecting.
import { describe, expect, it } from 'vitest';
import { findModule } from '../../../../src/modules/registry.js';
import { validateAgainstSchema } from '../../../../src/schema/validate.js';
import { coerceToSchema } from '../../../../src/schema/coerce.js';

const where = { file: 'site.yml', locate: () => ({ file: 'site.yml', line: 3, col: 7 }) };
function problems(module: string, args: Record<string, unknown>): string[] {
  const schema = findModule(module)!.schema;
  return validateAgainstSchema(coerceToSchema(args, schema), schema, where, [], { allowTemplates: false }).map((d) => d.code);
}

describe('services schemas', () => {
  it('answer to every name Ansible gives them', () => {
    for (const name of ['systemd', 'ansible.builtin.systemd', 'systemd_service', 'ansible.builtin.systemd_service', 'service', 'ansible.builtin.service', 'service_facts', 'ansible.builtin.service_facts'])
      expect(findModule(name), name).toBeDefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['systemd', { name: 'nginx', state: 'started', enabled: 'yes', daemon_reload: 'true' }],
    ['systemd', { unit: 'nginx.service', masked: 'no', no_block: true, scope: 'system' }],
    ['systemd_service', { 'daemon-reload': 'yes' }],
    ['systemd', { daemon_reexec: true }],
    ['service', { name: 'cron', state: 'restarted', sleep: '2', args: '--quiet', pattern: 'cron', use: 'sysvinit' }],
    ['service', { name: 'cron', enabled: 'false', runlevel: '3' }],
    ['service_facts', {}],
  ])('%s accepts %j', (module, args) => expect(problems(module, args)).toEqual([]));

  it.each<[string, Record<string, unknown>]>([
    ['systemd', { state: 'started' }],
    ['systemd', { name: 'x' }],
    ['systemd', { name: 'x', state: 'running' }],
    ['systemd', { name: 'x', enabeld: true }],
    ['systemd', { name: 'x', scope: 'session', state: 'started' }],
    ['service', { state: 'started' }],
    ['service', { name: 'x' }],
    ['service', { name: 'x', enabled: 'maybe' }],
    ['service_facts', { verbose: true }],
  ])('%s refuses %j', (module, args) => expect(problems(module, args)).not.toEqual([]));
});
