// docker_image (community.docker): the image a name:tag stands for, from a build context, a tar
// archive made by `docker save` (the air-gapped way) or a registry, with the target's docker CLI.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { imageArchive } from '../archive.js';
import { imageInspect } from '../inspect.js';
import { planDockerImage, refOf, type DockerImageFacts } from './plan.js';
import { dockerImageSchema, type DockerImageArgs } from './schema.js';

export const dockerImageModule: DeclarativeModule<DockerImageArgs, DockerImageFacts> = {
  kind: 'declarative',
  name: 'docker_image',
  collection: 'community.docker',
  schema: dockerImageSchema,
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const load = args.state !== 'absent' && args.source === 'load' && args.load_path;
    const [image, loadArchive, savedArchive] = await probe.many(
      ask(imageInspect, refOf(args).ref),
      ask(imageArchive, load ? args.load_path! : ''),
      ask(imageArchive, args.archive_path ?? ''),
    );
    return { image, ...(load ? { loadArchive } : {}), ...(args.archive_path ? { savedArchive } : {}) };
  },
  plan: planDockerImage,
  result: (_args, facts, changes) => ({ image: facts.image ?? {}, actions: changes.map((c) => c.summary) }),
};
