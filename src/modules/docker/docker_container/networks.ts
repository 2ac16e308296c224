// networks: each listed network must be connected, with its aliases and fixed addresses; compared
// strictly (or with purge_networks), the container leaves the networks not listed. Docker changes
// these on a living container (docker network connect/disconnect), so they never recreate it.
import { shellJoin } from '../../../connection/quote.js';
import type { Change } from '../../types.js';
import type { Inspected } from '../inspect.js';
import type { ContainerNetwork, DockerContainerArgs } from './schema.js';

interface Endpoint {
  Aliases?: string[] | null;
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  Links?: string[] | null;
}

function endpoints(c: Inspected): Record<string, Endpoint> {
  return ((c.NetworkSettings as { Networks?: Record<string, Endpoint> } | undefined)?.Networks ?? {}) as Record<string, Endpoint>;
}

/** Why the container's endpoint on this network is not what is asked, or undefined. */
export function endpointDifference(n: ContainerNetwork, have: Endpoint | undefined): string | undefined {
  if (!have) return `not connected to ${n.name}`;
  const missing = (n.aliases ?? []).filter((a) => !(have.Aliases ?? []).includes(a));
  if (missing.length) return `network ${n.name}: aliases ${missing.join(', ')} missing`;
  if (n.ipv4_address && have.IPAMConfig?.IPv4Address !== n.ipv4_address) return `network ${n.name}: address ${have.IPAMConfig?.IPv4Address ?? 'dynamic'} → ${n.ipv4_address}`;
  if (n.ipv6_address && have.IPAMConfig?.IPv6Address !== n.ipv6_address) return `network ${n.name}: address ${have.IPAMConfig?.IPv6Address ?? 'dynamic'} → ${n.ipv6_address}`;
  const links = (n.links ?? []).filter((l) => !(have.Links ?? []).some((h) => h.startsWith(`/${l.split(':')[0]}:`)));
  if (links.length) return `network ${n.name}: links ${links.join(', ')} missing`;
  return undefined;
}

function connectWords(n: ContainerNetwork, container: string): string[] {
  const out = ['docker', 'network', 'connect'];
  for (const a of n.aliases ?? []) out.push('--alias', a);
  if (n.ipv4_address) out.push('--ip', n.ipv4_address);
  if (n.ipv6_address) out.push('--ip6', n.ipv6_address);
  for (const l of n.links ?? []) out.push('--link', l);
  return [...out, n.name, container];
}

/** How the task's networks are compared: not at all, or also leaving the networks not listed. */
export interface NetworkComparison {
  ignore: boolean;
  purge: boolean;
}

/** Ops that take the container off a network (a `docker network disconnect`). */
export function purgeOps(network: string, container: string): Change['ops'] {
  return [{ kind: 'exec', command: shellJoin(['docker', 'network', 'disconnect', network, container]) }];
}

/** connect/disconnect changes for the networks of an existing container (created in network_mode). */
export function networkChanges(a: DockerContainerArgs, c: Inspected, how: NetworkComparison): Change[] {
  const mode = String((c.HostConfig as { NetworkMode?: string } | undefined)?.NetworkMode ?? '');
  // host, none and container:X networking cannot join other networks.
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return [];
  const have = endpoints(c);
  const changes: Change[] = [];
  for (const n of how.ignore ? [] : (a.networks ?? [])) {
    const why = endpointDifference(n, have[n.name]);
    if (!why) continue;
    const connect = shellJoin(connectWords(n, a.name));
    const command = have[n.name] ? `${shellJoin(['docker', 'network', 'disconnect', n.name, a.name])} && ${connect}` : connect;
    changes.push({ summary: `${have[n.name] ? 'reconnect' : 'connect'} container ${a.name} to network ${n.name} (${why})`, ops: [{ kind: 'exec', command }] });
  }
  if (how.purge) {
    const listed = new Set((a.networks ?? []).map((n) => n.name));
    for (const name of Object.keys(have).filter((n) => !listed.has(n))) {
      changes.push({ summary: `disconnect container ${a.name} from network ${name} (not in networks)`, ops: purgeOps(name, a.name) });
    }
  }
  return changes;
}

/** The first network's aliases and address go on `docker create` (it is the network_mode); the others are connected after. */
export function firstNetworkWords(a: DockerContainerArgs): string[] {
  const first = a.networks?.[0];
  if (!first || (a.network_mode && a.network_mode !== first.name)) return [];
  const out: string[] = [];
  for (const alias of first.aliases ?? []) out.push('--network-alias', alias);
  if (first.ipv4_address) out.push('--ip', first.ipv4_address);
  if (first.ipv6_address) out.push('--ip6', first.ipv6_address);
  for (const l of first.links ?? []) out.push('--link', l);
  return out;
}
