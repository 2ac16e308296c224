// docker_image, docker_network and docker_volume plans, with objects recorded on dock1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DockerImageArgs } from '../../../../src/modules/docker/docker_image/schema.js';
import { dockerImageModule } from '../../../../src/modules/docker/docker_image/module.js';
import type { DockerImageFacts } from '../../../../src/modules/docker/docker_image/plan.js';
import { dockerNetworkModule } from '../../../../src/modules/docker/docker_network/module.js';
import type { DockerNetworkArgs } from '../../../../src/modules/docker/docker_network/schema.js';
import { dockerVolumeModule } from '../../../../src/modules/docker/docker_volume/module.js';
import type { DockerVolumeArgs } from '../../../../src/modules/docker/docker_volume/schema.js';
import type { Inspected } from '../../../../src/modules/docker/inspect.js';
import { describePlan } from '../../../kit/plan-cases.js';

const recorded = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as Inspected[])[0]!;
const image = recorded('image.json');
const network = recorded('network.json');
const volume = recorded('volume.json');
const ID = 'sha256:ce9bbb343620373b1c2a03890e3efa0eb47852ff6d1738c0ff4e99a51f6a37f8';
const OTHER = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const archive = [{ id: ID, tags: ['ha-run-test/busybox:1'] }];
const load: DockerImageArgs = { name: 'ha-run-test/busybox', tag: '1', source: 'load', load_path: '/root/bb.tar' };

describePlan<DockerImageArgs, DockerImageFacts>(dockerImageModule, [
  { name: 'already converged: the image is there', args: load, facts: { image, loadArchive: archive }, expect: 'ok' },
  { name: 'missing: load it from the archive', args: load, facts: { image: null, loadArchive: archive }, expect: ['load image ha-run-test/busybox:1 from /root/bb.tar'] },
  { name: 'force_source, the archive holds the same image: nothing to do', args: { ...load, force_source: true }, facts: { image, loadArchive: archive }, expect: 'ok' },
  {
    name: 'force_source, the archive holds another image',
    args: { ...load, force_source: true },
    facts: { image, loadArchive: [{ id: OTHER, tags: ['ha-run-test/busybox:1'] }] },
    expect: ['load image ha-run-test/busybox:1 from /root/bb.tar: the archive holds another image (0123456789ab, now ce9bbb343620)'],
  },
  { name: 'the archive does not hold the name', args: { ...load, name: 'other:2' }, facts: { image: null, loadArchive: archive }, expect: { error: /the archive \/root\/bb.tar does not hold other:2 \(it holds ha-run-test\/busybox:1\)/ } },
  { name: 'no archive at load_path', args: load, facts: { image: null, loadArchive: null }, expect: { error: /\/root\/bb.tar does not exist/ } },
  { name: 'build a missing image', args: { name: 'app:v1', source: 'build', build: { path: '/srv/ctx', args: { V: 1 } } }, facts: { image: null }, expect: ['build image app:v1 from /srv/ctx'] },
  { name: 'build: the image exists', args: { name: 'app:v1', source: 'build', build: { path: '/srv/ctx' } }, facts: { image }, expect: 'ok' },
  { name: 'pull a missing image', args: { name: 'debian', source: 'pull' }, facts: { image: null }, expect: ['pull image debian:latest'] },
  { name: 'local and missing', args: { name: 'nope', source: 'local' }, facts: { image: null }, expect: { error: /Cannot find the image nope:latest locally/ } },
  { name: 'archive_path already holds the image', args: { name: 'ha-run-test/busybox:1', source: 'local', archive_path: '/srv/b.tar' }, facts: { image, savedArchive: archive }, expect: 'ok' },
  { name: 'archive_path missing', args: { name: 'ha-run-test/busybox:1', source: 'local', archive_path: '/srv/b.tar' }, facts: { image, savedArchive: null }, expect: ['save image ha-run-test/busybox:1 to /srv/b.tar (no archive there yet)'] },
  { name: 'absent: remove', args: { name: 'ha-run-test/busybox:1', state: 'absent', force_absent: true }, facts: { image }, expect: ['remove image ha-run-test/busybox:1'] },
  { name: 'absent and gone', args: { name: 'ha-run-test/busybox:1', state: 'absent' }, facts: { image: null }, expect: 'ok' },
]);

describe('docker_image: commands', () => {
  it('build passes the options docker build takes', () => {
    const [c] = dockerImageModule.plan({ name: 'app', tag: 'v1', source: 'build', build: { path: '/srv/ctx/', dockerfile: 'Dockerfile.prod', args: { V: 1 }, nocache: true, target: 'run' } }, { image: null });
    expect(c!.ops).toEqual([{ kind: 'exec', command: "docker image build -f /srv/ctx/Dockerfile.prod --build-arg 'V=1' --no-cache --target run -t app:v1 /srv/ctx/" }]);
  });
});

const net: DockerNetworkArgs = { name: 'hrt-net', connected: ['hrt-c1'], ipam_config: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }] };

describePlan<DockerNetworkArgs, Inspected | null>(dockerNetworkModule, [
  { name: 'already converged: same pool, its container connected', args: net, facts: network, expect: 'ok' },
  { name: 'missing: create it and connect the container', args: net, facts: null, expect: ['create network hrt-net', 'connect container hrt-c1 to network hrt-net'] },
  { name: 'another subnet: recreate', args: { ...net, ipam_config: [{ subnet: '10.9.0.0/24' }] }, facts: network, expect: ['recreate network hrt-net: ipam_config[0] subnet=10.9.0.0/24 not configured', 'connect container hrt-c1 to network hrt-net'] },
  { name: 'a label: recreate', args: { ...net, labels: { tier: 'db' } }, facts: network, expect: [/recreate network hrt-net: labels tier differ/, /connect/] },
  { name: 'without connected, the containers there stay (as in community.docker)', args: { name: 'hrt-net' }, facts: network, expect: 'ok' },
  { name: 'a container connected does not list is disconnected', args: { name: 'hrt-net', connected: ['other'] }, facts: network, expect: ['connect container other to network hrt-net', 'disconnect container hrt-c1 from network hrt-net (not in connected)'] },
  { name: 'appends keeps it', args: { name: 'hrt-net', connected: ['other'], appends: true }, facts: network, expect: ['connect container other to network hrt-net'] },
  { name: 'absent: remove', args: { name: 'hrt-net', state: 'absent', force: true }, facts: network, expect: ['remove network hrt-net'] },
  { name: 'absent and gone', args: { name: 'hrt-net', state: 'absent' }, facts: null, expect: 'ok' },
]);

describePlan<DockerVolumeArgs, Inspected | null>(dockerVolumeModule, [
  { name: 'already converged', args: { name: 'hrt-vol' }, facts: volume, expect: 'ok' },
  { name: 'missing: create', args: { name: 'hrt-vol', labels: { a: 'b' } }, facts: null, expect: ['create volume hrt-vol'] },
  { name: 'a label differs, recreate never (the default)', args: { name: 'hrt-vol', labels: { a: 'b' } }, facts: volume, expect: 'ok' },
  { name: 'a label differs, recreate options-changed', args: { name: 'hrt-vol', labels: { a: 'b' }, recreate: 'options-changed' }, facts: volume, expect: ['recreate volume hrt-vol: labels a differ'] },
  { name: 'recreate always', args: { volume_name: 'hrt-vol', recreate: 'always' }, facts: volume, expect: ['recreate volume hrt-vol: recreate: always'] },
  { name: 'absent', args: { name: 'hrt-vol', state: 'absent' }, facts: volume, expect: ['remove volume hrt-vol'] },
]);
