// What systemd says about one unit: its properties (`systemctl show`), whether it is enabled
// (`systemctl is-enabled -l`) and what its [Install] section wants (for the reason of an enable).
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import { systemctl, type SystemctlOptions } from '../systemctl.js';

export interface UnitQuery extends SystemctlOptions {
  unit: string;
}

/** `systemctl show` as key → value; Exec* values spread over several lines `{ ... }` stay whole. */
export function parseShow(stdout: string): Record<string, string> {
  const props: Record<string, string> = {};
  let open: { key: string; lines: string[] } | undefined;
  for (const line of stdout.split('\n')) {
    if (open) {
      open.lines.push(line);
      if (line.trimEnd().endsWith('}')) {
        props[open.key] = open.lines.join('\n').trim();
        open = undefined;
      }
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key.startsWith('Exec') && value.trimStart().startsWith('{') && !value.trimEnd().endsWith('}')) {
      open = { key, lines: [value] };
      continue;
    }
    props[key] = value.trim();
  }
  return props;
}

export interface ShowAnswer {
  props: Record<string, string>;
  /** Why `systemctl show` failed (no systemd running, or --global, which has no manager to ask). */
  error?: string;
}

export const unitShowFact: Fact<UnitQuery, ShowAnswer> = {
  name: "the unit's properties (systemctl show)",
  requires: ['systemctl'],
  script: (q) => `${systemctl(q)} show -- ${shellQuote(q.unit)} 2>&1`,
  parse: (stdout, _q, rc) => (rc === 0 ? { props: parseShow(stdout) } : { props: {}, error: stdout.trim() || `exit status ${rc}` }),
};

export interface EnabledAnswer {
  rc: number;
  lines: string[];
}

export const unitEnabledFact: Fact<UnitQuery, EnabledAnswer> = {
  name: 'whether the unit is enabled (systemctl is-enabled)',
  requires: ['systemctl'],
  script: (q) => `${systemctl(q)} is-enabled -l -- ${shellQuote(q.unit)} 2>/dev/null`,
  parse: (stdout, _q, rc) => ({ rc, lines: stdout.split('\n').filter((l) => l !== '') }),
};

/** "wanted by multi-user.target": what enabling the unit hooks it into. */
export const unitInstallFact: Fact<UnitQuery, string[]> = {
  name: "the unit's [Install] section",
  requires: ['systemctl'],
  script: (q) => `${systemctl(q)} cat -- ${shellQuote(q.unit)} 2>/dev/null | grep -E '^(WantedBy|RequiredBy)='; true`,
  parse: (stdout) =>
    stdout
      .split('\n')
      .map((l) => /^(WantedBy|RequiredBy)=(.*)$/.exec(l.trim()))
      .flatMap((m) => (m && m[2].trim() ? [`${m[1] === 'WantedBy' ? 'wanted' : 'required'} by ${m[2].trim().split(/\s+/).join(', ')}`] : [])),
};
