// service: systemd where it runs (the systemd plan), otherwise the /etc/init.d script. Facts read
// recorded output from the lab's plain hosts (Debian bookworm, no init running, sshd only).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFact } from '../../../kit/fact-cases.js';
import { describePlan } from '../../../kit/plan-cases.js';
import { replayConnection, type ReplayConnection } from '../../../kit/replay-connection.js';
import { managerFromVars, serviceManagerFact } from '../../../../src/modules/services/manager.js';
import { initScriptFact, rcLinksFact } from '../../../../src/modules/services/sysv-facts.js';
import { processesFact, runningFromStatus, statusFact } from '../../../../src/modules/services/service/facts.js';
import { serviceModule, type ServiceFacts } from '../../../../src/modules/services/service/module.js';
import type { SysvFacts } from '../../../../src/modules/services/service/plan.js';
import { parseShow } from '../../../../src/modules/services/systemd/facts.js';
import type { ModuleContext } from '../../../../src/modules/types.js';

describeFact(serviceManagerFact, [
  { name: 'systemd booted', args: undefined, stdout: 'systemd\nsystemd-booted\n', expect: 'systemd' },
  { name: 'a container without init (docker-init)', args: undefined, stdout: 'docker-init\n', expect: 'sysvinit' },
  { name: 'sysvinit', args: undefined, stdout: 'init\n', expect: 'sysvinit' },
]);

describe('managerFromVars', () => {
  it('takes gathered facts as Ansible does, and says nothing without them', () => {
    expect(managerFromVars({ ansible_facts: { service_mgr: 'systemd' } })).toBe('systemd');
    expect(managerFromVars({ ansible_facts: { service_mgr: 'docker-init' } })).toBe('sysvinit');
    expect(managerFromVars({ ansible_service_mgr: 'systemd' })).toBe('systemd');
    expect(managerFromVars({})).toBeUndefined();
  });
});

describeFact(initScriptFact, [
  { name: 'there', args: 'ssh', stdout: 'script\n', expect: true },
  { name: 'not there', args: 'nosuch', stdout: '', expect: false },
]);

describeFact(rcLinksFact('update-rc.d'), [
  { name: 'installed and enabled', args: 'ssh', stdout: 'S\nK\n', expect: { start: true, kill: true } },
  { name: 'installed, disabled', args: 'x', stdout: 'K\n', expect: { start: false, kill: true } },
  { name: 'never installed', args: 'x', stdout: '', expect: { start: false, kill: false } },
]);

describeFact(statusFact, [
  { name: "Debian's ssh script, running", args: { name: 'ssh' }, stdout: 'sshd is running.\n', expect: { rc: 0, stdout: 'sshd is running.\n' } },
  { name: 'with arguments', args: { name: 'app', arguments: "--conf 'a b'" }, stdout: '', rc: 3, expect: { rc: 3, stdout: '' } },
]);

describe('running from the status answer (Ansible rules)', () => {
  const cases: [string, number, string, boolean | undefined][] = [
    ['ssh', 0, 'sshd is running.\n', true],
    ['ssh', 3, 'sshd is not running ... failed!\n', false],
    ['hasvc', 0, 'hasvc is not running\n', false],
    ['hasvc', 0, 'hasvc stopped\n', false],
    ['procps', 0, '', true],
    ['app', 0, 'app: dead but pid file exists\n', false],
    ['app', 5, 'something odd\n', undefined],
    ['app', 5, 'line one\nline two\nrunning\n', undefined],
  ];
  for (const [name, rc, stdout, want] of cases) it(`${name} rc=${rc} ${JSON.stringify(stdout)}`, () => expect(runningFromStatus(name, { rc, stdout })).toBe(want));
});

describeFact(processesFact, [
  {
    name: "ps auxww, without ha-run's own probe",
    args: undefined,
    stdout: 'USER PID COMMAND\nroot 7 sleep 100000\nroot 9 sudo -n sh -c echo @@ha-run:abc:0; ps auxww sleep 100000\n',
    expect: ['USER PID COMMAND', 'root 7 sleep 100000'],
  },
]);

const sysv = (over: Partial<SysvFacts> = {}): ServiceFacts => ({ kind: 'sysv', sysv: { initScript: true, viaService: true, links: { start: true, kill: true }, running: true, ...over } });
const systemdUnit = (activeState: string): ServiceFacts => ({
  kind: 'systemd',
  unit: { unit: 'cron', props: parseShow(`Id=cron.service\nLoadState=loaded\nActiveState=${activeState}\n`), enabled: { rc: 0, lines: ['enabled'] }, install: [], initScript: true, sysvStarted: true },
});

describePlan(serviceModule, [
  { name: 'sysv: running and enabled, converged', args: { name: 'hasvc', state: 'started', enabled: true }, facts: sysv(), expect: 'ok' },
  { name: 'sysv: never installed, stopped', args: { name: 'hasvc', state: 'started', enabled: true }, facts: sysv({ links: { start: false, kill: false }, running: false }), expect: ['enable hasvc (update-rc.d defaults, enable)', 'start hasvc'] },
  { name: 'sysv: installed but disabled', args: { name: 'hasvc', enabled: true }, facts: sysv({ links: { start: false, kill: true } }), expect: ['enable hasvc (update-rc.d enable)'] },
  { name: 'sysv: disable', args: { name: 'hasvc', enabled: false }, facts: sysv(), expect: ['disable hasvc (update-rc.d disable)'] },
  { name: 'sysv: stop', args: { name: 'hasvc', state: 'stopped' }, facts: sysv(), expect: ['stop hasvc'] },
  { name: 'sysv: stopped already', args: { name: 'hasvc', state: 'stopped' }, facts: sysv({ running: false }), expect: 'ok' },
  { name: 'sysv: restarted always acts', args: { name: 'hasvc', state: 'restarted' }, facts: sysv(), expect: ['restart hasvc'] },
  { name: 'sysv: reloaded always acts', args: { name: 'hasvc', state: 'reloaded' }, facts: sysv(), expect: ['reload hasvc'] },
  { name: 'sysv: reloaded on a stopped service starts it', args: { name: 'hasvc', state: 'reloaded' }, facts: sysv({ running: false }), expect: ['start hasvc (not running)'] },
  { name: 'sysv: no init script', args: { name: 'nosuch', state: 'started' }, facts: sysv({ initScript: false }), expect: { error: /^Could not find the requested service nosuch: host$/ } },
  { name: 'sysv: status says nothing', args: { name: 'odd', state: 'started' }, facts: sysv({ running: undefined }), expect: { error: /failed determining service state, possible typo of service name\?/ } },
  { name: 'systemd: running, converged', args: { name: 'cron', state: 'started', enabled: true }, facts: systemdUnit('active'), expect: 'ok' },
  { name: 'systemd: stopped unit is started through systemctl', args: { name: 'cron', state: 'started', pattern: 'cron', sleep: 2 }, facts: systemdUnit('inactive'), expect: ['start cron.service'] },
]);

describe('service ops', () => {
  it('restart is stop, sleep, start through the service command, detached, with the arguments as words', () => {
    const [change] = serviceModule.plan({ name: 'hasvc', state: 'restarted', sleep: 2, arguments: "--conf 'a b'" }, sysv());
    const command = (change.ops[0] as { command: string }).command;
    expect(command).toContain("ctl service hasvc stop --conf 'a b'\nsleep 2\nctl service hasvc start --conf 'a b'");
    expect(command).toContain('setsid -w');
  });

  it('uses the init script without the service command, and update-rc.d for enabled', () => {
    const changes = serviceModule.plan({ name: 'hasvc', state: 'started', enabled: true }, sysv({ viaService: false, running: false, links: { start: false, kill: false } }));
    expect((changes[0].ops[0] as { command: string }).command).toContain('update-rc.d hasvc defaults && update-rc.d hasvc enable');
    expect((changes[1].ops[0] as { command: string }).command).toContain('ctl /etc/init.d/hasvc start');
  });

  it('registers name, enabled and state as Ansible does', () => {
    expect(serviceModule.result!({ name: 'hasvc', state: 'reloaded', enabled: false }, sysv(), [])).toEqual({ name: 'hasvc', enabled: false, state: 'started' });
    expect(serviceModule.result!({ name: 'cron', state: 'stopped' }, systemdUnit('active'), [])).toMatchObject({ name: 'cron', state: 'stopped', status: { ActiveState: 'active' } });
  });
});

describe('service gather', () => {
  let conn: ReplayConnection | undefined;
  afterEach(() => conn?.close());
  const ctx = (c: ReplayConnection, vars: Record<string, unknown> = {}) => ({ conn: c, host: 'replay', vars }) as unknown as ModuleContext;

  it('without systemd: the script, the service command, links and status in one round trip', async () => {
    conn = replayConnection({ service: { byArgs: { 'hasvc-replay status': { stdout: 'running\n' } } }, 'update-rc.d': {} });
    const facts = await serviceModule.gather(ctx(conn, { ansible_facts: { service_mgr: 'docker-init' } }), { name: 'hasvc-replay', state: 'started', enabled: true });
    // No /etc/init.d/hasvc-replay where the replay runs: the plan says it is missing, whatever the status said.
    expect(facts).toEqual({ kind: 'sysv', sysv: { initScript: false, viaService: true, links: { start: false, kill: false } } });
    expect(conn.calls).toHaveLength(1);
  });

  it('asks PID 1 when facts were not gathered', async () => {
    conn = replayConnection({});
    const facts = await serviceModule.gather(ctx(conn), { name: 'ssh', state: 'started', use: 'auto' });
    expect(facts.kind).toBe('sysv');
    expect(conn.calls).toHaveLength(2);
  });

  it('fails naming update-rc.d when enabled is asked and it is missing', async () => {
    conn = replayConnection({ service: {} });
    await expect(serviceModule.gather(ctx(conn), { name: 'ssh', enabled: true, use: 'sysvinit' })).rejects.toThrow(/update-rc.d is missing on replay/);
  });
});
