// Without a Docker daemon the lab says what to do instead of failing obscurely.
import { afterEach, describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { labUp } from '../../../src/lab/lab-up.js';

const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('lab without a Docker daemon', () => {
  it('fails with lab-docker-down and a hint to start dockerd', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const error = await labUp('test/lab.yml').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(HaRunError);
    expect((error as HaRunError).code).toBe('lab-docker-down');
    expect((error as HaRunError).hint).toContain('dockerd');
  });
});
