// The sysvinit plan, Ansible's rules: enabled means an S link in some runlevel (update-rc.d
// defaults installs the links once, then enable/disable flip them); started/stopped change only
// when the state differs, restarted and reloaded always act (a stopped service is started).
import { shellQuote } from '../../../connection/quote.js';
import type { Change } from '../../types.js';
import { ModuleFailure } from '../../failure.js';
import { missingUnit } from '../systemd/plan.js';
import type { UnitState } from '../systemd/schema.js';
import type { RcLinks } from '../sysv-facts.js';
import { controlWords, SBIN_PATH, type ControlArgs } from './facts.js';

export interface SysvFacts {
  initScript: boolean;
  viaService: boolean;
  /** Read when enabled was asked for. */
  links?: RcLinks;
  /** Read when state was asked for: from the status command or the ps pattern. */
  running?: boolean;
}

export interface SysvWish extends ControlArgs {
  state?: UnitState;
  enabled?: boolean;
  sleep?: number;
}

// Init scripts that start daemons must not tie them to this session: setsid gives them their
// own, their output goes to files that are printed afterwards (a daemon may keep them open).
const DETACHED =
  'o=$(mktemp) && e=$(mktemp) || exit 1\n' +
  'trap \'rm -f "$o" "$e"\' EXIT\n' +
  'ctl() { if command -v setsid >/dev/null 2>&1; then setsid -w "$@"; else "$@"; fi >"$o" 2>"$e" </dev/null; r=$?; cat "$o"; cat "$e" >&2; return $r; }\n';

function controlOp(w: SysvWish, viaService: boolean, verbs: string[]): string {
  const steps = verbs.map((v) => (v === 'sleep' ? `sleep ${w.sleep}` : `ctl ${controlWords(w, v, viaService)}`));
  return `${SBIN_PATH}\n${DETACHED}${steps.join('\n')}`;
}

/** The verb bringing the service to the wished state, if any. */
export function sysvAction(state: UnitState, running: boolean): string | undefined {
  if (state === 'restarted') return 'restart';
  if (state === 'reloaded') return running ? 'reload' : 'start';
  if (state === 'started') return running ? undefined : 'start';
  return running ? 'stop' : undefined;
}

export function planSysv(w: SysvWish, f: SysvFacts): Change[] {
  if (!f.initScript) throw missingUnit(w.name);
  const changes: Change[] = [];
  if (w.enabled !== undefined && f.links && f.links.start !== w.enabled) {
    const q = shellQuote(w.name);
    const install = w.enabled && !f.links.kill;
    changes.push({
      summary: `${w.enabled ? 'enable' : 'disable'} ${w.name} (update-rc.d${install ? ' defaults,' : ''} ${w.enabled ? 'enable' : 'disable'})`,
      ops: [{ kind: 'exec', command: `${SBIN_PATH}; ${install ? `update-rc.d ${q} defaults && ` : ''}update-rc.d ${q} ${w.enabled ? 'enable' : 'disable'}` }],
    });
  }
  if (w.state !== undefined) {
    if (f.running === undefined) throw new ModuleFailure('failed determining service state, possible typo of service name?');
    const verb = sysvAction(w.state, f.running);
    if (verb) {
      // A restart is stop then start (with the sleep between), as Ansible does it: only start's exit status counts.
      const verbs = verb === 'restart' ? ['stop', ...(w.sleep ? ['sleep'] : []), 'start'] : [verb];
      const why = verb === 'start' && w.state === 'reloaded' ? ' (not running)' : '';
      changes.push({ summary: `${verb} ${w.name}${why}`, ops: [{ kind: 'exec', command: controlOp(w, f.viaService, verbs) }] });
    }
  }
  return changes;
}

/** What Ansible's service module registers: name, and the wished enabled and state. */
export function sysvResult(w: SysvWish): Record<string, unknown> {
  const result: Record<string, unknown> = { name: w.name };
  if (w.enabled !== undefined) result.enabled = w.enabled;
  if (w.state !== undefined) result.state = w.state === 'stopped' ? 'stopped' : 'started';
  return result;
}
