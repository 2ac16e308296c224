// docker_container (community.docker): a container as the task describes it, with the target's
// docker CLI. Compared option by option with `docker inspect`; recreated only when an option Docker
// cannot change in place differs, and the reason names it.
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { imageRef } from '../image-name.js';
import { containerInspect, imageInspect } from '../inspect.js';
import { planDockerContainer, type DockerContainerFacts } from './plan.js';
import { dockerContainerSchema, type DockerContainerArgs } from './schema.js';

export const dockerContainerModule: DeclarativeModule<DockerContainerArgs, DockerContainerFacts> = {
  kind: 'declarative',
  name: 'docker_container',
  collection: 'community.docker',
  schema: dockerContainerSchema,
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    if (args.image === undefined || args.state === 'absent') return { container: await probe.get(containerInspect, args.name), image: null };
    const [container, image] = await probe.many(ask(containerInspect, args.name), ask(imageInspect, imageRef(args.image).ref));
    return { container, image };
  },
  plan: planDockerContainer,
  result: (_args, facts) => ({ container: facts.container ?? {} }),
};
