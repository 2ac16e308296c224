// docker_image_info (community.docker): the inspect output of the named images that exist (all
// images when no name is given).
import { ask } from '../../kit/fact.js';
import type { Fact } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { ActionModule } from '../../types.js';
import { imageRef } from '../image-name.js';
import { DOCKER_CLI, dockerFailure, imageInspect } from '../inspect.js';

/** The IDs of every image on the host. */
const allImageIds: Fact<void, string[]> = {
  name: 'the Docker images',
  requires: DOCKER_CLI,
  script: () => 'docker image ls --quiet --no-trunc 2>&1',
  parse(stdout, _args, rc) {
    if (rc !== 0) throw dockerFailure(stdout, 'the image list');
    return [...new Set(stdout.split('\n').map((l) => l.trim()).filter((l) => l !== ''))];
  },
};

export const dockerImageInfoModule: ActionModule<{ name?: string[] }> = {
  kind: 'action',
  name: 'docker_image_info',
  collection: 'community.docker',
  schema: {
    type: 'object',
    description: 'Reads Docker images: images holds the inspect output of those that exist.',
    additionalProperties: false,
    properties: { name: { type: 'array', items: { type: 'string' }, description: 'Image names (repo:tag) or IDs; all images when absent.' } },
  },
  async run(ctx, args) {
    const probe = probeOf(ctx.conn);
    const names = args.name ?? (await probe.get(allImageIds, undefined));
    const found = await probe.many(...names.map((n) => ask(imageInspect, imageRef(n).ref)));
    return { changed: false, images: found.filter((i) => i !== null) };
  },
};
