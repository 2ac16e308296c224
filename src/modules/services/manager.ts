// Which service manager runs the target: systemd when it booted with it (/run/systemd/system, as
// sd_booted() tests, or PID 1 is systemd), otherwise the sysvinit scripts. A gathered
// `ansible_facts.service_mgr` answers without asking the host, as Ansible's service action does.
import type { Fact } from '../kit/fact.js';

export type ServiceManager = 'systemd' | 'sysvinit';

export const serviceManagerFact: Fact<void, ServiceManager> = {
  name: 'the service manager (PID 1)',
  script: () => 'cat /proc/1/comm 2>/dev/null; [ -d /run/systemd/system ] && echo systemd-booted; true',
  parse: (stdout) => (stdout.split('\n').some((l) => l.trim() === 'systemd' || l.trim() === 'systemd-booted') ? 'systemd' : 'sysvinit'),
};

/** The manager the gathered facts name, if facts were gathered. */
export function managerFromVars(vars: Record<string, unknown>): ServiceManager | undefined {
  const facts = vars.ansible_facts as Record<string, unknown> | undefined;
  const named = facts?.service_mgr ?? vars.ansible_service_mgr;
  if (typeof named !== 'string' || named === '') return undefined;
  return named === 'systemd' ? 'systemd' : 'sysvinit';
}
