// The packages family against a real Debian host and Debian's mirror: each playbook twice, the
// second run changing nothing; check mode changes nothing; everything installed is removed again.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../executor/cli.js';
import { runTwice } from '../support/run-twice.js';
import { labExec, testLab } from '../support/lab.js';

const HOST = 'node4';
const dir = join(import.meta.dirname, 'fixtures/packages');
const play = (file: string, ...extra: string[]) => [join(dir, file), '-i', testLab().inventory, '-e', `target=${HOST}`, ...extra];
const onHost = async (cmd: string) => (await labExec(HOST, cmd)).stdout;
const allPackages = () => onHost("dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\\n'");
const installed = () => onHost("dpkg-query -W -f='${Package} ${db:Status-Abbrev}\\n' tree hello sl 2>/dev/null | grep ' ii' | cut -d' ' -f1 | sort | tr '\\n' ' '");

describe('packages family on a lab host', () => {
  // A run cut short earlier may have left the packages behind: start from nothing installed.
  let packagesBefore = '';
  beforeAll(async () => {
    await runCli(play('cleanup.yml'));
    packagesBefore = await allPackages();
  }, 60_000);

  it('check mode installs nothing but says what it would do', async () => {
    expect(await installed()).toBe('');
    const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'apt', '-a', 'name=tree,hello', '--check']);
    expect(r.stdout).toMatch(/"install tree [\d.]+-\d+",\s*"install hello/);
    expect(await installed()).toBe('');
  }, 60_000);

  it('converges (apt, package, package_facts, debconf, apt_repository, apt_key), then cleans up, each twice', async () => {
    // The lists count as updated when their directory's mtime moves, which apt-get update does only when
    // the mirror has something new: lists older than the playbook's hour (a lab kept from an earlier day)
    // would be updated by both runs, and the second would report a change whenever Debian published in
    // between (Ansible's apt module judges it the same way). Fresh lists make the first task a no-op.
    await labExec(HOST, 'touch /var/lib/apt/lists');
    const { first } = await runTwice(play('converge.yml'));
    expect(first.stdout).toMatch(/changed: \[node4\]\s+\(install hello 2[^ ]+ from \/tmp\/harun-test-debs\/hello.deb\)/);
    expect(first.stdout).toMatch(/changed: \[node4\]\s+\(install tree [\d.]+-\d+\)/);
    expect(await installed()).toBe('hello sl tree ');
    expect(await onHost('debconf-show harun-test')).toContain('harun-test/colour: blue');
    expect(await onHost('cat /etc/apt/sources.list.d/harun-test-updates.list')).toBe('deb http://deb.debian.org/debian bookworm-updates main\n');
    expect(await onHost('head -1 /etc/apt/trusted.gpg.d/harun-test.asc')).toBe('-----BEGIN PGP PUBLIC KEY BLOCK-----\n');

    const { first: cleanup } = await runTwice(play('cleanup.yml'));
    expect(cleanup.stdout).toMatch(/purge tree/);
    expect(await installed()).toBe('');
    // Nothing left behind: not libncurses6 (sl's dependency), nor anything else.
    expect(await allPackages()).toBe(packagesBefore);
    expect(await onHost('ls /etc/apt/sources.list.d/harun-test-updates.list /etc/apt/trusted.gpg.d/harun-test.asc 2>&1 | grep -c "No such"')).toBe('2\n');
  }, 110_000);

  it('name wildcards install every match and remove them again, each twice', async () => {
    const ours = () => onHost("dpkg-query -W -f='${Package} ${db:Status-Abbrev}\\n' figlet toilet-fonts 2>/dev/null | grep ' ii' | cut -d' ' -f1 | sort | tr '\\n' ' '");
    const { first } = await runTwice(play('wildcards.yml'));
    expect(first.stdout).toMatch(/changed: \[node4\]\s+\(install figlet [^;]+; install toilet-fonts [^)]+\)/);
    expect(await ours()).toBe('figlet toilet-fonts ');
    const { first: gone } = await runTwice(play('wildcards.yml', '-e', 'wanted=absent'));
    expect(gone.stdout).toMatch(/\(purge figlet /);
    expect(await ours()).toBe('');
  }, 400_000);
});
