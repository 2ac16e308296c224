// selinux / selinux_python_present, as Ansible 2.14's collector reports them. Ansible asks
// libselinux (through ctypes): without libselinux.so.1 on the host the status says the "Python
// library" is missing; libselinux calls SELinux enabled when selinuxfs is mounted read-write and
// /etc/selinux/config exists. We read the same files with sh (the `selinux` section, script.ts).
import { sectionLines, type Sections } from './script.js';

const MODES: Record<string, string> = { '1': 'enforcing', '0': 'permissive' };

export function selinuxFacts(sections: Sections): Record<string, unknown> {
  const lines = sectionLines(sections, 'selinux');
  if (!lines.includes('library')) return { selinux: { status: 'Missing selinux Python library' }, selinux_python_present: false };
  const value = (key: string) => lines.find((l) => l.startsWith(`${key} `))?.slice(key.length + 1).trim();
  const mountedReadWrite = value('mount')?.split(',').includes('rw') === true;
  if (!mountedReadWrite || !lines.includes('config')) return { selinux: { status: 'disabled' }, selinux_python_present: true };
  const config = lines.filter((l) => l.startsWith('config ')).map((l) => l.slice('config '.length));
  const policyvers = Number.parseInt(value('policyvers') ?? '', 10);
  return {
    selinux: {
      status: 'enabled',
      policyvers: Number.isNaN(policyvers) ? 'unknown' : policyvers,
      config_mode: configMode(config),
      mode: MODES[value('enforce') ?? ''] ?? 'unknown',
      type: policyType(config),
    },
    selinux_python_present: true,
  };
}

/** libselinux's selinux_getenforcemode: the first `SELINUX=` line (at the start of a line) with a known value. */
export function configMode(config: string[]): string {
  for (const line of config) {
    if (!line.startsWith('SELINUX=')) continue;
    const mode = /^(enforcing|permissive|disabled)/i.exec(line.slice('SELINUX='.length))?.[1];
    if (mode) return mode.toLowerCase();
  }
  return 'unknown';
}

/** libselinux's policy type: the last `SELINUXTYPE=` line (any case, blanks around), else 'targeted'. */
export function policyType(config: string[]): string {
  let type = 'targeted';
  for (const line of config) {
    const text = line.trimStart();
    if (text.slice(0, 'SELINUXTYPE='.length).toUpperCase() === 'SELINUXTYPE=') type = text.slice('SELINUXTYPE='.length).trimEnd();
  }
  return type;
}
