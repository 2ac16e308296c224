// docker_network's arguments: community.docker's names, aliases and defaults.
import type { ArgsSchema } from '../../types.js';

export interface IpamConfig {
  subnet?: string;
  gateway?: string;
  iprange?: string;
  aux_addresses?: Record<string, string>;
}

export interface DockerNetworkArgs {
  name: string;
  network_name?: string;
  driver?: string;
  driver_options?: Record<string, string>;
  ipam_driver?: string;
  ipam_driver_options?: Record<string, string>;
  ipam_config?: IpamConfig[];
  internal?: boolean;
  attachable?: boolean;
  enable_ipv6?: boolean;
  scope?: 'local' | 'global' | 'swarm';
  labels?: Record<string, string>;
  connected?: string[];
  containers?: string[];
  appends?: boolean;
  force?: boolean;
  state?: 'present' | 'absent';
}

const stringMap = (description: string) => ({ type: 'object', additionalProperties: { type: 'string' }, description });

export const dockerNetworkSchema: ArgsSchema = {
  type: 'object',
  description: "Manages a Docker network with the target's docker CLI; recreated when a requested option differs.",
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'The network name (alias: network_name).' },
    network_name: { type: 'string', description: 'Alias of name.' },
    driver: { type: 'string', default: 'bridge', description: 'The network driver.' },
    driver_options: stringMap('Driver options (--opt).'),
    ipam_driver: { type: 'string', description: 'The IPAM driver.' },
    ipam_driver_options: stringMap('IPAM driver options.'),
    ipam_config: {
      type: 'array',
      description: 'Address pools.',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          subnet: { type: 'string', description: 'Subnet in CIDR form.' },
          gateway: { type: 'string', description: 'The gateway address.' },
          iprange: { type: 'string', description: 'The range containers get addresses from.' },
          aux_addresses: stringMap('Auxiliary addresses.'),
        },
      },
    },
    internal: { type: 'boolean', description: 'No access to outside networks.' },
    attachable: { type: 'boolean', description: 'Containers can attach to it by hand (swarm).' },
    enable_ipv6: { type: 'boolean', description: 'Enable IPv6.' },
    scope: { type: 'string', enum: ['local', 'global', 'swarm'], description: 'The network scope.' },
    labels: stringMap('Labels.'),
    connected: { type: 'array', items: { type: 'string' }, default: [], description: 'Containers to connect (alias: containers); when given, others are disconnected unless appends.' },
    containers: { type: 'array', items: { type: 'string' }, description: 'Alias of connected.' },
    appends: { type: 'boolean', default: false, description: 'Keep containers connected that connected does not list.' },
    force: { type: 'boolean', default: false, description: 'Recreate the network (present) or disconnect its containers before removing it (absent).' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the network should exist.' },
  },
  allOf: [{ description: 'name is required', anyOf: [{ required: ['name'] }, { required: ['network_name'] }] }],
};
