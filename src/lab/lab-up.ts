// `lab up`: builds (or reuses) images, then makes the network, key, containers, known_hosts and
// inventory of a lab. Running it again changes nothing that is already right.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HaRunError } from '../errors.js';
import { docker, dockerOk, ensureDocker } from './docker.js';
import { containerName, createVolume, dockerRunArgs, inspectContainer, labContainers, pinnedPorts, specHashOf } from './containers.js';
import { checkLogin, waitForHost } from './host-ready.js';
import { ensureKindImage } from './images.js';
import { ensureStandIn } from './stand-ins.js';
import { inventoryYaml } from './inventory-writer.js';
import { writeLabDescription } from './lab-description.js';
import { ensureLabKey, writeKnownHosts } from './keys.js';
import { loadLabFile, type HostKind, type LabHostSpec, type LabSpec } from './lab-file.js';
import { withDirLock } from './lock.js';
import { ensureNetwork, hostAddress, networkName } from './network.js';
import { freeLoopbackPort } from './ports.js';
import { labObjects, labOwner, ownership, refuseForeign } from './owner.js';
import { labPaths, readLabState, writeFileAtomic, writeLabState, type LabHostState, type LabPaths, type LabState } from './state.js';

export type HostChange = 'created' | 'recreated' | 'started' | 'unchanged' | 'removed';

export interface LabUpResult {
  spec: LabSpec;
  state: LabState;
  paths: LabPaths;
  changes: Record<string, HostChange>;
}

export type Progress = (message: string) => void;

export async function labUp(labFile: string, progress: Progress = () => {}): Promise<LabUpResult> {
  const spec = loadLabFile(labFile);
  await ensureDocker();
  const paths = labPaths(spec.name);
  const owner = labOwner();
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  return withDirLock(paths.dir, async () => {
    // Before anything is built or touched: the same name made from another state directory is not ours.
    refuseForeign(spec.name, ownership(await labObjects(spec.name), owner), owner, 'lab up');
    // Sequential on purpose: kinds share layers, and the base must be built once, not raced.
    const images = new Map<HostKind, string>();
    for (const kind of new Set(spec.hosts.map((h) => h.kind))) images.set(kind, await ensureKindImage(kind, progress));

    const authorizedKey = await ensureLabKey(paths, spec.name);
    const subnet = await ensureNetwork(spec.name, owner);
    const previous = readLabState(spec.name);
    const state: LabState = {
      name: spec.name,
      owner,
      labFile: spec.file,
      network: networkName(spec.name),
      subnet,
      // A network made anew has a new subnet: addresses kept from before would be wrong.
      hosts: previous && previous.subnet === subnet ? previous.hosts : {},
    };
    const changes: Record<string, HostChange> = {};
    for (const name of await removeStrays(spec, state)) changes[name] = 'removed';
    state.images = {};
    for (const [key, standIn] of Object.entries(spec.images)) state.images[key] = await ensureStandIn(standIn, join(paths.dir, 'images'), progress);

    for (const host of spec.hosts) {
      changes[host.name] = await ensureHost(spec, state, owner, host, images.get(host.kind)!, authorizedKey);
      writeLabState(state);
    }

    progress(`waiting for ${spec.hosts.length} host${spec.hosts.length === 1 ? '' : 's'} to answer on ssh`);
    await settle(
      spec.hosts.map(async (host) => {
        const made = state.hosts[host.name]!;
        made.hostKey = await waitForHost(made);
      }),
    );
    writeLabState(state);
    writeKnownHosts(state, paths);
    await settle(spec.hosts.map((host) => checkLogin(paths, state.hosts[host.name]!)));
    writeFileAtomic(paths.inventory, inventoryYaml(spec, state, paths));
    writeLabDescription(state, paths);
    return { spec, state, paths, changes };
  });
}

async function ensureHost(spec: LabSpec, state: LabState, owner: string, host: LabHostSpec, image: string, authorizedKey: string): Promise<HostChange> {
  const container = containerName(spec.name, host.name);
  const known = state.hosts[host.name];
  const existing = await inspectContainer(container);
  const port = known?.port ?? (await freeLoopbackPort(await pinnedPorts()));
  const address = known?.address ?? nextAddress(state);
  const runArgs = dockerRunArgs({ lab: spec.name, host: host.name, kind: host.kind, image, network: state.network, address, port, authorizedKey, owner });
  if (existing && known && existing.specHash === specHashOf(runArgs)) {
    known.groups = host.groups;
    if (existing.running) return 'unchanged';
    await dockerOk(['start', container], `starting ${container}`);
    return 'started';
  }
  // Made differently (new image, kind or key): made again, on the same port and address.
  if (existing) await dockerOk(['rm', '--force', '--volumes', container], `removing outdated ${container}`);
  const made: LabHostState = { name: host.name, kind: host.kind, groups: host.groups, container, port, address, image };
  if (host.kind === 'docker') made.volume = await createVolume(spec.name, host.name, owner);
  const run = await docker(runArgs);
  if (run.exitCode !== 0) {
    await docker(['rm', '--force', container]);
    throw new HaRunError('lab-host-start-failed', `starting ${host.name} failed: ${run.stderr.trim()}`);
  }
  state.hosts[host.name] = made;
  return existing ? 'recreated' : 'created';
}

/** Hosts no longer in the lab file (and containers the state forgot) are removed. */
async function removeStrays(spec: LabSpec, state: LabState): Promise<string[]> {
  const wanted = new Set(spec.hosts.map((h) => containerName(spec.name, h.name)));
  const removed: string[] = [];
  for (const container of await labContainers(spec.name)) {
    if (wanted.has(container)) continue;
    await dockerOk(['rm', '--force', '--volumes', container], `removing ${container}`);
    removed.push(container.slice(containerName(spec.name, '').length));
  }
  for (const name of Object.keys(state.hosts)) {
    if (!spec.hosts.some((h) => h.name === name)) {
      const volume = state.hosts[name]!.volume;
      if (volume) await docker(['volume', 'rm', volume]);
      delete state.hosts[name];
    }
  }
  return removed;
}

function nextAddress(state: LabState): string {
  const taken = new Set(Object.values(state.hosts).map((h) => h.address));
  for (let i = 0; ; i++) {
    const address = hostAddress(state.subnet, i);
    if (!taken.has(address)) return address;
  }
}

/** Waits for all, then reports every failure at once rather than only the first. */
async function settle(work: Promise<void>[]): Promise<void> {
  const failures = (await Promise.allSettled(work)).flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new HaRunError('lab-hosts-failed', failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n'));
  }
}
