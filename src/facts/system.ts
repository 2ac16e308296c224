// machine_id and uptime_seconds.
import { sectionLines, type Sections } from './script.js';

export function systemFacts(sections: Sections): Record<string, unknown> {
  const machineId = sectionLines(sections, 'machine-id')[0]?.trim();
  const uptime = sectionLines(sections, 'uptime')[0]?.split(/\s+/)[0];
  return {
    ...(machineId ? { machine_id: machineId } : {}),
    ...(uptime ? { uptime_seconds: Math.floor(Number(uptime)) } : {}),
  };
}

/** loadavg like Ansible: { '1m', '5m', '15m' } as numbers. */
export function loadavgFacts(sections: Sections): Record<string, unknown> {
  const [one, five, fifteen] = (sectionLines(sections, 'loadavg')[0] ?? '').split(/\s+/).map(Number);
  return one === undefined || Number.isNaN(one) ? {} : { loadavg: { '1m': one, '5m': five, '15m': fifteen } };
}
