// The system family against real hosts through the CLI: cron (with cron installed by apt), ini_file,
// sysctl, pam_limits and hostname on a plain host, a tmpfs mount on sys1 (which may mount), each
// playbook run twice (the second run changes nothing); then what was written is read back.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, testLab } from '../support/lab.js';
import { runTwice } from '../support/run-twice.js';
import { buildCli, root, runCli } from '../executor/cli.js';

const dir = join(root, 'test/integration/modules/fixtures/system');
const PLAIN = 'node2';
const MOUNTER = 'sys1';
const play = (file: string, ...extra: string[]) => [join(dir, file), '-i', testLab().inventory, '-e', `plain=${PLAIN}`, '-e', `mounter=${MOUNTER}`, ...extra];
const sh = async (host: string, cmd: string) => (await labExec(host, cmd)).stdout;

beforeAll(async () => {
  buildCli();
  await runCli(play('cleanup.yml'));
}, 240_000);

afterAll(async () => {
  const r = await runCli(play('cleanup.yml'));
  expect(r.code, r.stdout).toBe(0);
  expect(await sh(PLAIN, 'cat /etc/hostname; command -v crontab; ls /etc/cron.d')).toBe(`${PLAIN}\ne2scrub_all\n`);
}, 240_000);

describe('system family on lab hosts', () => {
  it('converges and then changes nothing; the files are as Ansible writes them', async () => {
    const { first } = await runTwice(play('converge.yml'));
    expect(first.stdout).toMatch(/changed: \[node2\]\s+\(add job 'hasys backup': 0 3 \* \* \* \/usr\/local\/bin\/hasys-backup.sh > \/dev\/null 2>&1 \(crontab for user "nobody"\)\)/);
    expect(await sh(PLAIN, 'crontab -u nobody -l')).toBe(
      'PATH="/usr/local/bin:/usr/bin:/bin"\n#Ansible: hasys backup\n0 3 * * * /usr/local/bin/hasys-backup.sh > /dev/null 2>&1\n#Ansible: hasys weekly\n#@weekly /usr/local/bin/hasys-weekly.sh\n',
    );
    expect(await sh(PLAIN, 'cat /etc/cron.d/hasys-cleanup; stat -c %a /etc/cron.d/hasys-cleanup')).toBe("#Ansible: hasys cleanup\n*/15 * * * * root find /tmp -name 'hasys-*.tmp' -mmin +60 -delete\n644\n");
    expect(await sh(PLAIN, 'cat /tmp/hasys-it/app.ini; stat -c %a /tmp/hasys-it/app.ini')).toBe('version = 2\n\n[server]\nport = 8080\nbind = 0.0.0.0\n[hosts]\nallow = 10.0.0.1\nallow = 10.0.0.2\n640\n');
    expect(await sh(PLAIN, 'cat /tmp/hasys-it/99-hasys.conf')).toBe('vm.swappiness=10\nnet.ipv4.ip_forward=1\n');
    expect(await sh(PLAIN, 'cat /tmp/hasys-it/limits.conf')).toBe('hasys\tsoft\tnofile\t65535\nhasys\thard\tnofile\t65535\n');
    expect(await sh(PLAIN, 'cat /etc/hostname')).toBe(`hasys-${PLAIN}\n`);
    expect(await sh(MOUNTER, 'cat /tmp/hasys-it/fstab; mountpoint /tmp/hasys-it/scratch')).toBe('hasys-tmpfs /tmp/hasys-it/scratch tmpfs size=1m,mode=0755 0 0\n/tmp/hasys-it/scratch is a mountpoint\n');
  }, 300_000);

  it('check mode on a converged host changes nothing and says so', async () => {
    const r = await runCli(play('converge.yml', '--check'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/node2 +: ok=\d+ +changed=0/);
  }, 120_000);

  it('a missing crontab tool is a failure naming it', async () => {
    // node3 is a plain lab host: no cron package.
    expect(await sh('node3', 'command -v crontab || true'), 'cron is installed on node3').toBe('');
    const r = await runCli(['adhoc', 'node3', '-i', testLab().inventory, '-m', 'cron', '-a', 'name=hasys-x job=true user=nobody']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain('crontab is missing on node3: needed to read the crontab');
  }, 60_000);
});
