// Addresses and interfaces: default_ipv4 (from the kernel's routing table /proc/net/route),
// all_ipv4_addresses (ip -o -4 addr), all_ipv6_addresses (/proc/net/if_inet6), interfaces and one
// fact per interface (macaddress, mtu, type, ipv4), as Ansible names them.
import { sectionLines, type Sections } from './script.js';

interface Ipv4 {
  address: string;
  broadcast: string;
  netmask: string;
  network: string;
  prefix: string;
}

interface Link {
  device: string;
  macaddress?: string;
  mtu?: number;
  type: string;
  active: boolean;
  speed?: number;
}

/** /proc/net/route stores addresses as little-endian hex. */
export function hexToIpv4(hex: string): string {
  const n = parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

function intToIpv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function ipv4Details(address: string, prefix: number, broadcast = ''): Ipv4 {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return {
    address,
    broadcast,
    netmask: intToIpv4(mask),
    network: intToIpv4((ipv4ToInt(address) & mask) >>> 0),
    prefix: String(prefix),
  };
}

/** `ip -o -4 addr show` lines → interface → its addresses, in order. */
export function parseIpAddr(lines: string[]): Map<string, Ipv4[]> {
  const byIface = new Map<string, Ipv4[]>();
  for (const line of lines) {
    const m = /^\d+:\s+(\S+)\s+inet\s+([\d.]+)\/(\d+)(?:\s+brd\s+([\d.]+))?/.exec(line);
    if (!m) continue;
    const iface = m[1].replace(/@.*$/, '');
    const list = byIface.get(iface) ?? [];
    list.push(ipv4Details(m[2], Number(m[3]), m[4] ?? ''));
    byIface.set(iface, list);
  }
  return byIface;
}

/**
 * Local IPv4 addresses from /proc/net/fib_trie ("|-- a.b.c.d" then "/32 host LOCAL"), each put on the
 * interface whose /proc/net/route entry contains it (127.x on lo): what `ip addr` says, without iproute2.
 */
export function addressesFromFib(fibLines: string[], routeLines: string[]): Map<string, Ipv4[]> {
  const local = new Set<string>();
  for (let i = 1; i < fibLines.length; i++) {
    const m = /\|--\s+([\d.]+)$/.exec(fibLines[i - 1].trim());
    if (m && /\/32 host LOCAL/.test(fibLines[i])) local.add(m[1]);
  }
  const routes = routeLines
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 8 && f[1] !== '00000000')
    .map(([iface, dest, , , , , , mask]) => ({ iface, network: ipv4ToInt(hexToIpv4(dest)), mask: ipv4ToInt(hexToIpv4(mask)) }));
  const byIface = new Map<string, Ipv4[]>();
  for (const address of local) {
    const n = ipv4ToInt(address);
    const route = address.startsWith('127.') ? { iface: 'lo', mask: 0xff000000 } : routes.find((r) => ((n & r.mask) >>> 0) === r.network);
    if (!route) continue;
    const prefix = route.mask.toString(2).replace(/0+$/, '').length;
    const broadcast = route.iface === 'lo' ? '' : intToIpv4((n | ~route.mask) >>> 0);
    byIface.set(route.iface, [...(byIface.get(route.iface) ?? []), ipv4Details(address, prefix, broadcast)]);
  }
  return byIface;
}

/** Default route: interface and gateway from /proc/net/route (destination and mask 0). */
export function parseDefaultRoute(lines: string[]): { interface: string; gateway: string } | undefined {
  let best: { interface: string; gateway: string; metric: number } | undefined;
  for (const line of lines.slice(1)) {
    const [iface, dest, gateway, flags, , , metric, mask] = line.trim().split(/\s+/);
    if (dest !== '00000000' || mask !== '00000000' || !(parseInt(flags, 16) & 1)) continue;
    if (!best || Number(metric) < best.metric) best = { interface: iface, gateway: hexToIpv4(gateway), metric: Number(metric) };
  }
  return best && { interface: best.interface, gateway: best.gateway };
}

/** '20010db8000000000000000000000001' → '2001:db8::1'. */
export function formatIpv6(hex: string): string {
  const groups = hex.match(/.{4}/g)?.map((g) => parseInt(g, 16).toString(16)) ?? [];
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLen).join(':')}`;
}

/** /sys/class/net lines (name ifindex mac mtu type flags speed) → links in ifindex order, like `ip link`. */
function parseLinks(lines: string[]): Map<string, Link> {
  const parsed = lines
    .map((line) => line.split(' '))
    .filter(([device]) => device)
    .map(([device, ifindex, mac, mtu, type, flags, speed]) => {
      const loopback = type === '772';
      const link: Link = {
        device,
        macaddress: loopback || !mac ? undefined : mac,
        mtu: mtu ? Number(mtu) : undefined,
        type: loopback ? 'loopback' : type === '1' ? 'ether' : 'unknown',
        active: flags ? (parseInt(flags, 16) & 1) === 1 : true,
        speed: speed && Number(speed) > 0 ? Number(speed) : undefined,
      };
      return { index: Number(ifindex) || 0, link };
    })
    .sort((a, b) => a.index - b.index);
  return new Map(parsed.map(({ link }) => [link.device, link]));
}

export function networkFacts(sections: Sections): Record<string, unknown> {
  const ipLines = sectionLines(sections, 'addr4');
  const addrs = ipLines.length ? parseIpAddr(ipLines) : addressesFromFib(sectionLines(sections, 'fib-trie'), sectionLines(sections, 'route'));
  const links = parseLinks(sectionLines(sections, 'links'));
  const route = parseDefaultRoute(sectionLines(sections, 'route'));
  const ipv6 = sectionLines(sections, 'if-inet6')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[5] !== 'lo' && f[0])
    .map((f) => formatIpv6(f[0]));

  const facts: Record<string, unknown> = {
    all_ipv4_addresses: [...addrs.entries()].filter(([iface]) => links.get(iface)?.type !== 'loopback' && iface !== 'lo').flatMap(([, list]) => list.map((a) => a.address)),
    all_ipv6_addresses: ipv6,
    interfaces: [...new Set([...links.keys(), ...addrs.keys()])],
    default_ipv6: {},
  };
  if (route) {
    const link = links.get(route.interface);
    const first = addrs.get(route.interface)?.[0];
    facts.default_ipv4 = {
      ...(first ?? {}),
      alias: route.interface,
      gateway: route.gateway,
      interface: route.interface,
      ...(link?.macaddress ? { macaddress: link.macaddress } : {}),
      ...(link?.mtu !== undefined ? { mtu: link.mtu } : {}),
      type: link?.type ?? 'unknown',
    };
  } else facts.default_ipv4 = {};
  for (const name of facts.interfaces as string[]) {
    const link = links.get(name);
    const first = addrs.get(name)?.[0];
    facts[name.replace(/[-.:]/g, '_')] = {
      device: name,
      active: link?.active ?? true,
      type: link?.type ?? 'unknown',
      ...(link?.macaddress ? { macaddress: link.macaddress } : {}),
      ...(link?.mtu !== undefined ? { mtu: link.mtu } : {}),
      ...(first ? { ipv4: first } : {}),
      ...((addrs.get(name)?.length ?? 0) > 1 ? { ipv4_secondaries: addrs.get(name)!.slice(1) } : {}),
      ...(link?.speed !== undefined ? { speed: link.speed } : {}),
      promisc: false,
    };
  }
  return facts;
}
