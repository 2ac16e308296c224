// One user-defined Docker network per lab, on a subnet that clashes with nothing on this machine,
// so lab hosts reach each other by fixed addresses and names.
import { networkInterfaces } from 'node:os';
import { HaRunError } from '../errors.js';
import { docker, dockerOk } from './docker.js';

export const LAB_LABEL = 'ha-run.lab';
/** Who made the lab: the real path of its `.ha-run` directory (owner.ts). */
export const OWNER_LABEL = 'ha-run.owner';

export function networkName(lab: string): string {
  return `ha-run-lab-${lab}`;
}

/** Returns the lab network's subnet, creating the network when it does not exist. */
export async function ensureNetwork(lab: string, owner: string): Promise<string> {
  const name = networkName(lab);
  const existing = await networkSubnet(name);
  if (existing) return existing;
  for (let attempt = 0; attempt < 5; attempt++) {
    const subnet = chooseSubnet([...(await dockerSubnets()), ...hostSubnets()]);
    const created = await docker(['network', 'create', '--driver', 'bridge', '--subnet', subnet, '--label', `${LAB_LABEL}=${lab}`, '--label', `${OWNER_LABEL}=${owner}`, name]);
    if (created.exitCode === 0) return subnet;
    // Another lab may have taken the same subnet a moment ago: look again and pick another.
    if (!/overlap|already exists/i.test(created.stderr)) {
      throw new HaRunError('lab-network-failed', `creating network ${name} failed: ${created.stderr.trim()}`);
    }
    const raced = await networkSubnet(name);
    if (raced) return raced;
  }
  throw new HaRunError('lab-network-failed', `no free subnet found for network ${name}`);
}

export async function removeNetwork(lab: string): Promise<boolean> {
  const result = await docker(['network', 'rm', networkName(lab)]);
  return result.exitCode === 0;
}

async function networkSubnet(name: string): Promise<string | undefined> {
  const result = await docker(['network', 'inspect', '--format', '{{range .IPAM.Config}}{{.Subnet}} {{end}}', name]);
  if (result.exitCode !== 0) return undefined;
  return result.stdout.trim().split(/\s+/).find((s) => s.includes('.'));
}

async function dockerSubnets(): Promise<string[]> {
  const ids = (await dockerOk(['network', 'ls', '-q'], 'listing Docker networks')).trim().split(/\s+/).filter(Boolean);
  if (ids.length === 0) return [];
  const out = await dockerOk(['network', 'inspect', '--format', '{{range .IPAM.Config}}{{.Subnet}} {{end}}', ...ids], 'inspecting Docker networks');
  return out.split(/\s+/).filter((s) => s.includes('.'));
}

function hostSubnets(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && i.cidr !== null)
    .map((i) => i!.cidr!);
}

/** First /24 in 10.213.0.0/16 (unlikely to be anyone's LAN) that overlaps none of `taken`. */
export function chooseSubnet(taken: readonly string[]): string {
  const ranges = taken.map(cidrRange).filter((r): r is [number, number] => r !== undefined);
  for (let third = 0; third < 256; third++) {
    const candidate = `10.213.${third}.0/24`;
    const [start, end] = cidrRange(candidate)!;
    if (!ranges.some(([s, e]) => start <= e && s <= end)) return candidate;
  }
  throw new HaRunError('lab-network-failed', 'every /24 in 10.213.0.0/16 is taken; remove unused Docker networks');
}

/** Address of the n-th lab host: .10, .11, ... (.1 is the gateway). */
export function hostAddress(subnet: string, index: number): string {
  const range = cidrRange(subnet);
  if (!range || index + 10 > range[1] - range[0] - 1) throw new HaRunError('lab-network-failed', `subnet ${subnet} has no room for host #${index + 1}`);
  return intToIp(range[0] + 10 + index);
}

export function cidrRange(cidr: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!match) return undefined;
  const ip = match.slice(1, 5).reduce((acc, part) => acc * 256 + Number(part), 0);
  const bits = Number(match[5]);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ip / size) * size;
  return [start, start + size - 1];
}

function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
