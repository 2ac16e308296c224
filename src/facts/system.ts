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
