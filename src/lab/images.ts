// Builds the lab images locally (no registry is reachable) and caches them: each tag is a hash of
// its build inputs, so an unchanged recipe is never rebuilt.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HaRunError } from '../errors.js';
import { docker, lastLines, runProgram, type CommandResult } from './docker.js';
import { BASE_PACKAGES, DEBIAN_SUITE, layersFor, type LayerRecipe } from './image-recipes.js';
import type { HostKind } from './lab-file.js';
import { withDirLock } from './lock.js';
import { debianMirror } from './mirror.js';
import { logsDir } from './state.js';

/** Bump to force a rebuild when something outside the recipes changes how images are made. */
const RECIPE_VERSION = 1;
const BASE_REPOSITORY = 'ha-run-lab/base';

export interface ImageProgress {
  (message: string): void;
}

/** Returns the image tag for a host kind, building whatever layers are missing. */
export async function ensureKindImage(kind: HostKind, progress: ImageProgress = () => {}): Promise<string> {
  return ensureImage(layersFor(kind), progress);
}

/** The tag of the base image with `layers` on top, building whatever is missing. */
export async function ensureImage(layers: LayerRecipe[], progress: ImageProgress = () => {}): Promise<string> {
  // Two labs coming up at once would otherwise both run debootstrap for the same base.
  return withDirLock(resolve('.ha-run', 'images'), async () => {
    let from = await ensureBaseImage(progress);
    for (const layer of layers) from = await ensureLayer(layer, from, progress);
    return from;
  });
}

async function ensureBaseImage(progress: ImageProgress): Promise<string> {
  const mirror = debianMirror(DEBIAN_SUITE);
  const tag = `${BASE_REPOSITORY}:${hashOf({ RECIPE_VERSION, mirror, suite: DEBIAN_SUITE, packages: BASE_PACKAGES })}`;
  if (await imageExists(tag)) return tag;
  const which = await runProgram('sh', ['-c', 'command -v debootstrap']);
  if (which.exitCode !== 0) {
    throw new HaRunError('lab-debootstrap-missing', 'debootstrap is not installed; the lab builds its Debian base image with it', {
      hint: 'install it with: apt-get install -y debootstrap',
    });
  }
  progress(`building ${tag} with debootstrap from ${mirror} (about a minute)`);
  const log = buildLog(tag);
  const work = mkdtempSync(join(tmpdir(), 'ha-run-lab-rootfs-'));
  try {
    const rootfs = join(work, 'rootfs');
    const bootstrap = await runProgram(
      'debootstrap',
      ['--variant=minbase', `--include=${BASE_PACKAGES.join(',')}`, DEBIAN_SUITE, rootfs, mirror],
      { timeoutMs: 20 * 60_000 },
    );
    log.append('debootstrap', bootstrap);
    if (bootstrap.exitCode !== 0) throw buildFailed(tag, bootstrap, log.path);
    // Packages' postinst scripts made host keys; every lab host must make its own instead.
    const imported = await runProgram('sh', [
      '-c',
      'rm -f "$1"/etc/ssh/ssh_host_* "$1"/var/cache/apt/archives/*.deb && tar -C "$1" -c . | docker import -m "ha-run lab base" - "$2"',
      'sh',
      rootfs,
      tag,
    ]);
    log.append('docker import', imported);
    if (imported.exitCode !== 0) throw buildFailed(tag, imported, log.path);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return tag;
}

export async function ensureLayer(layer: LayerRecipe, from: string, progress: ImageProgress): Promise<string> {
  const dockerfile = layer.dockerfile(from);
  const tag = `${layer.repository}:${hashOf({ RECIPE_VERSION, dockerfile, files: layer.files })}`;
  if (await imageExists(tag)) return tag;
  progress(`building ${tag}`);
  const log = buildLog(tag);
  const context = mkdtempSync(join(tmpdir(), 'ha-run-lab-build-'));
  try {
    writeFileSync(join(context, 'Dockerfile'), dockerfile);
    for (const [name, text] of Object.entries(layer.files)) writeFileSync(join(context, name), text);
    // The classic builder: it uses local images for FROM without asking a registry.
    const built = await docker(['build', '--rm', '--force-rm', '-t', tag, context], {
      env: { DOCKER_BUILDKIT: '0' },
      timeoutMs: 30 * 60_000,
    });
    log.append('docker build', built);
    if (built.exitCode !== 0) throw buildFailed(tag, built, log.path);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  return tag;
}

export async function imageExists(tag: string): Promise<boolean> {
  return (await docker(['image', 'inspect', '--format', '{{.Id}}', tag])).exitCode === 0;
}

function hashOf(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
}

function buildLog(tag: string): { path: string; append(step: string, result: CommandResult): void } {
  const dir = logsDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `build-${tag.replace(/[/:]/g, '-')}.log`);
  writeFileSync(path, '');
  return {
    path,
    append(step, result) {
      writeFileSync(path, `### ${step} (exit ${result.exitCode})\n${result.stdout}\n${result.stderr}\n`, { flag: 'a' });
    },
  };
}

function buildFailed(tag: string, result: CommandResult, logPath: string): HaRunError {
  const tail = lastLines(`${result.stdout}\n${result.stderr}`, 15);
  return new HaRunError('lab-image-build-failed', `building image ${tag} failed (exit ${result.exitCode}):\n${tail}`, {
    hint: `full build log: ${logPath}`,
  });
}
