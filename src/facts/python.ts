// python / python_version: ha-run needs no Python on targets, but playbooks written for Ansible read
// these facts (to run a script with the host's interpreter). Reported when the host has python3 (or
// python), as that interpreter describes itself; absent otherwise (the `python` section, script.ts).
import { sectionLines, type Sections } from './script.js';

export function pythonFacts(sections: Sections): Record<string, unknown> {
  const [executable, version, releaselevel, serial, implementation, sslcontext] = sectionLines(sections, 'python');
  const numbers = (version ?? '').split('.').map(Number);
  if (!executable || numbers.length !== 3 || numbers.some((n) => !Number.isInteger(n))) return {};
  const [major, minor, micro] = numbers as [number, number, number];
  const level = releaselevel ?? 'final';
  const serialNumber = Number(serial ?? 0);
  return {
    // In the order Ansible's collector writes them.
    python: {
      version: { major, minor, micro, releaselevel: level, serial: serialNumber },
      version_info: [major, minor, micro, level, serialNumber],
      executable,
      has_sslcontext: sslcontext === 'True',
      type: implementation ?? 'cpython',
    },
    python_version: version,
  };
}
