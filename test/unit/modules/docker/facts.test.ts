// The docker family's fact parsers, with output recorded from docker 20.10 on the lab host dock1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFact } from '../../../kit/fact-cases.js';
import { imageArchive } from '../../../../src/modules/docker/archive.js';
import { containerInspect, imageInspect, networkInspect, volumeInspect } from '../../../../src/modules/docker/inspect.js';
import { envFileVars } from '../../../../src/modules/docker/docker_container/env-file.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const json = (name: string) => (JSON.parse(recorded(name)) as Record<string, unknown>[])[0]!;
const DAEMON_DOWN = '[]\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';

describeFact(containerInspect, [
  { name: 'a running container', args: 'hrt-c1', stdout: recorded('container-running.json'), expect: json('container-running.json') },
  { name: 'no such container', args: 'nope', stdout: '[]\nError: No such container: nope\n', rc: 1, expect: null },
  { name: 'the daemon is stopped', args: 'hrt-c1', stdout: DAEMON_DOWN, rc: 1, expect: { error: /the Docker daemon is not running.*Cannot connect to the Docker daemon/ } },
  { name: 'another failure', args: 'x', stdout: 'permission denied while trying to connect\n', rc: 1, expect: { error: /docker failed reading the container x: permission denied/ } },
]);

describeFact(imageInspect, [
  { name: 'a loaded image', args: 'ha-run-test/busybox:1', stdout: recorded('image.json'), expect: json('image.json') },
  { name: 'no such image', args: 'nope:1', stdout: 'Error: No such image: nope:1\n[]\n', rc: 1, expect: null },
]);

describeFact(networkInspect, [
  { name: 'a network with a container', args: 'hrt-net', stdout: recorded('network.json'), expect: json('network.json') },
  { name: 'no such network', args: 'nope', stdout: 'Error: No such network: nope\n[]\n', rc: 1, expect: null },
]);

describeFact(volumeInspect, [
  { name: 'a volume', args: 'hrt-vol', stdout: recorded('volume.json'), expect: json('volume.json') },
  { name: 'no such volume', args: 'nope', stdout: '[]\nError: No such volume: nope\n', rc: 1, expect: null },
]);

describeFact(imageArchive, [
  {
    name: 'an archive made by docker save',
    args: '/root/bb.tar',
    stdout: recorded('manifest.json'),
    expect: [{ id: 'sha256:ce9bbb343620373b1c2a03890e3efa0eb47852ff6d1738c0ff4e99a51f6a37f8', tags: ['ha-run-test/busybox:1'] }],
  },
  {
    name: 'an OCI layout archive (docker 25 and later)',
    args: '/root/oci.tar',
    stdout: '[{"Config":"blobs/sha256/ce9bbb343620373b1c2a03890e3efa0eb47852ff6d1738c0ff4e99a51f6a37f8","RepoTags":null,"Layers":[]}]',
    expect: [{ id: 'sha256:ce9bbb343620373b1c2a03890e3efa0eb47852ff6d1738c0ff4e99a51f6a37f8', tags: [] }],
  },
  { name: 'no file there', args: '/root/none.tar', stdout: '', rc: 3, expect: null },
  { name: 'not a tar archive', args: '/etc/hostname', stdout: 'tar: This does not look like a tar archive\n', rc: 2, expect: { error: /\/etc\/hostname is not an image archive made by docker save: tar: This does not look/ } },
]);

describeFact(envFileVars, [
  {
    name: 'an env file: comments, blank lines, quotes kept, = in values',
    args: '/etc/app.env',
    stdout: '# the app\nMODE=one\n\n  URL=http://x/?a=b  \nQUOTED="kept"\n',
    expect: { MODE: 'one', URL: 'http://x/?a=b', QUOTED: '"kept"' },
  },
  { name: 'a line without =', args: '/etc/app.env', stdout: 'MODE=one\nsecretvalue\n', expect: { error: /Invalid line in environment file \/etc\/app.env: line 2 is not VAR=value/ } },
  { name: 'no such file', args: '/nope.env', stdout: 'cat: /nope.env: No such file or directory\n', rc: 1, expect: { error: /env_file \/nope.env cannot be read on the target: cat: \/nope.env: No such file or directory/ } },
]);
