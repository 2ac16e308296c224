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

export interface UnitFile {
  name: string;
  /** Its enablement as list-unit-files says it (enabled, static, alias...). */
  status: string;
  /** ActiveState, read for the unit files list-units does not show (templates have none). */
  active?: string;
}

/**
 * The service unit files, each with its ActiveState when list-units does not show it: one
 * list-unit-files (slow on some hosts) and one systemctl show for all of them. Prints
 * `name status active` lines, `-` for no ActiveState.
 */
export const unitFilesFact: Fact<void, UnitFile[]> = {
  name: 'the service unit files (systemctl list-unit-files, show)',
  script: () =>
    ON_SYSTEMD +
    "files=$(systemctl list-unit-files --no-pager --type service --all --no-legend | awk '{print $1, $2}')\n" +
    "loaded=$(systemctl list-units --no-pager --type service --all --no-legend --plain | awk '{print $1}')\n" +
    "set -- $(printf '%s\\n' \"$files\" | awk '{print $1}' | grep -v '@\\.service$' | grep -vxF \"$loaded\")\n" +
    'states=\n' +
    "[ $# -gt 0 ] && states=$(systemctl show -p ActiveState --value -- \"$@\" 2>/dev/null | grep -v '^$' | { for u in \"$@\"; do read -r s || break; printf '%s %s\\n' \"$u\" \"$s\"; done; })\n" +
    "printf '%s\\n' \"$files\" | STATES=\"$states\" awk 'BEGIN { n = split(ENVIRON[\"STATES\"], l, \"\\n\"); for (i = 1; i <= n; i++) { split(l[i], f, \" \"); a[f[1]] = f[2] } } NF { print $1, $2, ($1 in a ? a[$1] : \"-\") }'",
  parse: (stdout) =>
    stdout
      .split('\n')
      .filter((l) => l.includes('.service'))
      .map((l) => {
        const [name, status = '', active = '-'] = l.trim().split(/\s+/);
        return active === '-' ? { name, status } : { name, status, active };
      }),
};

/** Ansible's merge: sysv scripts, then loaded units, then unit files (their enablement as status). */
export function mergeServices(sysv: Services, units: Services, files: UnitFile[]): Services {
  const all: Services = { ...sysv };
  const systemd: Services = { ...units };
  for (const { name, status, active } of files) {
    if (!(name in systemd)) systemd[name] = { name, state: active ?? 'unknown', status, source: 'systemd' };
    else if (!['not-found', 'masked', 'failed'].includes(systemd[name].status!)) systemd[name].status = status;
  }
  return Object.assign(all, systemd);
}
