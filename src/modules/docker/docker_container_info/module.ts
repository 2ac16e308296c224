// docker_container_info (community.docker): whether a container exists, and its inspect output.
import { probeOf } from '../../kit/probe.js';
import type { ActionModule } from '../../types.js';
import { containerInspect } from '../inspect.js';

export const dockerContainerInfoModule: ActionModule<{ name: string }> = {
  kind: 'action',
  name: 'docker_container_info',
  collection: 'community.docker',
  schema: {
    type: 'object',
    description: 'Reads a Docker container: exists, and container (docker inspect) when it does.',
    additionalProperties: false,
    required: ['name'],
    properties: { name: { type: 'string', description: 'Container name or ID.' } },
  },
  async run(ctx, args) {
    const container = await probeOf(ctx.conn).get(containerInspect, args.name);
    return { changed: false, exists: container !== null, ...(container ? { container } : {}) };
  },
};
