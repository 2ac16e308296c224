// Lab hosts as Docker containers: how each kind is run, and what Docker says about them.
import { createHash } from 'node:crypto';
import { docker, dockerOk } from './docker.js';
import type { HostKind } from './lab-file.js';
import { LAB_LABEL, OWNER_LABEL } from './network.js';

export const HOST_LABEL = 'ha-run.host';

export function containerName(lab: string, host: string): string {
  return `ha-run-${lab}-${host}`;
}

export function dockerVolumeName(lab: string, host: string): string {
  return `ha-run-${lab}-${host}-docker`;
}

export interface HostRunSpec {
  lab: string;
  host: string;
  kind: HostKind;
  image: string;
  network: string;
  address: string;
  port: number;
  authorizedKey: string;
  /** Labelled, but not part of the spec hash: containers made before owners existed are adopted, not recreated. */
  owner: string;
}

/**
 * `--privileged` and `--cap-add ALL` fail on these machines; this is the capability set that
 * systemd and a nested Docker engine need (see LAB-NOTES).
 */
const SYSTEMD_OPTIONS = [
  '-v', '/sys/fs/cgroup:/sys/fs/cgroup:rw', '--cgroupns', 'host',
  '--cap-add', 'SYS_ADMIN', '--cap-add', 'NET_ADMIN', '--cap-add', 'SYS_PTRACE', '--cap-add', 'MKNOD',
  '--security-opt', 'seccomp=unconfined', '--security-opt', 'apparmor=unconfined',
];

/** Every host gets a fresh /run at each start, like a real machine. */
const RUN_TMPFS = ['--tmpfs', '/run', '--tmpfs', '/run/lock'];

/** The label that records how a container was made: a different hash means it must be made again. */
export const SPEC_LABEL = 'ha-run.spec';

export function dockerRunArgs(spec: HostRunSpec): string[] {
  const args = runArgsWithoutSpecLabel(spec);
  const hash = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  // The image comes last; the labels go before it.
  args.splice(args.length - 1, 0, '--label', `${SPEC_LABEL}=${hash}`, '--label', `${OWNER_LABEL}=${spec.owner}`);
  return args;
}

export function specHashOf(args: readonly string[]): string | undefined {
  const label = args.find((a) => a.startsWith(`${SPEC_LABEL}=`));
  return label?.slice(SPEC_LABEL.length + 1);
}

function runArgsWithoutSpecLabel(spec: HostRunSpec): string[] {
  const args = [
    'run', '--detach',
    '--name', containerName(spec.lab, spec.host),
    '--hostname', spec.host,
    '--network', spec.network, '--ip', spec.address, '--network-alias', spec.host,
    // Pinned: a restarted host keeps its port, so inventories and known_hosts stay valid.
    '--publish', `127.0.0.1:${spec.port}:22`,
    '--label', `${LAB_LABEL}=${spec.lab}`, '--label', `${HOST_LABEL}=${spec.host}`,
    '--label', `ha-run.kind=${spec.kind}`, '--label', `ha-run.port=${spec.port}`,
    '--env', `HA_RUN_LAB_AUTHORIZED_KEY=${spec.authorizedKey}`,
    ...RUN_TMPFS,
  ];
  if (spec.kind === 'plain') args.push('--init');
  else args.push(...SYSTEMD_OPTIONS);
  if (spec.kind === 'docker') {
    // overlay2 on overlay2 does not work; on a volume it does.
    args.push('--volume', `${dockerVolumeName(spec.lab, spec.host)}:/var/lib/docker`);
  }
  args.push(spec.image);
  return args;
}

export interface ContainerInfo {
  name: string;
  image: string;
  running: boolean;
  status: string;
  port?: number;
  /** The `ha-run.spec` label: hash of the arguments it was made with. */
  specHash?: string;
}

export async function inspectContainer(name: string): Promise<ContainerInfo | undefined> {
  const result = await docker(['container', 'inspect', '--format', '{{.Config.Image}}|{{.State.Running}}|{{.State.Status}}|{{index .Config.Labels "ha-run.port"}}|{{index .Config.Labels "ha-run.spec"}}', name]);
  if (result.exitCode !== 0) return undefined;
  const [image = '', running, status = '', port, specHash] = result.stdout.trim().split('|');
  return { name, image, running: running === 'true', status, port: port ? Number(port) : undefined, specHash: specHash || undefined };
}

/** Names of all containers of a lab, found by label (works even when the state dir is gone). */
export async function labContainers(lab: string): Promise<string[]> {
  const out = await dockerOk(['ps', '-a', '--filter', `label=${LAB_LABEL}=${lab}`, '--format', '{{.Names}}'], 'listing lab containers');
  return out.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** Ports pinned by any lab's containers, running or not: a new host must not take one. */
export async function pinnedPorts(): Promise<Set<number>> {
  const out = await dockerOk(['ps', '-a', '--filter', `label=${LAB_LABEL}`, '--format', '{{.Label "ha-run.port"}}'], 'listing lab containers');
  return new Set(out.split('\n').map(Number).filter((n) => n > 0));
}

export async function createVolume(lab: string, host: string, owner: string): Promise<string> {
  const name = dockerVolumeName(lab, host);
  await dockerOk(['volume', 'create', '--label', `${LAB_LABEL}=${lab}`, '--label', `${OWNER_LABEL}=${owner}`, name], `creating volume ${name}`);
  return name;
}
