// docker_volume's arguments: community.docker's names, aliases and defaults.
import type { ArgsSchema } from '../../types.js';

export interface DockerVolumeArgs {
  name?: string;
  volume_name?: string;
  driver?: string;
  driver_options?: Record<string, string>;
  labels?: Record<string, string>;
  recreate?: 'always' | 'never' | 'options-changed';
  state?: 'present' | 'absent';
}

const stringMap = (description: string) => ({ type: 'object', additionalProperties: { type: 'string' }, description });

export const dockerVolumeSchema: ArgsSchema = {
  type: 'object',
  description: "Manages a Docker volume with the target's docker CLI.",
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'The volume name (alias: volume_name).' },
    volume_name: { type: 'string', description: 'Alias of name.' },
    driver: { type: 'string', default: 'local', description: 'The volume driver.' },
    driver_options: stringMap('Driver options (--opt).'),
    labels: stringMap('Labels.'),
    recreate: { type: 'string', enum: ['always', 'never', 'options-changed'], default: 'never', description: 'When to recreate an existing volume (its data is lost).' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the volume should exist.' },
  },
  allOf: [{ description: 'name is required', anyOf: [{ required: ['name'] }, { required: ['volume_name'] }] }],
};
