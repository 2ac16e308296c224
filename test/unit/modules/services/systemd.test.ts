// systemd: its facts read recorded systemctl output (systemd 252 on the lab's sys1), its plan as a
// table (Ansible's rules: mask, enable, state; restarted/reloaded always act), gather in one round trip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFact } from '../../../kit/fact-cases.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { replayConnection, type ReplayConnection } from '../../../kit/replay-connection.js';
import { parseShow, unitEnabledFact, unitInstallFact, unitShowFact, type UnitQuery } from '../../../../src/modules/services/systemd/facts.js';
import { gatherUnit, type UnitFacts } from '../../../../src/modules/services/systemd/gather.js';
import { systemdModule } from '../../../../src/modules/services/systemd/module.js';
import { unitResult } from '../../../../src/modules/services/systemd/plan.js';
import type { ModuleContext } from '../../../../src/modules/types.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const sshShow = fixture('show-ssh.txt');
const notFoundShow = fixture('show-not-found.txt');
const maskedShow = fixture('show-masked.txt');
const q: UnitQuery = { unit: 'ssh' };

describeFact(unitShowFact, [
  { name: 'a running unit', args: q, stdout: sshShow, expect: { props: expect.objectContaining({ Id: 'ssh.service', LoadState: 'loaded', ActiveState: 'active', SubState: 'running', UnitFileState: 'enabled', Names: 'ssh.service sshd.service' }) } },
  { name: 'a unit that does not exist', args: { unit: 'nosuch-hasvc' }, stdout: notFoundShow, expect: { props: expect.objectContaining({ LoadState: 'not-found', ActiveState: 'inactive' }) } },
  { name: 'a masked unit', args: { unit: 'hasvc-masked-x' }, stdout: maskedShow, expect: { props: expect.objectContaining({ LoadState: 'masked', LoadError: 'org.freedesktop.systemd1.UnitMasked "Unit hasvc-masked-x.service is masked."' }) } },
  { name: 'systemd not running', args: q, rc: 1, stdout: "System has not been booted with systemd as init system (PID 1). Can't operate.\n", expect: { props: {}, error: "System has not been booted with systemd as init system (PID 1). Can't operate." } },
  { name: '--global has no manager to ask', args: { unit: 'x', scope: 'global' }, rc: 1, stdout: 'Failed to connect to bus: No medium found\n', expect: { props: {}, error: 'Failed to connect to bus: No medium found' } },
]);

describeFact(unitEnabledFact, [
  { name: 'enabled, with its links (-l)', args: q, stdout: 'enabled\n  /etc/systemd/system/sshd.service\n  /etc/systemd/system/multi-user.target.wants/ssh.service\n', expect: { rc: 0, lines: ['enabled', '  /etc/systemd/system/sshd.service', '  /etc/systemd/system/multi-user.target.wants/ssh.service'] } },
  { name: 'static', args: { unit: 'systemd-journald' }, stdout: 'static\n', expect: { rc: 0, lines: ['static'] } },
  { name: 'masked (exit 1)', args: { unit: 'x' }, rc: 1, stdout: 'masked\n', expect: { rc: 1, lines: ['masked'] } },
  { name: 'no such unit (message on stderr, dropped)', args: { unit: 'nosuch' }, rc: 1, stdout: '', expect: { rc: 1, lines: [] } },
]);

describeFact(unitInstallFact, [
  { name: 'wanted by a target', args: q, stdout: 'WantedBy=multi-user.target\n', expect: ['wanted by multi-user.target'] },
  { name: 'nothing to install', args: q, stdout: '', expect: [] },
  { name: 'several', args: q, stdout: 'WantedBy=a.target b.target\nRequiredBy=c.service\n', expect: ['wanted by a.target, b.target', 'required by c.service'] },
]);

describe('parseShow', () => {
  it('keeps a multi-line Exec value whole (older systemd prints them so)', () => {
    const props = parseShow('Id=x.service\nExecStart={ path=/bin/sleep ; argv[]=/bin/sleep\n infinity ; ignore_errors=no }\nActiveState=active\n');
    expect(props).toEqual({ Id: 'x.service', ExecStart: '{ path=/bin/sleep ; argv[]=/bin/sleep\n infinity ; ignore_errors=no }', ActiveState: 'active' });
  });
});

const show = (text: string, extra: Record<string, string> = {}) => ({ ...parseShow(text), ...extra });
const unit = (over: Partial<UnitFacts> = {}): UnitFacts => ({
  unit: 'ssh',
  props: show(sshShow),
  enabled: { rc: 0, lines: ['enabled'] },
  install: ['wanted by multi-user.target'],
  initScript: false,
  sysvStarted: false,
  ...over,
});
const stopped = unit({ props: show(sshShow, { ActiveState: 'inactive', SubState: 'dead' }), enabled: { rc: 1, lines: ['disabled'] } });
const missing = unit({ unit: 'nosuch-hasvc', props: show(notFoundShow), enabled: { rc: 1, lines: [] }, install: [] });

describePlan(systemdModule, [
  { name: 'running and enabled: converged', args: { name: 'ssh', state: 'started', enabled: true }, facts: unit(), expect: 'ok' },
  { name: 'stopped and disabled: start and enable, with what enabling hooks it into', args: { name: 'ssh', state: 'started', enabled: 'yes' }, facts: stopped, expect: ['enable ssh.service (wanted by multi-user.target)', 'start ssh.service'] },
  { name: 'stop a running unit', args: { name: 'ssh', state: 'stopped' }, facts: unit(), expect: ['stop ssh.service'] },
  { name: 'stop a deactivating unit', args: { name: 'ssh', state: 'stopped' }, facts: unit({ props: show(sshShow, { ActiveState: 'deactivating' }) }), expect: ['stop ssh.service'] },
  { name: 'stopped already', args: { name: 'ssh', state: 'stopped' }, facts: stopped, expect: 'ok' },
  { name: 'activating counts as running', args: { name: 'ssh', state: 'started' }, facts: unit({ props: show(sshShow, { ActiveState: 'activating' }) }), expect: 'ok' },
  { name: 'restarted always acts', args: { name: 'ssh', state: 'restarted' }, facts: unit(), expect: ['restart ssh.service'] },
  { name: 'reloaded always acts', args: { name: 'ssh', state: 'reloaded' }, facts: unit(), expect: ['reload ssh.service'] },
  { name: 'reloaded on a stopped unit starts it', args: { name: 'ssh', state: 'reloaded' }, facts: stopped, expect: ['start ssh.service (reload of a unit that is not running)'] },
  { name: 'disable', args: { name: 'ssh', enabled: false }, facts: unit(), expect: ['disable ssh.service'] },
  { name: 'a bare alias line is not enabled', args: { name: 'sshd', enabled: true }, facts: unit({ enabled: { rc: 0, lines: ['alias'] } }), expect: ['enable ssh.service'] },
  { name: 'an alias with its links is enabled (as Ansible reads is-enabled -l)', args: { name: 'sshd', enabled: true }, facts: unit({ enabled: { rc: 0, lines: ['alias', '  /etc/systemd/system/sshd.service'] } }), expect: 'ok' },
  { name: 'static counts as enabled', args: { name: 'journald', enabled: true }, facts: unit({ enabled: { rc: 0, lines: ['static'] } }), expect: 'ok' },
  { name: 'a sysv script started in a runlevel is enabled', args: { name: 'ssh', enabled: true }, facts: unit({ enabled: { rc: 1, lines: [] }, initScript: true, sysvStarted: true }), expect: 'ok' },
  { name: 'mask', args: { name: 'ssh', masked: true }, facts: unit(), expect: ['mask ssh.service'] },
  { name: 'masked already', args: { name: 'hasvc-masked-x', masked: true }, facts: unit({ props: show(maskedShow), enabled: { rc: 1, lines: ['masked'] } }), expect: 'ok' },
  { name: 'unmask', args: { name: 'hasvc-masked-x', masked: false }, facts: unit({ props: show(maskedShow), enabled: { rc: 1, lines: ['masked'] } }), expect: ['unmask hasvc-masked-x.service'] },
  { name: 'a unit that does not exist', args: { name: 'nosuch-hasvc', state: 'started' }, facts: missing, expect: { error: /^Could not find the requested service nosuch-hasvc: host$/ } },
  { name: 'enabling a unit that does not exist', args: { name: 'nosuch-hasvc', enabled: true }, facts: missing, expect: { error: /Could not find the requested service nosuch-hasvc: host/ } },
  { name: 'a sysv script systemd does not know still counts', args: { name: 'nosuch-hasvc', state: 'started' }, facts: { ...missing, initScript: true }, expect: ['start nosuch-hasvc'] },
  { name: 'a unit file that does not load', args: { name: 'bad', state: 'started' }, facts: unit({ props: show(sshShow, { LoadState: 'bad-setting', LoadError: 'org.freedesktop.systemd1.BadUnitSetting "bad"' }) }), expect: { error: /Error loading unit file 'bad': org.freedesktop.systemd1.BadUnitSetting/ } },
  { name: 'glob patterns are refused', args: { name: 'ssh*', state: 'started' }, facts: unit(), expect: { error: /does not currently support using glob patterns, found '\*' in service name: ssh\*/ } },
  { name: 'systemd not running: state fails with systemctl\'s words', args: { name: 'ssh', state: 'started' }, facts: unit({ props: {}, showError: 'System has not been booted with systemd as init system (PID 1).', enabled: { rc: 1, lines: [] } }), expect: { error: /systemctl show ssh failed: System has not been booted/ } },
  { name: '--global: enable a user unit is-enabled knows', args: { name: 'hasvc-user', enabled: true, scope: 'global' }, facts: unit({ unit: 'hasvc-user', props: {}, showError: 'Failed to connect to bus: No medium found', enabled: { rc: 1, lines: ['disabled'] }, install: ['wanted by default.target'] }), expect: ['enable hasvc-user (wanted by default.target)'] },
  { name: '--global: a unit is-enabled does not know', args: { name: 'nosuch', enabled: true, scope: 'global' }, facts: unit({ unit: 'nosuch', props: {}, showError: 'Failed to connect to bus: No medium found', enabled: { rc: 1, lines: [] } }), expect: { error: /Could not find the requested service nosuch: host/ } },
  { name: 'daemon_reload alone reads nothing and changes nothing', args: { daemon_reload: true }, facts: undefined, expect: 'ok' },
]);

describe('systemd ops and result', () => {
  it('drives systemctl with the scope and options, the unit as given', () => {
    const [change] = systemdModule.plan({ name: 'ssh', state: 'restarted', no_block: true, scope: 'user' }, unit());
    expect(change.ops).toEqual([{ kind: 'exec', command: `XDG_RUNTIME_DIR="\${XDG_RUNTIME_DIR:-/run/user/$(id -u)}" systemctl --user --no-block restart -- ssh` }]);
  });

  it('daemon_reload and daemon_reexec are prelude steps, not changes', () => {
    expect(systemdModule.prelude!({ name: 'x', daemon_reload: true, 'daemon-reexec': true }).map((s) => s.ops)).toEqual([
      [{ kind: 'exec', command: 'systemctl daemon-reload' }],
      [{ kind: 'exec', command: 'systemctl daemon-reexec' }],
    ]);
    expect(systemdModule.prelude!({ name: 'x', state: 'started' })).toEqual([]);
  });

  it('registers what Ansible registers: status as read before acting, enabled and state as wished', () => {
    const changes = systemdModule.plan({ name: 'ssh', state: 'restarted', enabled: true }, stopped);
    const result = unitResult({ unit: 'ssh', state: 'restarted', enabled: true }, stopped, changes);
    expect(result).toMatchObject({ name: 'ssh', enabled: true, state: 'started' });
    expect((result.status as Record<string, string>).ActiveState).toBe('inactive');
    expect(unitResult({ unit: 'ssh', enabled: false }, unit(), [])).toMatchObject({ enabled: true });
    expect(unitResult({}, undefined, [])).toEqual({ name: null, status: {} });
  });
});

describe('systemd gather', () => {
  let conn: ReplayConnection | undefined;
  afterEach(() => conn?.close());

  it('reads the unit in one round trip', async () => {
    conn = replayConnection({
      systemctl: { byArgs: { 'show -- ssh': { stdout: sshShow }, 'is-enabled -l -- ssh': { stdout: 'enabled\n' }, 'cat -- ssh': { stdout: '[Install]\nWantedBy=multi-user.target\n' } } },
    });
    const ctx = { conn, host: 'replay', check: false, diff: false, vars: {}, render: (t: string) => t, findFile: (_k: string, p: string) => p } as ModuleContext;
    const facts = await gatherUnit(ctx, { unit: 'ssh' });
    expect(facts).toMatchObject({ unit: 'ssh', enabled: { rc: 0, lines: ['enabled'] }, install: ['wanted by multi-user.target'], initScript: false, sysvStarted: false });
    expect(facts.props.ActiveState).toBe('active');
    expect(conn.calls).toHaveLength(1);
  });

  it('fails naming systemctl when it is missing', async () => {
    conn = replayConnection({});
    const ctx = { conn, host: 'replay' } as unknown as ModuleContext;
    await expect(gatherUnit(ctx, { unit: 'ssh' })).rejects.toThrow(/systemctl is missing on replay/);
  });
});
