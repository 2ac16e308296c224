// docker_container's arguments: community.docker's names, aliases and defaults (the options this
// module compares and sets; others are refused by the schema rather than silently ignored).
import type { ArgsSchema } from '../../types.js';

export interface ContainerNetwork {
  name: string;
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  links?: string[];
}

export interface ContainerMount {
  target: string;
  source?: string;
  type?: 'bind' | 'volume' | 'tmpfs';
  read_only?: boolean;
}

export interface Healthcheck {
  test?: string | string[];
  interval?: string | number;
  timeout?: string | number;
  retries?: number;
  start_period?: string | number;
}

export type ContainerState = 'absent' | 'present' | 'stopped' | 'started';

export interface DockerContainerArgs {
  name: string;
  image?: string;
  command?: string | string[];
  entrypoint?: string[];
  env?: Record<string, string | number>;
  env_file?: string;
  published_ports?: string[];
  ports?: string[];
  default_host_ip?: string;
  volumes?: string[];
  mounts?: ContainerMount[];
  networks?: ContainerNetwork[];
  network_mode?: string;
  networks_cli_compatible?: boolean;
  restart_policy?: 'no' | 'on-failure' | 'always' | 'unless-stopped';
  restart_retries?: number;
  privileged?: boolean;
  capabilities?: string[];
  cap_drop?: string[];
  labels?: Record<string, string>;
  healthcheck?: Healthcheck;
  log_driver?: string;
  log_options?: Record<string, string>;
  log_opt?: Record<string, string>;
  memory?: string;
  memory_reservation?: string;
  memory_swap?: string;
  user?: string;
  working_dir?: string;
  hostname?: string;
  state?: ContainerState;
  recreate?: boolean;
  restart?: boolean;
  detach?: boolean;
  keep_volumes?: boolean;
  force_kill?: boolean;
  stop_timeout?: number;
  container_default_behavior?: 'compatibility' | 'no_defaults';
  pull?: boolean;
  comparisons?: Record<string, 'strict' | 'ignore' | 'allow_more_present'>;
  purge_networks?: boolean;
}

const flag = (description: string, defaultValue?: boolean) => ({ type: 'boolean', description, ...(defaultValue === undefined ? {} : { default: defaultValue }) });
const strings = (description: string) => ({ type: 'array', items: { type: 'string' }, description });
const stringMap = (description: string) => ({ type: 'object', additionalProperties: { type: 'string' }, description });
const duration = { type: ['string', 'number'] };

export const dockerContainerSchema: ArgsSchema = {
  type: 'object',
  description: "Manages a Docker container with the target's docker CLI; an existing one is compared option by option and recreated only when a requested option differs.",
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'The container name.' },
    image: { type: 'string', description: 'The image (repo:tag or ID); the container is recreated when the image behind the tag changed.' },
    command: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'The command: a string (split like a shell) or a list.' },
    entrypoint: strings('The entrypoint, a list.'),
    env: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'Environment variables; values travel in a 0600 file, never on a command line.' },
    env_file: { type: 'string', description: 'A file of VAR=value lines on the target, read and merged into env (env wins), compared like env.' },
    published_ports: strings('Ports to publish: "[ip:]host_port:container_port[/proto]", "container_port" or "all" (alias: ports).'),
    ports: strings('Alias of published_ports.'),
    default_host_ip: { type: 'string', default: '0.0.0.0', description: 'The host address of published ports that name none ("" for every IPv4 and IPv6 address).' },
    volumes: strings('Volumes: "/host/path:/path[:ro|rw]", "name:/path[:ro|rw]" or "/path".'),
    mounts: {
      type: 'array',
      description: 'Mounts (--mount).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['target'],
        properties: {
          target: { type: 'string', description: 'Where in the container.' },
          source: { type: 'string', description: 'Host path or volume name.' },
          type: { type: 'string', enum: ['bind', 'volume', 'tmpfs'], default: 'volume', description: 'The kind of mount.' },
          read_only: flag('Mount read-only.'),
        },
      },
    },
    networks: {
      type: 'array',
      description: 'Networks to connect the container to.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', description: 'The network.' },
          aliases: strings('Network-scoped aliases.'),
          ipv4_address: { type: 'string', description: 'A fixed IPv4 address.' },
          ipv6_address: { type: 'string', description: 'A fixed IPv6 address.' },
          links: strings('Links (container[:alias]).'),
        },
      },
    },
    network_mode: { type: 'string', description: 'bridge, host, none, container:NAME or a network name (default: the first of networks).' },
    networks_cli_compatible: flag('true: network_mode defaults to the first of networks (as docker run --network); false: the container starts on the default network and the networks are connected after.', true),
    purge_networks: flag('Disconnect the container from every network not in networks (as comparisons networks: strict).', false),
    comparisons: {
      type: 'object',
      description: "How an existing container is compared, per option ('*' for all): strict, ignore, or allow_more_present (lists, sets and maps: the container may have more).",
      additionalProperties: { type: 'string', enum: ['strict', 'ignore', 'allow_more_present'] },
    },
    restart_policy: { type: 'string', enum: ['no', 'on-failure', 'always', 'unless-stopped'], description: 'The restart policy (changed in place with docker update).' },
    restart_retries: { type: 'integer', description: 'Retries for on-failure.' },
    privileged: flag('Run privileged.'),
    capabilities: strings('Capabilities to add.'),
    cap_drop: strings('Capabilities to drop.'),
    labels: stringMap('Labels.'),
    healthcheck: {
      type: 'object',
      additionalProperties: false,
      description: 'The health check.',
      properties: {
        test: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'A shell command, or ["CMD", ...], ["CMD-SHELL", ...], ["NONE"].' },
        interval: { ...duration, description: 'Time between checks (30s, 1m).' },
        timeout: { ...duration, description: 'Time a check may take.' },
        retries: { type: 'integer', description: 'Failures before unhealthy.' },
        start_period: { ...duration, description: 'Grace time after start.' },
      },
    },
    log_driver: { type: 'string', description: 'The logging driver.' },
    log_options: stringMap('Logging driver options (alias: log_opt).'),
    log_opt: stringMap('Alias of log_options.'),
    memory: { type: 'string', description: 'Memory limit ("512m", "1g"; 0 = none), changed in place with docker update.' },
    memory_reservation: { type: 'string', description: 'Memory soft limit.' },
    memory_swap: { type: 'string', description: 'Memory plus swap limit (-1 = unlimited).' },
    user: { type: 'string', description: 'The user (and group) the command runs as.' },
    working_dir: { type: 'string', description: 'The working directory.' },
    hostname: { type: 'string', description: 'The container host name.' },
    state: { type: 'string', enum: ['absent', 'present', 'stopped', 'started'], default: 'started', description: 'What the container should be.' },
    recreate: flag('Recreate the container even when nothing differs.', false),
    restart: flag('Restart the container (state: started) even when nothing differs.', false),
    detach: flag('Accepted: containers always start detached.', true),
    keep_volumes: flag('Keep anonymous volumes when removing the container.', true),
    force_kill: flag('Kill instead of stop when removing.', false),
    stop_timeout: { type: 'integer', description: 'Seconds to wait for the container to stop.' },
    container_default_behavior: { type: 'string', enum: ['compatibility', 'no_defaults'], default: 'no_defaults', description: 'Accepted: options not given are never compared.' },
    pull: flag('Pull the image on every run (not in check mode); a newer image behind the tag recreates the container. Without it only a missing image is pulled.', false),
  },
  allOf: [
    { description: 'published_ports and ports are aliases: give one', not: { required: ['published_ports', 'ports'] } },
    { description: 'log_options and log_opt are aliases: give one', not: { required: ['log_options', 'log_opt'] } },
  ],
};
