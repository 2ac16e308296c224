// The container options this module sets and compares, one entry each: whether the task gives it,
// why the existing container differs (a reason naming the option, never a secret value), and the
// `docker create` words for it. Options Docker can change in place (`docker update`) say so.
// Each option has community.docker's shape and default comparison (comparisons.ts): sets and maps
// by default allow more on the container (the image's own env and labels, for example) but must
// hold everything asked; `strict` also names what the container has beyond that.
import { shlexSplit } from '../../../util/shlex.js';
import { ModuleFailure } from '../../failure.js';
import type { Inspected } from '../inspect.js';
import { differingKeys, keyValueWords } from '../key-values.js';
import { bytesOf, nanosOf } from '../units.js';
import type { Compared, Comparison } from './comparisons.js';
import { extraBindings, isPublished, parsePublishedPorts, publishArg, type PortBinding } from './ports.js';
import type { DockerContainerArgs, Healthcheck } from './schema.js';
import { mountArg, mountDifference, parseVolume, volumeDifference } from './volumes.js';

/** What the task asks beyond its own arguments: the env merged with env_file, and the image. */
export interface Wanted {
  /** VAR=value lines: env_file's, then env's (which win). */
  env: string[];
  /** The image as the engine has it (its env and labels count as asked under strict). */
  image: Inspected | null;
}

export interface ContainerOption extends Compared {
  /** Changed with `docker update` on the existing container instead of recreating it. */
  inPlace?: boolean;
  /** Where `docker inspect` shows it (for --diff). */
  field: string;
  /** Its values are not shown in --diff (env: often secrets). */
  hidden?: boolean;
  /** What the task asks, as --diff shows it (default: the argument of the same name). */
  asked?(a: DockerContainerArgs): unknown;
  given(a: DockerContainerArgs): boolean;
  /** Why the container differs (lacks something asked, for sets and maps), or undefined. */
  differs(a: DockerContainerArgs, c: Inspected, w: Wanted, mode: Comparison): string | undefined;
  /** For a set or map compared strictly: what the container has that was not asked, or undefined. */
  extra?(a: DockerContainerArgs, c: Inspected, w: Wanted): string | undefined;
  /** Words for `docker create`/`run` (or `docker update` when inPlace). */
  words(a: DockerContainerArgs): string[];
}

/** A value at a dotted path of the inspect output. */
export function at(c: Inspected, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), c);
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** `want` appears in `have` in order, perhaps with more between (a list under allow_more_present). */
function inOrder(want: readonly unknown[], have: readonly unknown[]): boolean {
  let i = 0;
  for (const w of want) {
    while (i < have.length && have[i] !== w) i++;
    if (i === have.length) return false;
    i++;
  }
  return true;
}
const listMatches = (want: readonly unknown[], have: readonly unknown[], mode: Comparison) => (mode === 'strict' ? same(want, have) : inOrder(want, have));
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

/** env_file's variables (read on the target), then env's, as VAR=value lines: env wins, as in community.docker. */
export function envLines(a: DockerContainerArgs, fromFile: Record<string, string> = {}): string[] {
  return Object.entries({ ...fromFile, ...(a.env ?? {}) }).map(([k, v]) => {
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

const differ = (what: string, names: string[]) => (names.length ? `${what} ${names.join(', ')} differ${names.length === 1 ? 's' : ''}` : undefined);
const beyond = (what: string, names: string[]) => (names.length ? `${what} ${names.join(', ')} not asked for` : undefined);

function mapDifference(option: string, wanted: Record<string, string> | undefined, have: unknown): string | undefined {
  return differ(option, differingKeys(wanted, have));
}

/** Keys of the container's map that neither the task nor the image gives. */
function extraKeys(option: string, wanted: Record<string, string> | undefined, imageMap: unknown, have: unknown): string | undefined {
  const allowed = new Set([...Object.keys((imageMap ?? {}) as object), ...Object.keys(wanted ?? {})]);
  return beyond(option, Object.keys((have ?? {}) as object).filter((k) => !allowed.has(k)));
}

/** The env the container must have under strict: the image's, overridden by the task's. */
function strictEnv(w: Wanted): Set<string> {
  const merged = new Map<string, string>();
  for (const line of [...list(at(w.image ?? {}, 'Config.Env')), ...w.env]) merged.set(line.split('=')[0]!, line);
  return new Set(merged.values());
}

const envName = (line: string) => line.slice(0, line.indexOf('=') < 0 ? undefined : line.indexOf('='));

function askedBindings(a: DockerContainerArgs): PortBinding[] {
  return (publishedPorts(a) ?? []).filter((s) => s !== 'all').flatMap(parsePublishedPorts);
}

export function logOptions(a: DockerContainerArgs): Record<string, string> | undefined {
  return a.log_options ?? a.log_opt;
}

export function publishedPorts(a: DockerContainerArgs): string[] | undefined {
  return a.published_ports ?? a.ports;
}

/**
 * network_mode, or the first of networks when only they are given (community.docker's default);
 * with networks_cli_compatible false, Docker's default network and the networks connected after.
 */
export function networkMode(a: DockerContainerArgs): string | undefined {
  return a.network_mode ?? (a.networks_cli_compatible === false ? undefined : a.networks?.[0]?.name);
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

/** Under strict: health check settings the container has that the task leaves out. */
function healthExtra(h: Healthcheck, c: Inspected): string | undefined {
  const have = (at(c, 'Config.Healthcheck') ?? {}) as Record<string, unknown>;
  const extra: string[] = HEALTH_TIMES.filter(([key, field]) => h[key] === undefined && Number(have[field] ?? 0) !== 0).map(([key]) => key);
  if (h.retries === undefined && Number(have.Retries ?? 0) !== 0) extra.push('retries');
  return extra.length ? `healthcheck ${extra.join(', ')} not asked for` : undefined;
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
    shape: 'value',
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
    shape: 'value',
    field,
    given: (a) => a[name] !== undefined,
    differs: (a, c) => (String(at(c, field) ?? '') === a[name] ? undefined : `${name} ${shown(at(c, field))} → ${shown(a[name])}`),
    words: (a) => [flag, a[name]!],
  };
}

export const CONTAINER_OPTIONS: readonly ContainerOption[] = [
  {
    name: 'entrypoint',
    shape: 'list',
    field: 'Config.Entrypoint',
    given: (a) => a.entrypoint !== undefined,
    differs: (a, c, _w, mode) => (listMatches(a.entrypoint!.slice(0, 1), list(at(c, 'Config.Entrypoint')), mode) ? undefined : `entrypoint ${shown(at(c, 'Config.Entrypoint'))} → ${shown(a.entrypoint!.slice(0, 1))}`),
    words: (a) => ['--entrypoint', a.entrypoint![0] ?? ''],
  },
  {
    name: 'command',
    shape: 'list',
    field: 'Config.Cmd',
    asked: wantedCmd,
    given: (a) => a.command !== undefined || (a.entrypoint?.length ?? 0) > 1,
    differs: (a, c, _w, mode) => (listMatches(wantedCmd(a), list(at(c, 'Config.Cmd')), mode) ? undefined : `command ${shown(at(c, 'Config.Cmd'))} → ${shown(wantedCmd(a))}`),
    // The command goes after the image: see createWords.
    words: () => [],
  },
  {
    // env_file's variables count as env (read on the target in gather), as in community.docker.
    name: 'env',
    aliases: ['env_file'],
    shape: 'set',
    field: 'Config.Env',
    hidden: true,
    given: (a) => a.env !== undefined || a.env_file !== undefined,
    differs(_a, c, w) {
      const have = new Set(list(at(c, 'Config.Env')));
      // Names only: env values are often secrets.
      return differ('env', w.env.filter((l) => !have.has(l)).map(envName));
    },
    extra(_a, c, w) {
      const expected = strictEnv(w);
      return beyond('env', list(at(c, 'Config.Env')).filter((l) => !expected.has(l)).map(envName));
    },
    // Values go in an env file (see command.ts), never on the command line.
    words: () => [],
  },
  {
    name: 'published_ports',
    aliases: ['ports'],
    shape: 'dict',
    field: 'HostConfig.PortBindings',
    asked: publishedPorts,
    given: (a) => publishedPorts(a) !== undefined,
    differs(a, c) {
      const specs = publishedPorts(a)!;
      if (specs.includes('all') && at(c, 'HostConfig.PublishAllPorts') !== true) return 'published_ports: all ports are not published';
      const missing = specs.filter((s) => s !== 'all' && !parsePublishedPorts(s).every((b) => isPublished(b, at(c, 'HostConfig.PortBindings') as never)));
      return missing.length ? `published_ports ${missing.join(', ')} missing` : undefined;
    },
    extra(a, c) {
      if (publishedPorts(a)!.includes('all')) return undefined;
      return beyond('published_ports', extraBindings(askedBindings(a), at(c, 'HostConfig.PortBindings') as never));
    },
    words: (a) =>
      publishedPorts(a)!.flatMap((s) => {
        if (s === 'all') return ['--publish-all'];
        return parsePublishedPorts(s).flatMap((b) => ['--publish', publishArg({ ...b, hostIp: b.hostIp || (a.default_host_ip ?? '0.0.0.0') })]);
      }),
  },
  {
    name: 'volumes',
    shape: 'set',
    field: 'Mounts',
    given: (a) => a.volumes !== undefined,
    differs: (a, c) => a.volumes!.map((v) => volumeDifference(parseVolume(v), at(c, 'Mounts') as never)).find((d) => d !== undefined),
    extra(a, c, w) {
      // The image's own volumes and the mounts option's targets are not volumes the task left out.
      const allowed = new Set([...a.volumes!.map((v) => parseVolume(v).target), ...(a.mounts ?? []).map((m) => m.target), ...Object.keys((at(w.image ?? {}, 'Config.Volumes') ?? {}) as object)]);
      return beyond('volumes', ((at(c, 'Mounts') ?? []) as { Destination?: string }[]).map((m) => m.Destination ?? '').filter((d) => !allowed.has(d)));
    },
    words: (a) => a.volumes!.flatMap((v) => ['--volume', v]),
  },
  {
    name: 'mounts',
    shape: 'set',
    field: 'HostConfig.Mounts',
    given: (a) => a.mounts !== undefined,
    differs: (a, c) => a.mounts!.map((m) => mountDifference(m, at(c, 'HostConfig.Mounts') as never)).find((d) => d !== undefined),
    extra(a, c) {
      const asked = new Set(a.mounts!.map((m) => m.target));
      return beyond('mounts', ((at(c, 'HostConfig.Mounts') ?? []) as { Target?: string }[]).map((m) => m.Target ?? '').filter((t) => !asked.has(t)));
    },
    words: (a) => a.mounts!.flatMap((m) => ['--mount', mountArg(m)]),
  },
  {
    name: 'network_mode',
    shape: 'value',
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
    shape: 'value',
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
    shape: 'value',
    field: 'HostConfig.Privileged',
    given: (a) => a.privileged !== undefined,
    differs: (a, c) => (Boolean(at(c, 'HostConfig.Privileged')) === a.privileged ? undefined : `privileged ${!a.privileged} → ${a.privileged}`),
    words: (a) => (a.privileged ? ['--privileged'] : []),
  },
  {
    name: 'capabilities',
    shape: 'set',
    field: 'HostConfig.CapAdd',
    given: (a) => a.capabilities !== undefined,
    differs(a, c) {
      const missing = missingFrom(a.capabilities!, at(c, 'HostConfig.CapAdd'));
      return missing.length ? `capabilities ${missing.join(', ')} missing` : undefined;
    },
    extra: (a, c) => beyond('capabilities', missingFrom(list(at(c, 'HostConfig.CapAdd')), a.capabilities)),
    words: (a) => a.capabilities!.flatMap((cap) => ['--cap-add', cap]),
  },
  {
    name: 'cap_drop',
    shape: 'set',
    field: 'HostConfig.CapDrop',
    given: (a) => a.cap_drop !== undefined,
    differs(a, c) {
      const missing = missingFrom(a.cap_drop!, at(c, 'HostConfig.CapDrop'));
      return missing.length ? `cap_drop ${missing.join(', ')} not dropped` : undefined;
    },
    extra: (a, c) => beyond('cap_drop', missingFrom(list(at(c, 'HostConfig.CapDrop')), a.cap_drop)),
    words: (a) => a.cap_drop!.flatMap((cap) => ['--cap-drop', cap]),
  },
  {
    name: 'labels',
    shape: 'dict',
    field: 'Config.Labels',
    given: (a) => a.labels !== undefined,
    differs: (a, c) => mapDifference('labels', a.labels, at(c, 'Config.Labels')),
    extra: (a, c, w) => extraKeys('labels', a.labels, at(w.image ?? {}, 'Config.Labels'), at(c, 'Config.Labels')),
    words: (a) => keyValueWords('--label', a.labels),
  },
  {
    name: 'healthcheck',
    shape: 'dict',
    field: 'Config.Healthcheck',
    given: (a) => a.healthcheck !== undefined,
    differs: (a, c) => healthDifference(a.healthcheck!, c),
    extra: (a, c) => healthExtra(a.healthcheck!, c),
    words: (a) => healthWords(a.healthcheck!),
  },
  {
    name: 'log_driver',
    shape: 'value',
    field: 'HostConfig.LogConfig.Type',
    given: (a) => a.log_driver !== undefined,
    differs: (a, c) => (at(c, 'HostConfig.LogConfig.Type') === a.log_driver ? undefined : `log_driver ${shown(at(c, 'HostConfig.LogConfig.Type'))} → ${shown(a.log_driver)}`),
    words: (a) => ['--log-driver', a.log_driver!],
  },
  {
    name: 'log_options',
    aliases: ['log_opt'],
    shape: 'dict',
    field: 'HostConfig.LogConfig.Config',
    asked: logOptions,
    given: (a) => logOptions(a) !== undefined,
    differs: (a, c) => mapDifference('log_options', logOptions(a), at(c, 'HostConfig.LogConfig.Config')),
    extra: (a, c) => extraKeys('log_options', logOptions(a), {}, at(c, 'HostConfig.LogConfig.Config')),
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
    shape: 'value',
    // community.docker ignores it unless comparisons says otherwise.
    defaultComparison: 'ignore',
    field: 'Config.StopTimeout',
    given: (a) => a.stop_timeout !== undefined,
    differs: (a, c) => (Number(at(c, 'Config.StopTimeout') ?? -1) === a.stop_timeout ? undefined : `stop_timeout ${shown(at(c, 'Config.StopTimeout'))} → ${a.stop_timeout}`),
    words: (a) => ['--stop-timeout', String(a.stop_timeout)],
  },
];
