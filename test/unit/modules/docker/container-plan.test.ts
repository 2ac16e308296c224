// docker_container's plan against a container recorded with docker inspect on dock1 (hrt-c1: env,
// a published port, a named volume and a read-only bind, a network, restart policy, a capability,
// a label, a health check, json-file logs and a 64m memory limit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerContainerModule } from '../../../../src/modules/docker/docker_container/module.js';
import type { DockerContainerFacts } from '../../../../src/modules/docker/docker_container/plan.js';
import type { DockerContainerArgs } from '../../../../src/modules/docker/docker_container/schema.js';
import type { Inspected } from '../../../../src/modules/docker/inspect.js';
import { describePlan, type PlanCase } from '../../../kit/plan-cases.js';

const recorded = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as Inspected[])[0]!;
const container = recorded('container-running.json');
const image = recorded('image.json');
const stopped: Inspected = { ...container, State: { ...(container.State as object), Running: false, Status: 'exited' } };
const facts: DockerContainerFacts = { container, image };
const withHostConfig = (more: Record<string, unknown>): Inspected => ({ ...container, HostConfig: { ...(container.HostConfig as object), ...more } });

const asRecorded: DockerContainerArgs = {
  name: 'hrt-c1',
  image: 'ha-run-test/busybox:1',
  command: 'sleep 1000',
  env: { FOO: 'bar' },
  published_ports: ['127.0.0.1:18080:80'],
  volumes: ['hrt-vol:/data', '/tmp:/host-tmp:ro'],
  networks: [{ name: 'hrt-net' }],
  restart_policy: 'unless-stopped',
  capabilities: ['net_admin'],
  labels: { app: 'x' },
  healthcheck: { test: 'true', interval: '30s' },
  log_driver: 'json-file',
  log_options: { 'max-size': '1m' },
  memory: '64m',
};

const cases: PlanCase<DockerContainerArgs, DockerContainerFacts>[] = [
  { name: 'already converged: every option as the container has it', args: asRecorded, facts, expect: 'ok' },
  { name: 'only the name and image: nothing else is compared', args: { name: 'hrt-c1', image: 'ha-run-test/busybox:1' }, facts, expect: 'ok' },
  { name: 'the same port on every address is another binding', args: { ...asRecorded, published_ports: ['18080:80'] }, facts, expect: [/^recreate container hrt-c1: published_ports 18080:80 missing$/] },
  { name: 'env differs: recreate naming the variable, never its value', args: { ...asRecorded, env: { FOO: 's3cret' } }, facts, expect: [/^recreate container hrt-c1: env FOO differs$/] },
  { name: 'a new env variable', args: { ...asRecorded, env: { FOO: 'bar', NEW: '1' } }, facts, expect: ['recreate container hrt-c1: env NEW differs'] },
  {
    name: 'the image behind the tag changed',
    args: asRecorded,
    facts: { container, image: { ...image, Id: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' } },
    expect: ['recreate container hrt-c1: image ha-run-test/busybox:1 is now 0123456789ab, the container runs ce9bbb343620'],
  },
  { name: 'the image is not on the host', args: asRecorded, facts: { container, image: null }, expect: [/image ha-run-test\/busybox:1 is not on the host \(it will be pulled\)/] },
  { name: 'command differs', args: { ...asRecorded, command: ['sleep', '5'] }, facts, expect: ['recreate container hrt-c1: command ["sleep","1000"] → ["sleep","5"]'] },
  { name: 'entrypoint set where the image has none', args: { ...asRecorded, entrypoint: ['/bin/sh', '-c'], command: 'sleep 1000' }, facts, expect: [/entrypoint null → \["\/bin\/sh"\]; command \["sleep","1000"\] → \["-c","sleep","1000"\]/] },
  { name: 'a volume read-write where it is read-only', args: { ...asRecorded, volumes: ['/tmp:/host-tmp'] }, facts, expect: [/volume \/host-tmp is read-only/] },
  { name: 'a volume from another source', args: { ...asRecorded, volumes: ['other:/data'] }, facts, expect: [/volume \/data comes from hrt-vol, not other/] },
  { name: 'a capability more', args: { ...asRecorded, capabilities: ['NET_ADMIN', 'SYS_TIME'] }, facts, expect: [/capabilities SYS_TIME missing/] },
  { name: 'label and log option differ, both named', args: { ...asRecorded, labels: { app: 'y' }, log_options: { 'max-size': '2m' } }, facts, expect: ['recreate container hrt-c1: labels app differs; log_options max-size differs'] },
  { name: 'health check interval', args: { ...asRecorded, healthcheck: { test: ['CMD-SHELL', 'true'], interval: '1m' } }, facts, expect: [/healthcheck interval differs/] },
  { name: 'privileged asked', args: { ...asRecorded, privileged: true }, facts, expect: [/privileged false → true/] },
  { name: 'network_mode host', args: { ...asRecorded, networks: undefined, network_mode: 'host' }, facts, expect: [/network_mode hrt-net → host/] },
  { name: 'memory is changed in place', args: { ...asRecorded, memory: '128m' }, facts, expect: ['update container hrt-c1: memory 67108864 → 134217728 bytes'] },
  { name: 'restart policy is changed in place', args: { ...asRecorded, restart_policy: 'always' }, facts, expect: ['update container hrt-c1: restart_policy unless-stopped → always'] },
  { name: 'a second network is connected, not recreated', args: { ...asRecorded, networks: [{ name: 'hrt-net' }, { name: 'other' }] }, facts, expect: ['connect container hrt-c1 to network other (not connected to other)'] },
  { name: 'a new alias on its network reconnects it', args: { ...asRecorded, networks: [{ name: 'hrt-net', aliases: ['web'] }] }, facts, expect: [/reconnect container hrt-c1 to network hrt-net \(network hrt-net: aliases web missing\)/] },
  { name: 'recreate: true', args: { ...asRecorded, recreate: true }, facts, expect: ['recreate container hrt-c1: recreate: true'] },
  { name: 'restart: true', args: { ...asRecorded, restart: true }, facts, expect: ['restart container hrt-c1 (restart: true)'] },
  { name: 'stopped: stop it', args: { name: 'hrt-c1', state: 'stopped' }, facts, expect: ['stop container hrt-c1'] },
  { name: 'stopped and stopped already', args: { name: 'hrt-c1', state: 'stopped' }, facts: { container: stopped, image: null }, expect: 'ok' },
  { name: 'started: start a stopped one', args: { name: 'hrt-c1' }, facts: { container: stopped, image: null }, expect: ['start container hrt-c1'] },
  { name: 'present leaves a stopped one stopped', args: { ...asRecorded, state: 'present' }, facts: { container: stopped, image }, expect: 'ok' },
  { name: 'absent: remove it', args: { name: 'hrt-c1', state: 'absent' }, facts, expect: ['remove container hrt-c1'] },
  { name: 'absent and gone', args: { name: 'hrt-c1', state: 'absent' }, facts: { container: null, image: null }, expect: 'ok' },
  { name: 'missing: create and start', args: asRecorded, facts: { container: null, image }, expect: ['create and start container hrt-c1'] },
  { name: 'missing, present: create only', args: { ...asRecorded, state: 'present' }, facts: { container: null, image }, expect: ['create container hrt-c1'] },
  { name: 'missing without an image', args: { name: 'hrt-c1' }, facts: { container: null, image: null }, expect: { error: /Cannot create container when image is not specified/ } },
  { name: 'a host port range for one container port is refused', args: { ...asRecorded, published_ports: ['8000-8001:80'] }, facts, expect: { error: /the host ports \(2\) and the container ports \(1\) must be as many/ } },
  { name: 'a port range: each port of it missing', args: { ...asRecorded, published_ports: ['127.0.0.1:18080-18081:80-81'] }, facts, expect: ['recreate container hrt-c1: published_ports 127.0.0.1:18080-18081:80-81 missing'] },
  {
    name: 'already converged: a port range the container publishes port by port',
    args: { ...asRecorded, published_ports: ['127.0.0.1:18080-18081:80-81'] },
    facts: { container: withHostConfig({ PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18080' }], '81/tcp': [{ HostIp: '127.0.0.1', HostPort: '18081' }] } }), image },
    expect: 'ok',
  },
  { name: 'a port range that is not one', args: { ...asRecorded, published_ports: ['81-80'] }, facts, expect: { error: /'81-80' is not a port or a port range/ } },
  // comparisons, as community.docker reads them
  { name: 'already converged: strict everywhere on a container with nothing more', args: { ...asRecorded, comparisons: { '*': 'strict' } }, facts, expect: 'ok' },
  { name: 'env strict: a variable the task does not ask for', args: { ...asRecorded, env: {}, comparisons: { env: 'strict' } }, facts, expect: ['recreate container hrt-c1: env FOO not asked for'] },
  { name: 'env strict: the image gives it', args: { ...asRecorded, env: {}, comparisons: { env: 'strict' } }, facts: { container, image: { ...image, Config: { Env: ['FOO=bar'] } } }, expect: 'ok' },
  { name: 'env default (allow_more_present): more is fine', args: { ...asRecorded, env: {} }, facts, expect: 'ok' },
  { name: 'labels strict: a label more', args: { ...asRecorded, labels: {}, comparisons: { labels: 'strict' } }, facts, expect: ['recreate container hrt-c1: labels app not asked for'] },
  { name: 'capabilities strict', args: { ...asRecorded, capabilities: [], comparisons: { capabilities: 'strict' } }, facts, expect: ['recreate container hrt-c1: capabilities NET_ADMIN not asked for'] },
  { name: 'published_ports strict (by its alias ports)', args: { ...asRecorded, published_ports: undefined, ports: [], comparisons: { ports: 'strict' } }, facts, expect: ['recreate container hrt-c1: published_ports 127.0.0.1:18080:80/tcp not asked for'] },
  { name: 'volumes strict: the bind not listed', args: { ...asRecorded, volumes: ['hrt-vol:/data'], comparisons: { volumes: 'strict' } }, facts, expect: ['recreate container hrt-c1: volumes /host-tmp not asked for'] },
  { name: 'log_options strict', args: { ...asRecorded, log_options: {}, comparisons: { log_opt: 'strict' } }, facts, expect: ['recreate container hrt-c1: log_options max-size not asked for'] },
  { name: 'healthcheck strict: an interval not asked', args: { ...asRecorded, healthcheck: { test: 'true' }, comparisons: { healthcheck: 'strict' } }, facts, expect: ['recreate container hrt-c1: healthcheck interval not asked for'] },
  { name: 'command ignored', args: { ...asRecorded, command: 'sleep 5', comparisons: { command: 'ignore' } }, facts, expect: 'ok' },
  { name: 'command allow_more_present: the words in order, more between', args: { ...asRecorded, command: ['sleep'], comparisons: { command: 'allow_more_present' } }, facts, expect: 'ok' },
  { name: "'*': ignore, then one option strict", args: { ...asRecorded, command: 'sleep 5', env: { FOO: 'x' }, comparisons: { '*': 'ignore', env: 'strict' } }, facts, expect: ['recreate container hrt-c1: env FOO differs'] },
  { name: 'image ignored: a new image behind the tag is left alone', args: { ...asRecorded, comparisons: { image: 'ignore' } }, facts: { container, image: { ...image, Id: 'sha256:0123456789abcdef' } }, expect: 'ok' },
  { name: 'stop_timeout is ignored by default', args: { ...asRecorded, stop_timeout: 7 }, facts, expect: 'ok' },
  { name: 'stop_timeout compared when strict', args: { ...asRecorded, stop_timeout: 7, comparisons: { stop_timeout: 'strict' } }, facts, expect: ['recreate container hrt-c1: stop_timeout null → 7'] },
  { name: 'in place too: memory ignored', args: { ...asRecorded, memory: '128m', comparisons: { memory: 'ignore' } }, facts, expect: 'ok' },
  { name: 'an unknown option in comparisons', args: { ...asRecorded, comparisons: { state: 'strict' } }, facts, expect: { error: /Unknown module option 'state' in comparisons dict!/ } },
  { name: 'allow_more_present on a value', args: { ...asRecorded, comparisons: { privileged: 'allow_more_present' } }, facts, expect: { error: /Option 'privileged' is a value and not a set\/list\/dict/ } },
  { name: "'*' cannot allow more", args: { ...asRecorded, comparisons: { '*': 'allow_more_present' } }, facts, expect: { error: /The wildcard can only be used with comparison modes 'strict' and 'ignore'!/ } },
  { name: 'two aliases of one option', args: { ...asRecorded, comparisons: { ports: 'strict', published_ports: 'ignore' } }, facts, expect: { error: /Both 'published_ports' and 'ports' \(aliases of published_ports\)/ } },
  // networks: strict or purge_networks take the container off the networks not listed
  { name: 'networks strict: already converged', args: { ...asRecorded, comparisons: { networks: 'strict' } }, facts, expect: 'ok' },
  {
    name: 'networks strict: leave a network not listed',
    args: { ...asRecorded, network_mode: 'hrt-net', networks: [{ name: 'other' }], comparisons: { networks: 'strict' } },
    facts,
    expect: ['connect container hrt-c1 to network other (not connected to other)', 'disconnect container hrt-c1 from network hrt-net (not in networks)'],
  },
  { name: 'purge_networks with networks: [] leaves them all', args: { ...asRecorded, network_mode: 'hrt-net', networks: [], purge_networks: true }, facts, expect: ['disconnect container hrt-c1 from network hrt-net (not in networks)'] },
  { name: 'networks ignored: a missing network is not connected', args: { ...asRecorded, networks: [{ name: 'hrt-net' }, { name: 'other' }], comparisons: { networks: 'ignore' } }, facts, expect: 'ok' },
  { name: "'*': strict does not touch networks the task does not list", args: { ...asRecorded, networks: undefined, comparisons: { '*': 'strict' } }, facts, expect: 'ok' },
  // env_file: read on the target, merged into env (env wins), compared like env
  { name: 'already converged: env_file gives the variable', args: { ...asRecorded, env: undefined, env_file: '/etc/app.env' }, facts: { ...facts, envFile: { FOO: 'bar' } }, expect: 'ok' },
  { name: "env_file's variable differs", args: { ...asRecorded, env: undefined, env_file: '/etc/app.env' }, facts: { ...facts, envFile: { FOO: 'other' } }, expect: ['recreate container hrt-c1: env FOO differs'] },
  { name: 'env wins over env_file', args: { ...asRecorded, env_file: '/etc/app.env' }, facts: { ...facts, envFile: { FOO: 'other' } }, expect: 'ok' },
  { name: 'a size that is not one', args: { ...asRecorded, memory: 'lots' }, facts, expect: { error: /memory: 'lots' is not a size/ } },
];

describePlan(dockerContainerModule, cases);

describe('docker_container: the commands', () => {
  const plan = (args: DockerContainerArgs, f: DockerContainerFacts = facts) => dockerContainerModule.plan(args, f);

  it('env values travel on stdin into a 0600 file, never on the command line', () => {
    const [change] = plan({ ...asRecorded, env: { FOO: 'bar', DB_PASSWORD: 'hunter2' } }, { container: null, image });
    const op = change!.ops[0]!;
    expect(op.kind).toBe('exec');
    if (op.kind !== 'exec') return;
    expect(op.command).not.toContain('hunter2');
    expect(op.command).toMatch(/^f=\$\(mktemp\) && trap 'rm -f "\$f"' EXIT && cat > "\$f" && docker container run --detach .* --env-file "\$f" ha-run-test\/busybox:1 sleep 1000$/);
    expect(op.stdin).toBe('FOO=bar\nDB_PASSWORD=hunter2\n');
  });

  it('create words for every option, the command after the image', () => {
    const [change] = plan({ ...asRecorded, env: undefined, healthcheck: { test: ['CMD', 'true'], interval: '30s', retries: 3 } }, { container: null, image });
    const op = change!.ops[0]!;
    expect(op.kind === 'exec' && op.command).toBe(
      "docker container run --detach --name hrt-c1 --publish 127.0.0.1:18080:80/tcp --volume hrt-vol:/data --volume /tmp:/host-tmp:ro --network hrt-net --restart unless-stopped --cap-add net_admin --label 'app=x' --health-cmd true --health-interval 30000ms --health-retries 3 --log-driver json-file --log-opt 'max-size=1m' --memory 67108864 ha-run-test/busybox:1 sleep 1000",
    );
  });

  it('recreating stops (with stop_timeout) and removes the old container first', () => {
    const [change] = plan({ ...asRecorded, env: undefined, command: 'sleep 5', stop_timeout: 2 });
    expect(change!.ops.map((o) => (o.kind === 'exec' ? o.command.split(' --')[0] : ''))).toEqual(['docker container stop', 'docker container rm hrt-c1', 'docker container run']);
  });

  it('a port without an address is published on default_host_ip (0.0.0.0 unless given), as community.docker does', () => {
    const words = (extra: Partial<DockerContainerArgs>) => {
      const op = plan({ name: 'p', image: 'ha-run-test/busybox:1', published_ports: ['8080:80', '9000'], ...extra }, { container: null, image })[0]!.ops[0]!;
      return op.kind === 'exec' ? op.command : '';
    };
    expect(words({})).toContain('--publish 0.0.0.0:8080:80/tcp --publish 0.0.0.0::9000/tcp');
    expect(words({ default_host_ip: '' })).toContain('--publish 8080:80/tcp --publish 9000/tcp');
  });

  it('a missing image is pulled before the old container is removed', () => {
    const [change] = plan(asRecorded, { container, image: null });
    expect(change!.ops.map((o) => (o.kind === 'exec' ? o.command.slice(0, 40) : ''))).toEqual([
      'docker image pull ha-run-test/busybox:1',
      'docker container stop hrt-c1',
      'docker container rm hrt-c1',
      expect.stringMatching(/^f=\$\(mktemp\)/),
    ]);
  });

  it('a higher memory limit moves the swap limit with it', () => {
    const [change] = plan({ name: 'hrt-c1', memory: '256m' });
    expect(change!.ops[0]).toEqual({ kind: 'exec', command: 'docker container update --memory 268435456 --memory-swap 536870912 hrt-c1' });
  });

  it('more networks are connected after the container is created on the first', () => {
    const [change] = plan({ name: 'n', image: 'ha-run-test/busybox:1', networks: [{ name: 'a', aliases: ['x'] }, { name: 'b', ipv4_address: '10.1.0.5' }] }, { container: null, image });
    expect(change!.ops.map((o) => (o.kind === 'exec' ? o.command : ''))).toEqual([
      'docker container run --detach --name n --network a --network-alias x ha-run-test/busybox:1',
      'docker network connect --ip 10.1.0.5 b n',
    ]);
  });

  const commands = (change: { ops: { kind: string }[] } | undefined) => change!.ops.map((o) => ((o as { command?: string }).command ?? ''));

  it("env_file's values travel with env on stdin, never as a path or on the command line", () => {
    const [change] = plan({ name: 'e', image: 'ha-run-test/busybox:1', env_file: '/etc/app.env', env: { B: '2' } }, { container: null, image, envFile: { A: 's3cret', B: '1' } });
    const op = change!.ops[0]!;
    expect(op.kind === 'exec' && op.command).not.toMatch(/app\.env|s3cret/);
    expect(op.kind === 'exec' && op.stdin).toBe('A=s3cret\nB=2\n');
  });

  it('a port range is published port by port', () => {
    const [change] = plan({ name: 'r', image: 'ha-run-test/busybox:1', published_ports: ['8000-8001:9000-9001/udp'] }, { container: null, image });
    expect(commands(change)[0]).toContain('--publish 0.0.0.0:8000:9000/udp --publish 0.0.0.0:8001:9001/udp');
  });

  it('networks_cli_compatible false: created on the default network, every listed network connected after; purged, it leaves bridge', () => {
    const args: DockerContainerArgs = { name: 'n', image: 'ha-run-test/busybox:1', networks: [{ name: 'a' }], networks_cli_compatible: false };
    expect(commands(plan(args, { container: null, image })[0])).toEqual(['docker container run --detach --name n ha-run-test/busybox:1', 'docker network connect a n']);
    expect(commands(plan({ ...args, comparisons: { networks: 'strict' } }, { container: null, image })[0])).toEqual([
      'docker container run --detach --name n ha-run-test/busybox:1',
      'docker network connect a n',
      'docker network disconnect bridge n',
    ]);
  });
});

describe('docker_container: --diff', () => {
  it('shows each differing option as the container has it and as asked; env by name only', () => {
    const [change] = dockerContainerModule.plan({ ...asRecorded, env: { FOO: 'hunter2' }, labels: { app: 'y' } }, facts);
    expect(change!.diff).toEqual({
      path: 'container hrt-c1',
      before: 'labels: {"app":"x"}\n',
      after: '# env FOO differs (values not shown)\nlabels: {"app":"y"}\n',
    });
    expect(JSON.stringify(change!.diff)).not.toContain('hunter2');
  });

  it('an in-place update shows its option', () => {
    const [change] = dockerContainerModule.plan({ name: 'hrt-c1', restart_policy: 'always' }, facts);
    expect(change!.diff).toEqual({ path: 'container hrt-c1', before: 'restart_policy: {"Name":"unless-stopped","MaximumRetryCount":0}\n', after: 'restart_policy: {"policy":"always"}\n' });
  });
});

describe('docker_container: pull: true', () => {
  const prelude = (args: DockerContainerArgs) => (dockerContainerModule.prelude?.(args) ?? []).map((c) => [c.summary, ...c.ops.map((o) => (o.kind === 'exec' ? o.command : ''))]);

  it('pulls the tag before gathering, so a newer image shows as an image difference', () => {
    expect(prelude({ name: 'p', image: 'nginx:1.25', pull: true })).toEqual([['pull image nginx:1.25', 'docker image pull nginx:1.25']]);
  });

  it('pulls nothing without pull, for state absent, or for an image ID', () => {
    expect(prelude({ name: 'p', image: 'nginx:1.25' })).toEqual([]);
    expect(prelude({ name: 'p', image: 'nginx:1.25', pull: true, state: 'absent' })).toEqual([]);
    expect(prelude({ name: 'p', image: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', pull: true })).toEqual([]);
  });
});
