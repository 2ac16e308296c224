// The systemd plan, Ansible's order: mask/unmask, then enable/disable, then the running state.
// restarted and reloaded always act (a unit that is not running is started instead).
import { shellQuote } from '../../../connection/quote.js';
import type { Change } from '../../types.js';
import { ModuleFailure } from '../../failure.js';
import { systemctl, type SystemctlOptions } from '../systemctl.js';
import type { UnitFacts } from './gather.js';
import type { UnitState } from './schema.js';

export interface UnitWish extends SystemctlOptions {
  unit: string;
  state?: UnitState;
  enabled?: boolean;
  masked?: boolean;
}

const GLOB = /[*?[]/;

/** Whether systemd knows the unit (or a sysv script stands in for it): Ansible's `found`. */
export function unitFound(f: UnitFacts): boolean {
  return isSystemdUnit(f) || f.initScript;
}

// What is-enabled answers for a unit file systemd knows.
const KNOWN_FILE_STATES = ['enabled', 'enabled-runtime', 'linked', 'linked-runtime', 'masked', 'masked-runtime', 'static', 'indirect', 'disabled', 'generated', 'transient'];

/** Known to systemd: loaded by it, or (when show cannot ask a manager, as with --global) a unit file is-enabled knows. */
function isSystemdUnit(f: UnitFacts): boolean {
  if (f.showError !== undefined) return KNOWN_FILE_STATES.includes(f.enabled.lines[0]?.trim() ?? '');
  return f.props.LoadState !== undefined && f.props.LoadState !== 'not-found';
}

/** Enabled as Ansible judges it: is-enabled succeeds (a bare 'indirect' or 'alias' does not count), or a started sysv script. */
export function unitEnabled(f: UnitFacts, scope: SystemctlOptions['scope']): boolean {
  if (f.enabled.rc === 0) {
    const only = f.enabled.lines.length === 1 ? f.enabled.lines[0].trim() : undefined;
    return only !== 'indirect' && only !== 'alias';
  }
  if (f.enabled.rc === 1) {
    const said = f.enabled.lines.join('\n').trim();
    return (scope ?? 'system') === 'system' && f.initScript && !said.endsWith('disabled') && f.sysvStarted;
  }
  return false;
}

export function isRunning(props: Record<string, string>): boolean {
  return props.ActiveState === 'active' || props.ActiveState === 'activating';
}

export function missingUnit(unit: string): ModuleFailure {
  return new ModuleFailure(`Could not find the requested service ${unit}: host`);
}

/** The systemctl verb that brings the unit to the wished state, if any. */
export function stateAction(state: UnitState, props: Record<string, string>): string | undefined {
  const running = isRunning(props);
  if (state === 'started') return running ? undefined : 'start';
  if (state === 'stopped') return running || props.ActiveState === 'deactivating' ? 'stop' : undefined;
  return running ? state.slice(0, -2) : 'start';
}

export function planUnit(w: UnitWish, f: UnitFacts): Change[] {
  if (GLOB.test(w.unit)) {
    const found = [...w.unit].find((c) => GLOB.test(c));
    throw new ModuleFailure(`This module does not currently support using glob patterns, found '${found}' in service name: ${w.unit}`);
  }
  const known = isSystemdUnit(f);
  if (known && f.props.LoadState !== 'masked' && f.props.LoadError !== undefined) {
    throw new ModuleFailure(`Error loading unit file '${w.unit}': ${f.props.LoadError}`);
  }
  const shown = f.props.Id && known ? f.props.Id : w.unit;
  const step = (verb: string, why?: string): Change => ({
    summary: `${verb} ${shown}${why ? ` (${why})` : ''}`,
    ops: [{ kind: 'exec', command: `${systemctl(w)} ${verb} -- ${shellQuote(w.unit)}` }],
  });
  const changes: Change[] = [];

  if (w.masked !== undefined) {
    const masked = f.enabled.lines[0]?.trim() === 'masked';
    if (masked !== w.masked) changes.push(step(w.masked ? 'mask' : 'unmask'));
  }
  if (w.enabled !== undefined) {
    if (!unitFound(f)) throw missingUnit(w.unit);
    if (unitEnabled(f, w.scope) !== w.enabled) changes.push(w.enabled ? step('enable', f.install.join('; ') || undefined) : step('disable'));
  }
  if (w.state !== undefined) {
    // Without its properties nothing can be said about a running state (e.g. systemd is not PID 1).
    if (f.showError !== undefined) throw new ModuleFailure(`systemctl show ${w.unit} failed: ${f.showError}`);
    if (!unitFound(f)) throw missingUnit(w.unit);
    if (f.props.ActiveState === undefined) throw new ModuleFailure('Service is in unknown state', { status: f.props });
    const verb = stateAction(w.state, f.props);
    if (verb) changes.push(step(verb, verb === 'start' && w.state !== 'started' ? `${w.state.slice(0, -2)} of a unit that is not running` : undefined));
  }
  return changes;
}

/** What Ansible registers besides `changed`: name, status (as read before acting), enabled and state when asked. */
export function unitResult(w: Partial<UnitWish>, before: UnitFacts | undefined, changes: Change[]): Record<string, unknown> {
  const result: Record<string, unknown> = { name: w.unit ?? null, status: before?.props ?? {} };
  if (before && w.enabled !== undefined) {
    const acted = changes.some((c) => /^(enable|disable) /.test(c.summary));
    result.enabled = acted ? w.enabled : unitEnabled(before, w.scope);
  }
  if (w.state !== undefined) result.state = w.state === 'stopped' ? 'stopped' : 'started';
  return result;
}
