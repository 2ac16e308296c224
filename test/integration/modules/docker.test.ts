// The docker family against a real Docker engine on the lab host dock1 (docker.io, dockerd under
// systemd), through the real CLI, each playbook twice with changed=0 the second time: an image
// loaded from an archive, one built, a network, a volume and a container left alone on the re-run,
// recreated when its env changes (with the reason), stopped and started; the env secret never on a
// command line; check mode changes nothing; a stopped daemon is a clear failure.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recapOf, runCli, totals } from '../executor/cli.js';
import { busyboxImageArchive } from '../support/busybox-image.js';
import { labExec, testLab } from '../support/lab.js';
import { runTwice } from '../support/run-twice.js';

const HOST = 'dock1';
const SECRET = 'hrt-pass-w0rd-9d1e';
const dir = join(import.meta.dirname, 'fixtures/docker');
let archive = '';
const play = (file: string, ...extra: string[]) => [join(dir, file), '-i', testLab().inventory, '-e', `target=${HOST}`, '-e', `image_tar=${archive}`, ...extra];
const onHost = async (cmd: string) => (await labExec(HOST, cmd)).stdout.trim();
const inspect = (format: string) => onHost(`docker container inspect --format '${format}' hrt-web`);

describe('docker family on a Docker engine host', () => {
  beforeAll(async () => {
    archive = busyboxImageArchive();
    await runCli(play('cleanup.yml'));
  }, 180_000);
  afterAll(async () => {
    await labExec(HOST, 'systemctl start docker');
    await runCli(play('cleanup.yml'));
  }, 120_000);

  it('loads the archive, builds, and starts the container; the re-run leaves it alone', async () => {
    const { first, second } = await runTwice(play('converge.yml'));
    expect(first.stdout).toMatch(/changed: \[dock1\]\s+\(load image ha-run-test\/busybox:1 from \/var\/tmp\/hrt-busybox\.tar\)/);
    expect(first.stdout).toMatch(/\(build image ha-run-test\/greeter:v1 from \/var\/tmp\/hrt-context\)/);
    expect(first.stdout).toMatch(/\(create and start container hrt-web\)/);
    expect(second.stdout).not.toMatch(/recreate/);
    expect(await inspect('{{.State.Status}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}}')).toBe('running unless-stopped 67108864');
    expect(await onHost('docker run --rm ha-run-test/greeter:v1')).toBe('bonjour');
    expect(await inspect('{{index .NetworkSettings.Networks "hrt-net" | json}}')).toMatch(/"Aliases":\["web"/);
    expect(SECRET.length).toBeGreaterThan(0);
    expect(first.stdout + first.stderr).not.toContain(SECRET);
  }, 240_000);

  it('recreates the container when its env changes, naming the variable; the secret is never on a command line', async () => {
    const before = await inspect('{{.Id}}');
    // Watch every process's command line on the host while the task runs.
    const watch = labExec(HOST, 'end=$(( $(date +%s) + 40 )); while [ $(date +%s) -lt $end ]; do ps -eo args; sleep 0.05; done > /var/tmp/hrt-ps.log; echo done');
    const { first } = await runTwice(play('converge.yml', '-e', 'mode=two'));
    await watch;
    expect(first.stdout).toMatch(/changed: \[dock1\]\s+\(recreate container hrt-web: env MODE differs\)/);
    expect(await inspect('{{.Id}}')).not.toBe(before);
    expect(await onHost(`docker exec hrt-web env | grep -c '^MODE=two$'`)).toBe('1');
    expect(await onHost('grep -c "docker container run" /var/tmp/hrt-ps.log || true')).not.toBe('0');
    expect(await onHost(`grep -c '${SECRET}' /var/tmp/hrt-ps.log || true`)).toBe('0');
    await labExec(HOST, 'rm -f /var/tmp/hrt-ps.log');
  }, 240_000);

  it('check mode says what it would change and changes nothing', async () => {
    const r = await runCli(play('converge.yml', '-e', 'mode=three', '--check'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/changed: \[dock1\]\s+\(recreate container hrt-web: env MODE differs\)/);
    expect(await onHost(`docker exec hrt-web env | grep '^MODE='`)).toBe('MODE=two');
  }, 120_000);

  it('stops and starts the container', async () => {
    const { first: stop } = await runTwice(play('converge.yml', '-e', 'mode=two', '-e', 'app_state=stopped'));
    expect(stop.stdout).toMatch(/\(stop container hrt-web\)/);
    expect(await inspect('{{.State.Status}}')).toBe('exited');
    const { first: start } = await runTwice(play('converge.yml', '-e', 'mode=two'));
    expect(start.stdout).toMatch(/\(start container hrt-web\)/);
    expect(await inspect('{{.State.Status}}')).toBe('running');
  }, 240_000);

  it('compares as comparisons says: env_file read on the target, a port range, networks strict', async () => {
    const cmp = (format: string) => onHost(`docker container inspect --format '${format}' hrt-cmp`);
    const { first } = await runTwice(play('compare.yml'));
    expect(first.stdout).toMatch(/\(create and start container hrt-cmp\)/);
    expect(await cmp('{{range $p, $b := .HostConfig.PortBindings}}{{$p}}={{(index $b 0).HostPort}} {{end}}')).toBe('8095/tcp=18095 8096/tcp=18096');
    expect(await onHost(`docker exec hrt-cmp env | grep -c '^MODE=one$'`)).toBe('1');

    const { first: changed } = await runTwice(play('compare.yml', '-e', 'file_mode=two'));
    expect(changed.stdout).toMatch(/changed: \[dock1\]\s+\(recreate container hrt-cmp: env MODE differs\)/);
    expect(changed.stdout + changed.stderr).not.toContain('hrt-tok-5c2a');

    await labExec(HOST, 'docker network connect hrt-net2 hrt-cmp');
    const loose = await runCli(play('compare.yml', '-e', 'file_mode=two'));
    expect(totals(recapOf(loose.stdout), 'changed')).toBe(0);
    const { first: strict } = await runTwice(play('compare.yml', '-e', 'file_mode=two', '-e', '{"comparisons_wanted": {"networks": "strict"}}'));
    expect(strict.stdout).toMatch(/\(disconnect container hrt-cmp from network hrt-net2 \(not in networks\)\)/);
    expect(await cmp('{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{end}}')).toBe('hrt-net');
  }, 300_000);

  it('a stopped daemon is a clear failure', async () => {
    await labExec(HOST, 'systemctl stop docker.socket docker');
    try {
      const r = await runCli(['adhoc', HOST, '-i', testLab().inventory, '-m', 'docker_container_info', '-a', 'name=hrt-web']);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toMatch(/the Docker daemon is not running \(or not reachable\) on this host: .*Is the docker daemon running\?/);
    } finally {
      await labExec(HOST, 'systemctl start docker');
    }
  }, 120_000);

  it('cleans up, twice', async () => {
    const { first } = await runTwice(play('cleanup.yml'));
    expect(first.stdout).toMatch(/\(remove container hrt-web\)/);
    expect(await onHost('docker ps -aq --filter name=hrt- | wc -l; docker image ls -q ha-run-test/* | wc -l')).toBe('0\n0');
  }, 120_000);
});
