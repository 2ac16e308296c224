// docker_container (community.docker): a container as the task describes it, with the target's
// docker CLI. Compared option by option with `docker inspect`; recreated only when an option Docker
// cannot change in place differs, and the reason names it.
import { dockerOp } from '../command.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { imageRef } from '../image-name.js';
import { containerInspect, imageInspect, type Inspected } from '../inspect.js';
import { envFileVars } from './env-file.js';
import { planDockerContainer, type DockerContainerFacts } from './plan.js';
import { dockerContainerSchema, type DockerContainerArgs } from './schema.js';

export const dockerContainerModule: DeclarativeModule<DockerContainerArgs, DockerContainerFacts> = {
  kind: 'declarative',
  name: 'docker_container',
  collection: 'community.docker',
  schema: dockerContainerSchema,
  // pull: true fetches the tag first (no change by itself): a newer image then shows as an image difference.
  prelude: (args) => (args.pull && args.image !== undefined && args.state !== 'absent' && !imageRef(args.image).isId ? [{ summary: `pull image ${imageRef(args.image).ref}`, ops: [dockerOp('image', 'pull', imageRef(args.image).ref)] }] : []),
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.state === 'absent') return { container: await probe.get(containerInspect, args.name), image: null };
    // One round trip: the container, the image the task names, and env_file's variables.
    const image = args.image === undefined ? [] : [ask(imageInspect, imageRef(args.image).ref)];
    const envFile = args.env_file === undefined ? [] : [ask(envFileVars, args.env_file)];
    const [container, ...rest] = (await probe.many(ask(containerInspect, args.name), ...image, ...envFile)) as unknown[];
    return {
      container: container as Inspected | null,
      image: image.length ? (rest[0] as Inspected | null) : null,
      ...(envFile.length ? { envFile: rest[image.length] as Record<string, string> } : {}),
    };
  },
  plan: planDockerContainer,
  result: (_args, facts) => ({ container: facts.container ?? {} }),
};
