// docker_network (community.docker): a Docker network, with the target's docker CLI.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { networkInspect, type Inspected } from '../inspect.js';
import { networkName, planDockerNetwork } from './plan.js';
import { dockerNetworkSchema, type DockerNetworkArgs } from './schema.js';

export const dockerNetworkModule: DeclarativeModule<DockerNetworkArgs, Inspected | null> = {
  kind: 'declarative',
  name: 'docker_network',
  collection: 'community.docker',
  schema: dockerNetworkSchema,
  gather: (ctx, args) => probeOf(ctx.conn).get(networkInspect, networkName(args)),
  plan: planDockerNetwork,
  result: (args, net) => (args.state === 'absent' ? {} : { network: net ?? {} }),
};
