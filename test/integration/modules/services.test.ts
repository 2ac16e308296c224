// service, systemd and service_facts against the real thing: a sysvinit script on a plain host (no
// init running, sshd only) and units on sys1 (systemd as PID 1), through the CLI as roles use
// them (handlers, register + assert), each playbook run twice: the second run changes nothing.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { runTwice } from '../support/run-twice.js';
import { buildCli, recapOf, root, runCli, totals } from '../executor/cli.js';

const dir = join(root, 'test/integration/modules/fixtures/services');
const suffix = randomBytes(4).toString('hex');
const name = `hasvc-${suffix}`;
const seconds = String(8_600_000 + (parseInt(suffix, 16) % 99_999));
const PLAIN = 'node4';
const SYSTEMD = 'sys1';

function args(playbook: string, host: string, vars: Record<string, unknown> = {}): string[] {
  return [join(dir, playbook), '-i', testLab().inventory, '-l', host, '-e', JSON.stringify({ hasvc_name: name, hasvc_seconds: seconds, ...vars })];
}

async function sh(host: string, cmd: string): Promise<string> {
  return (await labExec(host, cmd)).stdout.trim();
}

const running = (host: string) => sh(host, `pgrep -f '^sleep ${seconds}$' >/dev/null && echo yes || echo no`);

let installedAt = false;
beforeAll(async () => {
  buildCli();
  // A small packaged service with a systemd unit; installed only if missing, removed afterwards.
  if ((await sh(SYSTEMD, 'dpkg-query -W -f=\'${Status}\' at 2>/dev/null')) !== 'install ok installed') {
    const r = await labExec(SYSTEMD, 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q at >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q at >/dev/null; }; systemctl stop atd');
    expect(r.exitCode, r.stderr).toBe(0);
    installedAt = true;
  } else await labExec(SYSTEMD, 'systemctl stop atd');
}, 240_000);

afterAll(async () => {
  await labExec(PLAIN, `[ -x /etc/init.d/${name} ] && /etc/init.d/${name} stop; update-rc.d -f ${name} remove >/dev/null 2>&1; rm -f /etc/init.d/${name} /run/${name}.pid; true`);
  await labExec(
    SYSTEMD,
    [
      'systemctl unmask atd',
      `systemctl disable --now ${name}`,
      `rm -f /etc/systemd/system/${name}.service`,
      'systemctl daemon-reload',
      ...(installedAt ? ['DEBIAN_FRONTEND=noninteractive apt-get purge -y -q at >/dev/null 2>&1'] : []),
      'true',
    ].join('; '),
  );
}, 120_000);

describe('service without systemd (init.d script, update-rc.d)', () => {
  it('starts and enables, the handler restarts it once; the second run changes nothing', async () => {
    const { first } = await runTwice(args('sysv.yml', PLAIN));
    expect(first.stdout).toContain(`enable ${name} (update-rc.d defaults, enable)`);
    expect(first.stdout).toContain(`start ${name}`);
    expect(first.stdout).toMatch(/RUNNING HANDLER \[hasvc_sysv : restart hasvc\][^]*changed:.*restart/);
    expect(await running(PLAIN)).toBe('yes');
    expect(await sh(PLAIN, `ls /etc/rc2.d | grep -c 'S..${name}$'`)).toBe('1');
  });

  it('stops and disables it; the second run changes nothing', async () => {
    const { first } = await runTwice(args('sysv.yml', PLAIN, { hasvc_state: 'stopped', hasvc_enabled: false }));
    expect(first.stdout).toContain(`disable ${name} (update-rc.d disable)`);
    expect(first.stdout).toContain(`stop ${name}`);
    expect(await running(PLAIN)).toBe('no');
    expect(await sh(PLAIN, `ls /etc/rc2.d | grep -c 'S..${name}$'`)).toBe('0');
  });

  it('--check says what would change and changes nothing', async () => {
    const r = await runCli([...args('sysv.yml', PLAIN), '--check']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(totals(recapOf(r.stdout), 'changed')).toBeGreaterThan(0);
    expect(r.stdout).toContain(`start ${name}`);
    expect(await running(PLAIN)).toBe('no');
  });

  it('systemd on a host without systemctl fails naming the tool', async () => {
    const r = await runCli([join(dir, 'missing-tool.yml'), '-i', testLab().inventory, '-l', PLAIN]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain(`systemctl is missing on ${PLAIN}`);
  });
});

describe('systemd on a host that booted with it', () => {
  it('installs, daemon-reloads, starts and enables a unit and a packaged service; the second run changes nothing', async () => {
    const { first, second } = await runTwice(args('systemd.yml', SYSTEMD));
    expect(first.stdout).toContain(`enable ${name}.service (wanted by multi-user.target)`);
    expect(first.stdout).toContain(`start ${name}.service`);
    expect(first.stdout).toContain('start atd.service');
    expect(first.stdout).toMatch(/RUNNING HANDLER \[hasvc_unit : restart hasvc\][^]*changed:.*restart/);
    expect(second.stdout).not.toContain('RUNNING HANDLER');
    expect(await sh(SYSTEMD, `systemctl is-active ${name}; systemctl is-enabled ${name}; systemctl is-active atd`)).toBe('active\nenabled\nactive');
  }, 180_000);

  it('stops and disables it, masks the packaged one; the second run changes nothing', async () => {
    const { first } = await runTwice(args('systemd-off.yml', SYSTEMD));
    expect(first.stdout).toContain(`stop ${name}.service`);
    expect(first.stdout).toContain(`disable ${name}.service`);
    expect(first.stdout).toContain('mask atd.service');
    expect(await sh(SYSTEMD, `systemctl is-active ${name}; systemctl is-enabled ${name}; systemctl is-enabled atd`)).toBe('inactive\ndisabled\nmasked');
  }, 120_000);
});
