// docker_image's pure plan: remove, or get the image from its source when it is missing (or
// force_source and the source would give another image), then save it to archive_path unless
// that archive already holds it.
import { ModuleFailure, missingNow } from '../../failure.js';
import type { Change } from '../../types.js';
import { archivedId, type ArchivedImage } from '../archive.js';
import { dockerOp } from '../command.js';
import { imageRef, type ImageRef } from '../image-name.js';
import type { Inspected } from '../inspect.js';
import type { DockerImageArgs, DockerImageBuild } from './schema.js';

export interface DockerImageFacts {
  image: Inspected | null;
  /** The archive at load_path (source: load). */
  loadArchive?: ArchivedImage[] | null;
  /** The archive at archive_path. */
  savedArchive?: ArchivedImage[] | null;
}

export function refOf(args: DockerImageArgs): ImageRef {
  return imageRef(args.name, args.tag);
}

export function planDockerImage(args: DockerImageArgs, facts: DockerImageFacts): Change[] {
  const ref = refOf(args);
  if (args.state === 'absent') {
    if (!facts.image) return [];
    return [{ summary: `remove image ${ref.ref}`, ops: [dockerOp('image', 'rm', ...(args.force_absent ? ['-f'] : []), ref.ref)] }];
  }
  const changes: Change[] = [];
  const source = sourceChange(args, ref, facts);
  if (source) changes.push(source.change);
  const id = source ? source.id : (facts.image?.Id as string | undefined);
  if (args.archive_path) {
    const saved = facts.savedArchive ? archivedId(facts.savedArchive, ref.ref, ref.isId) : undefined;
    if (id === undefined || saved !== id) {
      const why = !facts.savedArchive ? 'no archive there yet' : saved ? `it holds another ${ref.ref} (${saved.slice(7, 19)})` : `it does not hold ${ref.ref}`;
      changes.push({ summary: `save image ${ref.ref} to ${args.archive_path} (${why})`, ops: [dockerOp('image', 'save', '-o', args.archive_path, ref.ref)] });
    }
  }
  return changes;
}

/** The change that gets the image, and the ID it will have when known in advance (load). */
function sourceChange(args: DockerImageArgs, ref: ImageRef, facts: DockerImageFacts): { change: Change; id?: string } | undefined {
  const have = facts.image?.Id as string | undefined;
  if (have && !args.force_source) return undefined;
  const again = have ? ' (force_source)' : '';
  switch (args.source) {
    case 'local':
      if (!have) throw missingNow(`Cannot find the image ${ref.ref} locally`);
      return undefined;
    case 'load': {
      const path = args.load_path!;
      if (!facts.loadArchive) throw missingNow(`Error loading image ${ref.ref}: ${path} does not exist`);
      const id = archivedId(facts.loadArchive, ref.ref, ref.isId);
      const held = facts.loadArchive.flatMap((i) => i.tags);
      if (!id) throw new ModuleFailure(`the archive ${path} does not hold ${ref.ref} (it holds ${held.join(', ') || 'untagged images only'})`);
      if (id === have) return undefined;
      const summary = have ? `load image ${ref.ref} from ${path}: the archive holds another image (${id.slice(7, 19)}, now ${have.slice(7, 19)})` : `load image ${ref.ref} from ${path}`;
      return { change: { summary, ops: [dockerOp('image', 'load', '-i', path)] }, id };
    }
    case 'build': {
      if (ref.isId) throw new ModuleFailure(`Image name must not be an image ID for source=build; got: ${args.name}`);
      const build = args.build!;
      return { change: { summary: `build image ${ref.ref} from ${build.path}${again}`, ops: [dockerOp('image', 'build', ...buildOptions(build), '-t', ref.ref, build.path)] } };
    }
    case 'pull':
      if (ref.isId) throw new ModuleFailure(`Image name must not be an image ID for source=pull; got: ${args.name}`);
      return { change: { summary: `pull image ${ref.ref}${again}`, ops: [dockerOp('image', 'pull', ...(args.pull?.platform ? ['--platform', args.pull.platform] : []), ref.ref)] } };
    default:
      throw new ModuleFailure(`state is present but source is missing`);
  }
}

function buildOptions(build: DockerImageBuild): string[] {
  const out: string[] = [];
  if (build.dockerfile) out.push('-f', build.dockerfile.startsWith('/') ? build.dockerfile : `${build.path.replace(/\/+$/, '')}/${build.dockerfile}`);
  for (const [k, v] of Object.entries(build.args ?? {})) out.push('--build-arg', `${k}=${v}`);
  if (build.pull) out.push('--pull');
  if (build.nocache) out.push('--no-cache');
  if (build.rm === false) out.push('--rm=false');
  if (build.network) out.push('--network', build.network);
  if (build.target) out.push('--target', build.target);
  if (build.platform) out.push('--platform', build.platform);
  for (const c of build.cache_from ?? []) out.push('--cache-from', c);
  for (const [host, ip] of Object.entries(build.etc_hosts ?? {})) out.push('--add-host', `${host}:${ip}`);
  return out;
}
