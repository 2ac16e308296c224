// docker_image's arguments: community.docker's names and defaults.
import type { ArgsSchema } from '../../types.js';

export interface DockerImageBuild {
  path: string;
  dockerfile?: string;
  args?: Record<string, string | number>;
  pull?: boolean;
  nocache?: boolean;
  rm?: boolean;
  network?: string;
  target?: string;
  platform?: string;
  cache_from?: string[];
  etc_hosts?: Record<string, string>;
}

export interface DockerImageArgs {
  name: string;
  tag?: string;
  source?: 'build' | 'load' | 'pull' | 'local';
  state?: 'present' | 'absent';
  load_path?: string;
  build?: DockerImageBuild;
  pull?: { platform?: string };
  archive_path?: string;
  force_source?: boolean;
  force_absent?: boolean;
  force_tag?: boolean;
}

const flag = (description: string, defaultValue: boolean) => ({ type: 'boolean', default: defaultValue, description });

export const dockerImageSchema: ArgsSchema = {
  type: 'object',
  description: "Builds, loads (from a tar archive) or pulls a Docker image, or removes one, with the target's docker CLI.",
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Image name, with an optional tag (repo:tag), or an image ID.' },
    tag: { type: 'string', default: 'latest', description: 'The tag, when name carries none.' },
    source: { type: 'string', enum: ['build', 'load', 'pull', 'local'], description: 'Where the image comes from when it is missing (or force_source).' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the image should exist.' },
    load_path: { type: 'string', description: 'A tar archive on the target made by `docker save` (source: load).' },
    build: {
      type: 'object',
      additionalProperties: false,
      required: ['path'],
      description: 'How to build the image (source: build).',
      properties: {
        path: { type: 'string', description: 'The build context, a directory on the target.' },
        dockerfile: { type: 'string', description: 'The Dockerfile, relative to path (default Dockerfile).' },
        args: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'Build arguments (--build-arg).' },
        pull: flag('Pull newer base images while building.', false),
        nocache: flag('Do not use the build cache.', false),
        rm: flag('Remove intermediate containers.', true),
        network: { type: 'string', description: 'The network RUN steps use.' },
        target: { type: 'string', description: 'The stage to build.' },
        platform: { type: 'string', description: 'The platform to build for.' },
        cache_from: { type: 'array', items: { type: 'string' }, description: 'Images to use as cache sources.' },
        etc_hosts: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra /etc/hosts entries (--add-host).' },
      },
    },
    pull: {
      type: 'object',
      additionalProperties: false,
      description: 'Options of source: pull.',
      properties: { platform: { type: 'string', description: 'The platform to pull.' } },
    },
    archive_path: { type: 'string', description: 'Also save the image to this tar archive on the target (docker save) unless it already holds it.' },
    force_source: flag('Build, load or pull even when the image exists.', false),
    force_absent: flag('With state: absent, remove the image even when containers or other tags use it (docker rmi -f).', false),
    force_tag: flag('Accepted for compatibility (no push or repository support).', false),
  },
  allOf: [
    { description: 'state is present but source is missing', if: { not: { properties: { state: { const: 'absent' } }, required: ['state'] } }, then: { required: ['source'] } },
    { description: 'source is load but load_path is missing', if: { properties: { source: { const: 'load' } }, required: ['source'] }, then: { required: ['load_path'] } },
    { description: 'source is build but build is missing', if: { properties: { source: { const: 'build' } }, required: ['source'] }, then: { required: ['build'] } },
  ],
};
