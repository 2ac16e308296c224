// docker_network's pure plan, as community.docker behaves: a requested option that differs (or
// force) recreates the network, its containers disconnected first; then the `connected` containers
// are connected and, when `connected` is given and appends is not, the others disconnected.
import type { Change, Op } from '../../types.js';
import { dockerOp } from '../command.js';
import type { Inspected } from '../inspect.js';
import { differingKeys, keyValueWords } from '../key-values.js';
import type { DockerNetworkArgs, IpamConfig } from './schema.js';

export function networkName(a: DockerNetworkArgs): string {
  return (a.name ?? a.network_name)!;
}

function connectedOf(a: DockerNetworkArgs): string[] {
  return a.connected?.length ? a.connected : (a.containers ?? []);
}

/** Container names attached to the network now. */
function attached(net: Inspected): string[] {
  return Object.values((net.Containers ?? {}) as Record<string, { Name?: string }>).map((c) => c.Name ?? '').filter((n) => n !== '');
}

const IPAM_KEYS: Record<string, string> = { subnet: 'Subnet', gateway: 'Gateway', iprange: 'IPRange', aux_addresses: 'AuxiliaryAddresses' };

function ipamDifferences(wanted: IpamConfig[], net: Inspected): string[] {
  const configs = ((net.IPAM as { Config?: Record<string, unknown>[] | null } | undefined)?.Config ?? []) as Record<string, unknown>[];
  const out: string[] = [];
  wanted.forEach((w, i) => {
    const matches = (c: Record<string, unknown>) => Object.entries(w).every(([k, v]) => v === undefined || JSON.stringify(c[IPAM_KEYS[k]!]) === JSON.stringify(v));
    if (!configs.some(matches)) out.push(`ipam_config[${i}] ${Object.entries(w).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ')} not configured`);
  });
  return out;
}

export function networkDifferences(a: DockerNetworkArgs, net: Inspected): string[] {
  const out: string[] = [];
  if (a.driver && a.driver !== net.Driver) out.push(`driver ${String(net.Driver)} → ${a.driver}`);
  const opts = differingKeys(a.driver_options, net.Options);
  if (opts.length) out.push(`driver_options ${opts.join(', ')} differ`);
  const ipam = (net.IPAM ?? {}) as { Driver?: string; Options?: Record<string, string> | null };
  if (a.ipam_driver && ipam.Driver !== a.ipam_driver) out.push(`ipam_driver ${ipam.Driver ?? 'none'} → ${a.ipam_driver}`);
  if (a.ipam_driver_options && JSON.stringify(ipam.Options ?? {}) !== JSON.stringify(a.ipam_driver_options)) out.push('ipam_driver_options differ');
  if (a.ipam_config?.length) out.push(...ipamDifferences(a.ipam_config, net));
  for (const [key, field] of [['enable_ipv6', 'EnableIPv6'], ['internal', 'Internal'], ['attachable', 'Attachable']] as const) {
    if (a[key] !== undefined && a[key] !== Boolean(net[field])) out.push(`${key} ${!a[key]} → ${a[key]}`);
  }
  if (a.scope && a.scope !== net.Scope) out.push(`scope ${String(net.Scope)} → ${a.scope}`);
  const labels = differingKeys(a.labels, net.Labels);
  if (labels.length) out.push(`labels ${labels.join(', ')} differ`);
  return out;
}

function createOp(a: DockerNetworkArgs): Op {
  const words = ['network', 'create', '--driver', a.driver ?? 'bridge', ...keyValueWords('--opt', a.driver_options), ...keyValueWords('--label', a.labels)];
  if (a.ipam_driver) words.push('--ipam-driver', a.ipam_driver);
  words.push(...keyValueWords('--ipam-opt', a.ipam_driver_options));
  for (const c of a.ipam_config ?? []) {
    if (c.subnet) words.push('--subnet', c.subnet);
    if (c.gateway) words.push('--gateway', c.gateway);
    if (c.iprange) words.push('--ip-range', c.iprange);
    words.push(...keyValueWords('--aux-address', c.aux_addresses));
  }
  if (a.internal) words.push('--internal');
  if (a.attachable) words.push('--attachable');
  if (a.enable_ipv6) words.push('--ipv6');
  if (a.scope) words.push('--scope', a.scope);
  return dockerOp(...words, networkName(a));
}

export function planDockerNetwork(a: DockerNetworkArgs, net: Inspected | null): Change[] {
  const name = networkName(a);
  if (a.state === 'absent') {
    if (!net) return [];
    const disconnect = a.force ? attached(net).map((c) => dockerOp('network', 'disconnect', '--force', name, c)) : [];
    return [{ summary: `remove network ${name}`, ops: [...disconnect, dockerOp('network', 'rm', name)] }];
  }
  const changes: Change[] = [];
  let containers = net ? attached(net) : [];
  if (!net) changes.push({ summary: `create network ${name}`, ops: [createOp(a)] });
  else {
    const differences = networkDifferences(a, net);
    if (differences.length || a.force) {
      const why = differences.length ? differences.join('; ') : 'force: true';
      const disconnect = containers.map((c) => dockerOp('network', 'disconnect', '--force', name, c));
      changes.push({ summary: `recreate network ${name}: ${why}`, ops: [...disconnect, dockerOp('network', 'rm', name), createOp(a)] });
      containers = [];
    }
  }
  // No `connected` means the containers there now, as in community.docker: nothing is disconnected.
  const wanted = connectedOf(a).length ? connectedOf(a) : containers;
  for (const c of wanted.filter((c) => !containers.includes(c))) changes.push({ summary: `connect container ${c} to network ${name}`, ops: [dockerOp('network', 'connect', name, c)] });
  if (!a.appends) {
    for (const c of containers.filter((c) => !wanted.includes(c))) changes.push({ summary: `disconnect container ${c} from network ${name} (not in connected)`, ops: [dockerOp('network', 'disconnect', name, c)] });
  }
  return changes;
}
