// The docker modules' gather through a replaying connection: a missing docker CLI and a stopped
// daemon fail the task naming them; check mode reports the reason and runs nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerContainerModule } from '../../../../src/modules/docker/docker_container/module.js';
import { dockerContainerInfoModule } from '../../../../src/modules/docker/docker_container_info/module.js';
import { dockerImageInfoModule } from '../../../../src/modules/docker/docker_image_info/module.js';
import { runModule } from '../../../../src/modules/run.js';
import type { ModuleContext } from '../../../../src/modules/types.js';
import { replayConnection, type ReplayConnection, type ToolStub } from '../../../kit/replay-connection.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
let conn: ReplayConnection | undefined;
afterEach(() => conn?.close());

function context(tools: Record<string, ToolStub>): ModuleContext {
  conn = replayConnection(tools);
  return { host: 'replay', conn, check: true, diff: false, vars: {}, render: (t) => t, findFile: (_k, p) => p };
}

const inspect = {
  byArgs: {
    'container inspect -- hrt-c1': { stdout: recorded('container-running.json') },
    'image inspect -- ha-run-test/busybox:1': { stdout: recorded('image.json') },
    '*': { stderr: 'Error: No such object\n', stdout: '[]\n', rc: 1 },
  },
};

describe('docker gather (replayed)', () => {
  it('check mode: the reason names the env variable and nothing runs', async () => {
    const ctx = context({ docker: inspect });
    const r = await runModule(dockerContainerModule, ctx, { name: 'hrt-c1', image: 'ha-run-test/busybox:1', env: { FOO: 'other' } });
    expect(r).toMatchObject({ changed: true, reasons: ['recreate container hrt-c1: env FOO differs'] });
    expect(conn!.toolCalls).toEqual(['docker container inspect -- hrt-c1', 'docker image inspect -- ha-run-test/busybox:1']);
  });

  it('converged: ok, with the container registered', async () => {
    const ctx = context({ docker: inspect });
    const r = await runModule(dockerContainerModule, ctx, { name: 'hrt-c1', image: 'ha-run-test/busybox:1', env: { FOO: 'bar' } });
    expect(r).toMatchObject({ changed: false, container: { Name: '/hrt-c1' } });
  });

  it('a host without the docker CLI: the task fails naming it', async () => {
    const ctx = context({});
    expect(await runModule(dockerContainerModule, ctx, { name: 'x', image: 'y' })).toMatchObject({ failed: true, msg: 'docker is missing on replay: needed to read the Docker container' });
  });

  it('a stopped daemon: the task fails saying so', async () => {
    const ctx = context({ docker: { stdout: '[]\n', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', rc: 1 } });
    expect(await runModule(dockerContainerInfoModule, ctx, { name: 'x' })).toMatchObject({ failed: true, msg: expect.stringMatching(/^the Docker daemon is not running/) });
  });

  it('container info: exists or not', async () => {
    expect(await runModule(dockerContainerInfoModule, context({ docker: inspect }), { name: 'hrt-c1' })).toMatchObject({ changed: false, exists: true, container: { Name: '/hrt-c1' } });
    expect(await runModule(dockerContainerInfoModule, context({ docker: inspect }), { name: 'gone' })).toEqual({ changed: false, exists: false });
  });

  it('image info: only the images that exist', async () => {
    const r = await runModule(dockerImageInfoModule, context({ docker: inspect }), { name: ['ha-run-test/busybox:1', 'gone:1'] });
    expect(r).toMatchObject({ changed: false, images: [{ RepoTags: ['ha-run-test/busybox:1'] }] });
    expect((r.images as unknown[]).length).toBe(1);
  });
});
