// docker_volume (community.docker): a Docker volume, with the target's docker CLI.
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule } from '../../types.js';
import { volumeInspect, type Inspected } from '../inspect.js';
import { planDockerVolume, volumeName } from './plan.js';
import { dockerVolumeSchema, type DockerVolumeArgs } from './schema.js';

export const dockerVolumeModule: DeclarativeModule<DockerVolumeArgs, Inspected | null> = {
  kind: 'declarative',
  name: 'docker_volume',
  collection: 'community.docker',
  schema: dockerVolumeSchema,
  gather: (ctx, args) => probeOf(ctx.conn).get(volumeInspect, volumeName(args)),
  plan: planDockerVolume,
  result: (args, vol) => (args.state === 'absent' ? {} : { volume: vol ?? {} }),
};
