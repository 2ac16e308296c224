// docker_container's pure plan. An existing container is compared option by option with what the
// task asks (only the options it gives, each as `comparisons` says); a difference Docker cannot
// change in place recreates it, naming the options in the reason. Then networks, then the running state.
import { ModuleFailure } from '../../failure.js';
import type { Change, FileDiff, Op } from '../../types.js';
import { dockerOp, dockerWithEnvFile } from '../command.js';
import { imageRef } from '../image-name.js';
import type { Inspected } from '../inspect.js';
import { bytesOf } from '../units.js';
import { IMAGE_COMPARED, NETWORKS_COMPARED, comparisonsFor, type Comparison } from './comparisons.js';
import { networkChanges, firstNetworkWords, purgeOps, type NetworkComparison } from './networks.js';
import { at, CONTAINER_OPTIONS, commandWords, envLines, networkMode, type ContainerOption, type Wanted } from './options.js';
import type { DockerContainerArgs } from './schema.js';

export interface DockerContainerFacts {
  container: Inspected | null;
  /** The image the task names, as the engine has it now (null: not there, will be pulled). */
  image: Inspected | null;
  /** env_file's variables, read on the target (absent without env_file). */
  envFile?: Record<string, string>;
}

/** How this task compares: each option's comparison, and the wanted values beyond the arguments. */
interface Comparing {
  modes: Map<string, Comparison>;
  wanted: Wanted;
  networks: NetworkComparison;
}

function comparing(args: DockerContainerArgs, facts: DockerContainerFacts): Comparing {
  const modes = comparisonsFor(args, [IMAGE_COMPARED, NETWORKS_COMPARED, ...CONTAINER_OPTIONS]);
  const networks = modes.get('networks')!;
  // Extra networks go when networks are compared strictly (given), or with purge_networks.
  const purge = (networks === 'strict' && args.networks !== undefined) || args.purge_networks === true;
  return { modes, wanted: { env: envLines(args, facts.envFile), image: facts.image }, networks: { ignore: networks === 'ignore', purge } };
}

const running = (c: Inspected) => (c.State as { Running?: boolean } | undefined)?.Running === true;

export function planDockerContainer(args: DockerContainerArgs, facts: DockerContainerFacts): Change[] {
  const { container } = facts;
  const state = args.state ?? 'started';
  if (state === 'absent') return container ? [removal(args, container, `remove container ${args.name}`)] : [];
  const how = comparing(args, facts);
  if (!container) return [creation(args, how, state, `${state === 'started' ? 'create and start' : 'create'} container ${args.name}`)];

  const reasons = recreateReasons(args, facts, container, how);
  if (reasons.length > 0 || args.recreate) {
    const why = reasons.length ? reasons.map((r) => r.why).join('; ') : 'recreate: true';
    const created = creation(args, how, state, `recreate container ${args.name}: ${why}`);
    // A missing image is pulled before the old container goes: a pull that fails leaves it running.
    const pull = args.image !== undefined && !facts.image ? [dockerOp('image', 'pull', imageRef(args.image).ref)] : [];
    return [{ ...created, ops: [...pull, ...removal(args, container, '').ops, ...created.ops], ...(reasons.length ? { diff: diffOf(args, container, reasons) } : {}) }];
  }
  const changes = [...inPlaceChanges(args, container, how), ...networkChanges(args, container, how.networks)];
  if (state === 'started' && !running(container)) changes.push({ summary: `start container ${args.name}`, ops: [dockerOp('container', 'start', args.name)] });
  else if (state === 'started' && args.restart) changes.push({ summary: `restart container ${args.name} (restart: true)`, ops: [dockerOp('container', 'restart', ...stopTimeout(args), args.name)] });
  else if (state === 'stopped' && running(container)) changes.push({ summary: `stop container ${args.name}`, ops: [dockerOp('container', 'stop', ...stopTimeout(args), args.name)] });
  return changes;
}

/** One reason to change the container: the option it is about (none for the image), for --diff. */
interface Difference {
  why: string;
  option?: ContainerOption;
}

/** The options that differ and need a new container, image first. */
function recreateReasons(args: DockerContainerArgs, facts: DockerContainerFacts, container: Inspected, how: Comparing): Difference[] {
  const reasons: Difference[] = [];
  if (args.image !== undefined && how.modes.get('image') !== 'ignore') {
    const want = facts.image?.Id as string | undefined;
    const have = String(container.Image ?? '');
    if (want === undefined) reasons.push({ why: `image ${imageRef(args.image).ref} is not on the host (it will be pulled)` });
    else if (want !== have) reasons.push({ why: `image ${imageRef(args.image).ref} is now ${want.slice(7, 19)}, the container runs ${have.slice(7, 19)}` });
  }
  for (const option of CONTAINER_OPTIONS) {
    if (option.inPlace) continue;
    const why = optionDifference(option, args, container, how);
    if (why) reasons.push({ why, option });
  }
  return reasons;
}

/** Why the container differs in this option under its comparison, or undefined. */
function optionDifference(option: ContainerOption, args: DockerContainerArgs, container: Inspected, how: Comparing): string | undefined {
  const mode = how.modes.get(option.name) ?? 'strict';
  if (mode === 'ignore' || !option.given(args)) return undefined;
  return option.differs(args, container, how.wanted, mode) ?? (mode === 'strict' ? option.extra?.(args, container, how.wanted) : undefined);
}

/** --diff: each differing option as the container has it and as the task asks it (hidden ones by name only). */
function diffOf(args: DockerContainerArgs, container: Inspected, differences: Difference[]): FileDiff {
  const before: string[] = [];
  const after: string[] = [];
  for (const { why, option } of differences) {
    if (!option || option.hidden) {
      after.push(`# ${why}${option?.hidden ? ' (values not shown)' : ''}`);
      continue;
    }
    const asked = option.asked ? option.asked(args) : (args as unknown as Record<string, unknown>)[option.name];
    before.push(`${option.name}: ${JSON.stringify(at(container, option.field) ?? null)}`);
    after.push(`${option.name}: ${JSON.stringify(asked ?? null)}`);
  }
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
  return { path: `container ${args.name}`, before: text(before), after: text(after) };
}

function inPlaceChanges(args: DockerContainerArgs, container: Inspected, how: Comparing): Change[] {
  const differing = CONTAINER_OPTIONS.filter((o) => o.inPlace).map((o) => ({ o, why: optionDifference(o, args, container, how) ?? '' })).filter((d) => d.why);
  if (differing.length === 0) return [];
  const words = differing.flatMap((d) => d.o.words(args));
  // A new memory limit above the current swap limit is refused unless swap moves too: keep
  // Docker's default, swap = 2 × memory, as `docker run --memory` sets it.
  const swap = Number((container.HostConfig as { MemorySwap?: number } | undefined)?.MemorySwap ?? 0);
  if (differing.some((d) => d.o.name === 'memory') && args.memory_swap === undefined && swap > 0) {
    const memory = bytesOf(args.memory!, 'memory');
    if (memory > 0) words.push('--memory-swap', String(memory * 2));
  }
  const diff = diffOf(args, container, differing.map((d) => ({ why: d.why, option: d.o })));
  return [{ summary: `update container ${args.name}: ${differing.map((d) => d.why).join('; ')}`, ops: [dockerOp('container', 'update', ...words, args.name)], diff }];
}

function stopTimeout(args: DockerContainerArgs): string[] {
  return args.stop_timeout !== undefined ? ['--time', String(args.stop_timeout)] : [];
}

function removal(args: DockerContainerArgs, container: Inspected, summary: string): Change {
  const ops: Op[] = [];
  if (running(container)) ops.push(args.force_kill ? dockerOp('container', 'kill', args.name) : dockerOp('container', 'stop', ...stopTimeout(args), args.name));
  ops.push(dockerOp('container', 'rm', ...(args.keep_volumes === false ? ['--volumes'] : []), args.name));
  return { summary, ops };
}

/** `docker run -d` (started) or `docker create`, then the networks after the first. */
function creation(args: DockerContainerArgs, how: Comparing, state: string, summary: string): Change {
  if (!args.image) throw new ModuleFailure('Cannot create container when image is not specified!');
  const words = ['--name', args.name, ...CONTAINER_OPTIONS.filter((o) => o.given(args)).flatMap((o) => o.words(args)), ...firstNetworkWords(args)];
  const verb = state === 'started' ? ['container', 'run', '--detach'] : ['container', 'create'];
  const create = dockerWithEnvFile([...verb, ...words], [imageRef(args.image).ref, ...commandAfterImage(args)], how.wanted.env);
  const mode = networkMode(args);
  // The new container is on its network_mode (Docker's bridge when none): connect the rest, and
  // when purging, leave a bridge the networks do not list.
  const on = !mode || mode === 'default' ? 'bridge' : mode;
  const later = (args.networks ?? []).filter((n) => n.name !== on);
  const fresh: Inspected = { HostConfig: { NetworkMode: on }, NetworkSettings: { Networks: { [on]: {} } } };
  const connects = networkChanges({ ...args, networks: later }, fresh, { ignore: false, purge: false }).flatMap((c) => c.ops);
  const leave = how.networks.purge && !(args.networks ?? []).some((n) => n.name === on) ? purgeOps(on, args.name) : [];
  return { summary, ops: [create, ...connects, ...leave] };
}

function commandAfterImage(args: DockerContainerArgs): string[] {
  return [...(args.entrypoint?.slice(1) ?? []), ...commandWords(args.command)];
}
