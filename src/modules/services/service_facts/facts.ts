// What service_facts reads: `service --status-all` (sysv scripts), and where systemd is PID 1,
// `systemctl list-units` / `list-unit-files` and the ActiveState of units that are not loaded.
import type { Fact } from '../../kit/fact.js';
import { SBIN_PATH } from '../service/facts.js';

export interface ServiceEntry {
  name: string;
  state: string;
  status?: string;
  source: 'sysv' | 'systemd';
}

export type Services = Record<string, ServiceEntry>;

export const statusAllFact: Fact<void, Services> = {
  name: 'the init scripts (service --status-all)',
  // Ansible reads it only where neither chkconfig nor OpenRC answers instead.
  script: () =>
    `${SBIN_PATH}; command -v service >/dev/null 2>&1 || exit 0\n` +
    'if command -v chkconfig >/dev/null 2>&1 || command -v rc-status >/dev/null 2>&1 || [ ! -d /etc/init.d ]; then exit 0; fi\n' +
    'service --status-all 2>/dev/null',
  parse: (stdout) => {
    const services: Services = {};
    for (const m of stdout.matchAll(/^\s*\[ ([+-]) \]\s+(.+)$/gm)) services[m[2]] = { name: m[2], state: m[1] === '+' ? 'running' : 'stopped', source: 'sysv' };
    return services;
  },
};

const ON_SYSTEMD = 'grep -q systemd /proc/1/comm 2>/dev/null && command -v systemctl >/dev/null 2>&1 || exit 0\n';

export const listUnitsFact: Fact<void, Services> = {
  name: 'the loaded service units (systemctl list-units)',
  script: () => `${ON_SYSTEMD}systemctl list-units --no-pager --type service --all`,
  parse: (stdout) => {
    const services: Services = {};
    for (const line of stdout.split('\n').filter((l) => l.includes('.service'))) {
      let fields = line.trim().split(/\s+/);
      // A unit in a bad state is marked with a leading dot (●), which shifts the columns.
      const bad = ['not-found', 'masked', 'failed'].find((b) => fields.includes(b));
      let status: string;
      if (bad) {
        status = bad;
        fields = fields.slice(1);
      } else status = fields[2] ?? 'unknown';
      const name = fields[0];
      services[name] = { name, state: fields[3] === 'running' ? 'running' : 'stopped', status, source: 'systemd' };
    }
    return services;
  },
};

export const listUnitFilesFact: Fact<void, [string, string][]> = {
  name: 'the service unit files (systemctl list-unit-files)',
  script: () => `${ON_SYSTEMD}systemctl list-unit-files --no-pager --type service --all`,
  parse: (stdout) =>
    stdout
      .split('\n')
      .filter((l) => l.includes('.service'))
      .map((l) => {
        const [name, status] = l.trim().split(/\s+/);
        return [name, status ?? ''] as [string, string];
      }),
};

/** ActiveState of every unit file, for those list-units does not show (template units have none). */
export const activeStatesFact: Fact<void, Record<string, string>> = {
  name: 'the units’ ActiveState (systemctl show)',
  script: () =>
    `${ON_SYSTEMD}systemctl list-unit-files --no-pager --type service --all --no-legend | while read -r u _; do\n` +
    '  s=$(systemctl show "$u" --property=ActiveState 2>/dev/null) && [ -n "$s" ] && printf \'%s %s\\n\' "$u" "${s#ActiveState=}"\n' +
    'done; true',
  parse: (stdout) =>
    Object.fromEntries(
      stdout.split('\n').flatMap((l) => {
        const m = /^(\S+) (.*)$/.exec(l);
        return m ? [[m[1], m[2]]] : [];
      }),
    ),
};

/** Ansible's merge: sysv scripts, then loaded units, then unit files (their enablement as status). */
export function mergeServices(sysv: Services, units: Services, files: [string, string][], active: Record<string, string>): Services {
  const all: Services = { ...sysv };
  const systemd: Services = { ...units };
  for (const [name, status] of files) {
    if (!(name in systemd)) systemd[name] = { name, state: active[name] ?? 'unknown', status, source: 'systemd' };
    else if (!['not-found', 'masked', 'failed'].includes(systemd[name].status!)) systemd[name].status = status;
  }
  return Object.assign(all, systemd);
}
