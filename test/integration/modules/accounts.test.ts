// The accounts family against a real Debian host: users, groups, authorized keys and getent through
// the CLI, each playbook twice (the second run changing nothing), then everything removed again.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../executor/cli.js';
import { runTwice } from '../support/run-twice.js';
import { labExec, testLab } from '../support/lab.js';

const HOST = 'node5';
const dir = join(import.meta.dirname, 'fixtures/accounts');
const play = (file: string, ...extra: string[]) => [join(dir, file), '-i', testLab().inventory, '-e', `target=${HOST}`, ...extra];
const onHost = async (cmd: string) => (await labExec(HOST, cmd)).stdout;
const HASH = '$6$hacctsalt$Yq7Cqx2LkmYkK6nV7rV0bu.pY6wlfMYVjJyhmGnT//vMOByi8ryRqHNal4nW0TnhtN/6WKoowIms7RKXIMvAm0';
const accounts = () => onHost('getent passwd hacct_ann hacct_bob hacct_deploy | cut -d: -f1 | tr "\\n" " "');

describe('accounts family on a lab host', () => {
  // A run cut short earlier may have left accounts behind: start from none.
  beforeAll(async () => {
    await runCli(play('cleanup.yml'));
  }, 60_000);

  it('check mode adds nothing but says what it would do', async () => {
    const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'user', '-a', 'name=hacct_ann uid=4851', '--check']);
    expect(r.stdout).toContain('add user hacct_ann (uid 4851)');
    expect(await accounts()).toBe('');
  }, 30_000);

  it('converges users, groups, keys and getent facts, then removes them, each twice', async () => {
    const { first } = await runTwice(play('converge.yml'));
    expect(first.stdout).toContain('add group hacct_devs (gid 4850)');
    expect(first.stdout).toContain('add user hacct_ann (uid 4851, with a password)');
    expect(first.stdout).toContain('change user hacct_bob: lock the password');
    expect(first.stdout).toMatch(/generate an SSH key \/var\/lib\/hacct_deploy\/\.ssh\/id_ed25519 \(ed25519\)/);
    // getent_passwd is a fact's name, not a secret-looking variable someone chose: its values (homes,
    // shells) do not become secrets masked in every later task's output.
    expect(first.stdout).toContain('ann lives in /home/hacct_ann');
    // The hash is declared secret: never shown, even in a registered result.
    expect(first.stdout).not.toContain(HASH);
    expect(await accounts()).toBe('hacct_ann hacct_bob hacct_deploy ');
    const bobUid = (await onHost('id -u hacct_bob')).trim();
    expect(await onHost('getent passwd hacct_ann hacct_bob | cut -d: -f1,3,5-')).toBe(`hacct_ann:4851::/home/hacct_ann:/bin/bash\nhacct_bob:${bobUid}:Bob Builder:/home/hacct_bob:/bin/sh\n`);
    expect(await onHost('id -nG hacct_bob')).toBe('hacct_bob users hacct_devs\n');
    expect(await onHost('getent shadow hacct_ann hacct_bob | cut -d: -f1,2')).toBe(`hacct_ann:${HASH}\nhacct_bob:!${HASH}\n`);
    const deployKey = (await onHost('cat /var/lib/hacct_deploy/.ssh/id_ed25519.pub')).trim();
    expect(await onHost('cat /home/hacct_ann/.ssh/authorized_keys')).toBe(
      `no-port-forwarding ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHacctIntegration000000000000000000000000001 admin@example\n${deployKey}\n`,
    );
    expect(await onHost('stat -c "%a %U %G" /home/hacct_ann/.ssh /home/hacct_ann/.ssh/authorized_keys /var/lib/hacct_deploy/.ssh/id_ed25519')).toBe(
      '700 hacct_ann hacct_ann\n600 hacct_ann hacct_ann\n600 hacct_deploy hacct_deploy\n',
    );
    expect(await onHost('cat /tmp/hacct_int/facts.txt')).toBe(
      'ann home=/home/hacct_ann shell=/bin/bash\n' +
        'devs gid=4850 members=hacct_ann,hacct_bob\n' +
        `made uids=4851,${bobUid} groups=hacct_devs hacct_devs,users\n` +
        'deploy system=/var/lib/hacct_deploy key file=/var/lib/hacct_deploy/.ssh/id_ed25519\n',
    );

    const { first: cleanup } = await runTwice(play('cleanup.yml'));
    expect(cleanup.stdout).toContain('remove user hacct_ann (with its home)');
    expect(await accounts()).toBe('');
    expect(await onHost('getent group hacct_devs hacct_ops; ls -d /home/hacct_ann /var/lib/hacct_deploy 2>&1 | grep -c "No such"')).toBe('2\n');
  }, 120_000);
});
