// The container options this module sets and compares, one entry each: whether the task gives it,
// why the existing container differs (a reason naming the option, never a secret value), and the
// `docker create` words for it. Options Docker can change in place (`docker update`) say so.
// Lists and maps are compared as community.docker does by default: the container may have more
// (the image's own env and labels, for example), but must have everything asked.
import { shlexSplit } from '../../../util/shlex.js';
import { ModuleFailure } from '../../failure.js';
import type { Inspected } from '../inspect.js';
import { differingKeys, keyValueWords } from '../key-values.js';
import { bytesOf, nanosOf } from '../units.js';
import { isPublished, parsePublishedPort, publishArg } from './ports.js';
import type { DockerContainerArgs, Healthcheck } from './schema.js';
import { mountArg, mountDifference, parseVolume, volumeDifference } from './volumes.js';

export interface ContainerOption {
  name: string;
  /** Changed with `docker update` on the existing container instead of recreating it. */
  inPlace?: boolean;
  /** Where `docker inspect` shows it (for --diff). */
  field: string;
  /** Its values are not shown in --diff (env: often secrets). */
  hidden?: boolean;
  /** What the task asks, as --diff shows it (default: the argument of the same name). */
  asked?(a: DockerContainerArgs): unknown;
  given(a: DockerContainerArgs): boolean;
  /** Why the container differs, or undefined. */
  differs(a: DockerContainerArgs, c: Inspected): string | undefined;
  /** Words for `docker create`/`run` (or `docker update` when inPlace). */
  words(a: DockerContainerArgs): string[];
}

/** A value at a dotted path of the inspect output. */
export function at(c: Inspected, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), c);
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const shown = (v: unknown) => JSON.stringify(v ?? null);

/** The command as a list: a string is split like a shell line, as community.docker does. */
export function commandWords(command: string | string[] | undefined): string[] {
  if (command === undefined) return [];
  return typeof command === 'string' ? shlexSplit(command) : command;
}

/** Entrypoint and command as Docker stores them: the CLI takes one entrypoint word, the rest leads the command. */
function wantedCmd(a: DockerContainerArgs): string[] {
  return [...(a.entrypoint?.slice(1) ?? []), ...commandWords(a.command)];
}

export function envLines(a: DockerContainerArgs): string[] {
  return Object.entries(a.env ?? {}).map(([k, v]) => {
    const value = String(v);
    if (/[\n\r\0]/.test(value) || /[=\s]/.test(k)) throw new ModuleFailure(`env ${k}: names cannot hold '=' or spaces, values cannot hold line breaks`);
    return `${k}=${value}`;
  });
}

function capName(c: string): string {
  return c.toUpperCase().replace(/^CAP_/, '');
}

function missingFrom(wanted: string[], have: unknown): string[] {
  const present = new Set(list(have).map(capName));
  return wanted.filter((w) => !present.has(capName(w)));
}

function mapDifference(option: string, wanted: Record<string, string> | undefined, have: unknown): string | undefined {
  const differ = differingKeys(wanted, have);
  return differ.length ? `${option} ${differ.join(', ')} differ${differ.length === 1 ? 's' : ''}` : undefined;
}

export function logOptions(a: DockerContainerArgs): Record<string, string> | undefined {
  return a.log_options ?? a.log_opt;
}

export function publishedPorts(a: DockerContainerArgs): string[] | undefined {
  return a.published_ports ?? a.ports;
}

/** network_mode, or the first of networks when only they are given (community.docker's default). */
export function networkMode(a: DockerContainerArgs): string | undefined {
  return a.network_mode ?? a.networks?.[0]?.name;
}

/** Healthcheck test as Docker stores it; a CMD list becomes one shell line, as the CLI can only give CMD-SHELL. */
function healthTest(h: Healthcheck): string[] | undefined {
  if (h.test === undefined) return undefined;
  const t = typeof h.test === 'string' ? ['CMD-SHELL', h.test] : h.test;
  if (t[0] === 'CMD') return ['CMD-SHELL', t.slice(1).map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ')];
  return t;
}

const HEALTH_TIMES = [
  ['interval', 'Interval', '--health-interval'],
  ['timeout', 'Timeout', '--health-timeout'],
  ['start_period', 'StartPeriod', '--health-start-period'],
] as const;

function healthDifference(h: Healthcheck, c: Inspected): string | undefined {
  const have = (at(c, 'Config.Healthcheck') ?? {}) as Record<string, unknown>;
  const test = healthTest(h);
  if (test && test[0] === 'NONE') return list(have.Test)[0] === 'NONE' ? undefined : 'healthcheck is not disabled';
  if (test && !same(test, list(have.Test))) return 'healthcheck test differs';
  for (const [key, field] of HEALTH_TIMES) {
    const v = h[key];
    if (v !== undefined && nanosOf(v, `healthcheck.${key}`) !== Number(have[field] ?? 0)) return `healthcheck ${key} differs`;
  }
  if (h.retries !== undefined && h.retries !== Number(have.Retries ?? 0)) return 'healthcheck retries differs';
  return undefined;
}

function healthWords(h: Healthcheck): string[] {
  const test = healthTest(h);
  if (test?.[0] === 'NONE') return ['--no-healthcheck'];
  const out = test ? ['--health-cmd', test.slice(1).join(' ')] : [];
  for (const [key, , flag] of HEALTH_TIMES) {
    const v = h[key];
    if (v !== undefined) out.push(flag, `${nanosOf(v, `healthcheck.${key}`) / 1e6}ms`);
  }
  if (h.retries !== undefined) out.push('--health-retries', String(h.retries));
  return out;
}

function restartName(v: unknown): string {
  return !v || v === 'no' ? 'no' : String(v);
}

function sizeOption(name: 'memory' | 'memory_reservation' | 'memory_swap', field: string, flag: string): ContainerOption {
  return {
    name,
    field: `HostConfig.${field}`,
    inPlace: true,
    given: (a) => a[name] !== undefined,
    differs(a, c) {
      const want = bytesOf(a[name]!, name);
      const have = Number(at(c, `HostConfig.${field}`) ?? 0);
      return want === have ? undefined : `${name} ${have} → ${want} bytes`;
    },
    words: (a) => [flag, String(bytesOf(a[name]!, name))],
  };
}

function textOption(name: 'user' | 'working_dir' | 'hostname', field: string, flag: string): ContainerOption {
  return {
    name,
    field,
    given: (a) => a[name] !== undefined,
    differs: (a, c) => (String(at(c, field) ?? '') === a[name] ? undefined : `${name} ${shown(at(c, field))} → ${shown(a[name])}`),
    words: (a) => [flag, a[name]!],
  };
}

export const CONTAINER_OPTIONS: readonly ContainerOption[] = [
  {
    name: 'entrypoint',
    field: 'Config.Entrypoint',
    given: (a) => a.entrypoint !== undefined,
    differs: (a, c) => (same(a.entrypoint!.slice(0, 1), list(at(c, 'Config.Entrypoint'))) ? undefined : `entrypoint ${shown(at(c, 'Config.Entrypoint'))} → ${shown(a.entrypoint!.slice(0, 1))}`),
    words: (a) => ['--entrypoint', a.entrypoint![0] ?? ''],
  },
  {
    name: 'command',
    field: 'Config.Cmd',
    asked: wantedCmd,
    given: (a) => a.command !== undefined || (a.entrypoint?.length ?? 0) > 1,
    differs: (a, c) => (same(wantedCmd(a), list(at(c, 'Config.Cmd'))) ? undefined : `command ${shown(at(c, 'Config.Cmd'))} → ${shown(wantedCmd(a))}`),
    // The command goes after the image: see createWords.
    words: () => [],
  },
  {
    name: 'env',
    field: 'Config.Env',
    hidden: true,
    given: (a) => a.env !== undefined,
    differs(a, c) {
      const have = new Set(list(at(c, 'Config.Env')));
      const differ = envLines(a).filter((l) => !have.has(l)).map((l) => l.slice(0, l.indexOf('=')));
      // Names only: env values are often secrets.
      return differ.length ? `env ${differ.join(', ')} differ${differ.length === 1 ? 's' : ''}` : undefined;
    },
    // Values go in an env file (see command.ts), never on the command line.
    words: () => [],
  },
  {
    name: 'env_file',
    field: '',
    given: (a) => a.env_file !== undefined,
    differs: () => undefined,
    words: (a) => ['--env-file', a.env_file!],
  },
  {
    name: 'published_ports',
    field: 'HostConfig.PortBindings',
    asked: publishedPorts,
    given: (a) => publishedPorts(a) !== undefined,
    differs(a, c) {
      const specs = publishedPorts(a)!;
      if (specs.includes('all') && at(c, 'HostConfig.PublishAllPorts') !== true) return 'published_ports: all ports are not published';
      const missing = specs.filter((s) => s !== 'all' && !isPublished(parsePublishedPort(s), at(c, 'HostConfig.PortBindings') as never));
      return missing.length ? `published_ports ${missing.join(', ')} missing` : undefined;
    },
    words: (a) =>
      publishedPorts(a)!.flatMap((s) => {
        if (s === 'all') return ['--publish-all'];
        const b = parsePublishedPort(s);
        return ['--publish', publishArg({ ...b, hostIp: b.hostIp || (a.default_host_ip ?? '0.0.0.0') })];
      }),
  },
  {
    name: 'volumes',
    field: 'Mounts',
    given: (a) => a.volumes !== undefined,
    differs: (a, c) => a.volumes!.map((v) => volumeDifference(parseVolume(v), at(c, 'Mounts') as never)).find((d) => d !== undefined),
    words: (a) => a.volumes!.flatMap((v) => ['--volume', v]),
  },
  {
    name: 'mounts',
    field: 'HostConfig.Mounts',
    given: (a) => a.mounts !== undefined,
    differs: (a, c) => a.mounts!.map((m) => mountDifference(m, at(c, 'HostConfig.Mounts') as never)).find((d) => d !== undefined),
    words: (a) => a.mounts!.flatMap((m) => ['--mount', mountArg(m)]),
  },
  {
    name: 'network_mode',
    field: 'HostConfig.NetworkMode',
    asked: networkMode,
    given: (a) => networkMode(a) !== undefined,
    differs(a, c) {
      const norm = (m: unknown) => (!m || m === 'default' ? 'bridge' : String(m));
      return norm(networkMode(a)) === norm(at(c, 'HostConfig.NetworkMode')) ? undefined : `network_mode ${norm(at(c, 'HostConfig.NetworkMode'))} → ${networkMode(a)}`;
    },
    words: (a) => ['--network', networkMode(a)!],
  },
  {
    name: 'restart_policy',
    field: 'HostConfig.RestartPolicy',
    asked: (a) => ({ policy: a.restart_policy, retries: a.restart_retries }),
    inPlace: true,
    given: (a) => a.restart_policy !== undefined || a.restart_retries !== undefined,
    differs(a, c) {
      const want = a.restart_policy ?? restartName(at(c, 'HostConfig.RestartPolicy.Name'));
      const have = restartName(at(c, 'HostConfig.RestartPolicy.Name'));
      if (want !== have) return `restart_policy ${have} → ${want}`;
      const retries = Number(at(c, 'HostConfig.RestartPolicy.MaximumRetryCount') ?? 0);
      if (a.restart_retries !== undefined && a.restart_retries !== retries) return `restart_retries ${retries} → ${a.restart_retries}`;
      return undefined;
    },
    words: (a) => ['--restart', `${a.restart_policy ?? 'on-failure'}${a.restart_retries !== undefined && (a.restart_policy ?? 'on-failure') === 'on-failure' ? `:${a.restart_retries}` : ''}`],
  },
  {
    name: 'privileged',
    field: 'HostConfig.Privileged',
    given: (a) => a.privileged !== undefined,
    differs: (a, c) => (Boolean(at(c, 'HostConfig.Privileged')) === a.privileged ? undefined : `privileged ${!a.privileged} → ${a.privileged}`),
    words: (a) => (a.privileged ? ['--privileged'] : []),
  },
  {
    name: 'capabilities',
    field: 'HostConfig.CapAdd',
    given: (a) => a.capabilities !== undefined,
    differs(a, c) {
      const missing = missingFrom(a.capabilities!, at(c, 'HostConfig.CapAdd'));
      return missing.length ? `capabilities ${missing.join(', ')} missing` : undefined;
    },
    words: (a) => a.capabilities!.flatMap((cap) => ['--cap-add', cap]),
  },
  {
    name: 'cap_drop',
    field: 'HostConfig.CapDrop',
    given: (a) => a.cap_drop !== undefined,
    differs(a, c) {
      const missing = missingFrom(a.cap_drop!, at(c, 'HostConfig.CapDrop'));
      return missing.length ? `cap_drop ${missing.join(', ')} not dropped` : undefined;
    },
    words: (a) => a.cap_drop!.flatMap((cap) => ['--cap-drop', cap]),
  },
  {
    name: 'labels',
    field: 'Config.Labels',
    given: (a) => a.labels !== undefined,
    differs: (a, c) => mapDifference('labels', a.labels, at(c, 'Config.Labels')),
    words: (a) => keyValueWords('--label', a.labels),
  },
  {
    name: 'healthcheck',
    field: 'Config.Healthcheck',
    given: (a) => a.healthcheck !== undefined,
    differs: (a, c) => healthDifference(a.healthcheck!, c),
    words: (a) => healthWords(a.healthcheck!),
  },
  {
    name: 'log_driver',
    field: 'HostConfig.LogConfig.Type',
    given: (a) => a.log_driver !== undefined,
    differs: (a, c) => (at(c, 'HostConfig.LogConfig.Type') === a.log_driver ? undefined : `log_driver ${shown(at(c, 'HostConfig.LogConfig.Type'))} → ${shown(a.log_driver)}`),
    words: (a) => ['--log-driver', a.log_driver!],
  },
  {
    name: 'log_options',
    field: 'HostConfig.LogConfig.Config',
    asked: logOptions,
    given: (a) => logOptions(a) !== undefined,
    differs: (a, c) => mapDifference('log_options', logOptions(a), at(c, 'HostConfig.LogConfig.Config')),
    words: (a) => keyValueWords('--log-opt', logOptions(a)),
  },
  sizeOption('memory', 'Memory', '--memory'),
  sizeOption('memory_reservation', 'MemoryReservation', '--memory-reservation'),
  sizeOption('memory_swap', 'MemorySwap', '--memory-swap'),
  textOption('user', 'Config.User', '--user'),
  textOption('working_dir', 'Config.WorkingDir', '--workdir'),
  textOption('hostname', 'Config.Hostname', '--hostname'),
  {
    name: 'stop_timeout',
    field: 'Config.StopTimeout',
    given: (a) => a.stop_timeout !== undefined,
    // community.docker ignores it when comparing.
    differs: () => undefined,
    words: (a) => ['--stop-timeout', String(a.stop_timeout)],
  },
];
