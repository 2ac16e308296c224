// service_facts: recorded output of `service --status-all` and systemctl (systemd 252 on sys1,
// and a plain host without init) gives exactly what Ansible's service_facts gave at the same moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFact } from '../../../kit/fact-cases.js';
import { listUnitsFact, mergeServices, statusAllFact, unitFilesFact } from '../../../../src/modules/services/service_facts/facts.js';
import { serviceFactsModule } from '../../../../src/modules/services/service_facts/module.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describeFact(statusAllFact, [
  {
    name: 'a plain host (the ? line is not counted)',
    args: undefined,
    stdout: fixture('status-all.txt'),
    expect: { procps: { name: 'procps', state: 'stopped', source: 'sysv' }, ssh: { name: 'ssh', state: 'running', source: 'sysv' }, sudo: { name: 'sudo', state: 'stopped', source: 'sysv' } },
  },
  { name: 'no service command', args: undefined, stdout: '', expect: {} },
]);

describeFact(listUnitsFact, [
  {
    name: 'loaded units, a bad one marked with a dot',
    args: undefined,
    stdout: fixture('list-units.txt'),
    expect: expect.objectContaining({
      'ssh.service': { name: 'ssh.service', state: 'running', status: 'active', source: 'systemd' },
      'auditd.service': { name: 'auditd.service', state: 'stopped', status: 'not-found', source: 'systemd' },
      'getty@tty1.service': { name: 'getty@tty1.service', state: 'stopped', status: 'masked', source: 'systemd' },
    }),
  },
]);

describeFact(unitFilesFact, [
  {
    name: 'unit files with their state, and ActiveState for those not loaded',
    args: undefined,
    stdout: fixture('unit-files.txt'),
    expect: expect.arrayContaining([
      { name: 'getty@.service', status: 'enabled' },
      { name: 'sshd.service', status: 'alias', active: 'active' },
      { name: 'ssh.service', status: 'enabled' },
      { name: 'cryptdisks.service', status: 'masked', active: 'inactive' },
    ]),
  },
]);

describe('service_facts', () => {
  it('merges as Ansible does: the same services, states, statuses and sources', () => {
    const merged = mergeServices(
      statusAllFact.parse(fixture('status-all-sys1.txt'), undefined, 0),
      listUnitsFact.parse(fixture('list-units.txt'), undefined, 0),
      unitFilesFact.parse(fixture('unit-files.txt'), undefined, 0),
    );
    expect(merged).toEqual(JSON.parse(fixture('ansible-service-facts-sys1.json')));
  });

  it('its facts are `services` and ansible_facts.services, as Ansible injects them (not ansible_services)', () => {
    expect(serviceFactsModule.setsVars).toBe('named-facts');
  });
});
