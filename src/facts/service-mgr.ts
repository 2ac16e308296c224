// service_mgr: systemd when the system booted with it, otherwise what PID 1 is (Ansible reports
// e.g. docker-init or sysvinit the same way).
import { sectionLines, type Sections } from './script.js';

export function serviceMgrFacts(sections: Sections): Record<string, unknown> {
  const lines = sectionLines(sections, 'init');
  if (lines.includes('systemd-booted')) return { service_mgr: 'systemd' };
  const comm = lines[0]?.trim() ?? '';
  if (comm === 'init') return { service_mgr: 'sysvinit' };
  if (comm === 'openrc-init') return { service_mgr: 'openrc' };
  return { service_mgr: comm || 'service' };
}
