// Image caching and build failures, against the real Docker daemon.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { docker } from '../../../src/lab/docker.js';
import { ensureKindImage, ensureLayer, imageExists } from '../../../src/lab/images.js';

describe('lab images', () => {
  it('reuses cached images: asking again returns the same tags without building', async () => {
    const built: string[] = [];
    const first = await ensureKindImage('systemd', (m) => built.push(m));
    const again: string[] = [];
    expect(await ensureKindImage('systemd', (m) => again.push(m))).toBe(first);
    expect(again).toEqual([]);
    expect(await imageExists(first)).toBe(true);
    expect(first).toMatch(/^ha-run-lab\/systemd:[0-9a-f]{16}$/);
  });

  it('a failing build says so with the tail of its log and the full log path', async () => {
    const plain = await ensureKindImage('plain');
    const marker = `marker-${process.pid}-${Date.now()}`;
    const error = await ensureLayer(
      { repository: 'ha-run-lab/test-broken', files: {}, dockerfile: (from) => `FROM ${from}\nRUN echo ${marker} && exit 3\n` },
      plain,
      () => {},
    ).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(HaRunError);
    const failure = error as HaRunError;
    expect(failure.code).toBe('lab-image-build-failed');
    expect(failure.message).toContain(marker);
    const logPath = /full build log: (\S+)/.exec(failure.hint ?? '')?.[1];
    expect(logPath && existsSync(logPath)).toBe(true);
    expect(readFileSync(logPath!, 'utf8')).toContain(marker);
    // Nothing half-built is left tagged.
    const tags = await docker(['images', '-q', 'ha-run-lab/test-broken']);
    expect(tags.stdout.trim()).toBe('');
  });
});
