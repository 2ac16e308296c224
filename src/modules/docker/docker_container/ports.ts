// published_ports as community.docker reads them: "[ip:][host_port]:container_port[/proto]", a bare
// container port, or "all"; a container port range ("8000-8010") pairs with a host range of the same
// start ("8000-8010:8000-8010") or none. Each spec becomes one binding per container port, compared
// with the container's HostConfig.PortBindings.
import { ModuleFailure } from '../../failure.js';

export interface PortBinding {
  /** "80/tcp" */
  port: string;
  hostIp: string;
  hostPort: string;
}

/** "8000" → [8000], "8000-8002" → [8000, 8001, 8002]. */
function portRange(text: string, spec: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const first = Number(m?.[1]);
  const last = m?.[2] === undefined ? first : Number(m[2]);
  if (!m || last < first || first > 65535 || last > 65535) throw new ModuleFailure(`published_ports: '${spec}': '${text}' is not a port or a port range (8000-8010)`);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The bindings one spec asks for, one per container port. */
export function parsePublishedPorts(spec: string): PortBinding[] {
  const [main = '', proto = 'tcp'] = spec.split('/');
  // An IPv6 host address is written in brackets: [::1]:8080:80.
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(main);
  const parts = v6 ? [v6[1]!, ...v6[2]!.split(':')] : main.split(':');
  if (parts.length > 3) throw new ModuleFailure(`published_ports: '${spec}' is not "[ip:][host_port:]container_port[/proto]" (an IPv6 address goes in brackets)`);
  const containerPorts = portRange(parts.pop()!, spec);
  const hostPart = parts.pop() ?? '';
  const hostIp = parts.pop() ?? '';
  if (hostPart === '') return containerPorts.map((p) => ({ port: `${p}/${proto}`, hostIp, hostPort: '' }));
  const hostPorts = portRange(hostPart, spec);
  if (hostPorts.length !== containerPorts.length) {
    throw new ModuleFailure(`published_ports: '${spec}': the host ports (${hostPorts.length}) and the container ports (${containerPorts.length}) must be as many`);
  }
  return containerPorts.map((p, i) => ({ port: `${p}/${proto}`, hostIp, hostPort: String(hostPorts[i]) }));
}

/** The docker run option for a binding. */
export function publishArg(b: PortBinding): string {
  const ip = b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp;
  return `${ip ? `${ip}:` : ''}${b.hostPort || ip ? `${b.hostPort}:` : ''}${b.port}`;
}

type Bindings = Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined;

const anyIp = (ip: string | undefined) => !ip || ip === '0.0.0.0';

/** Whether the container publishes this binding (an unset address means every address). */
export function isPublished(b: PortBinding, bindings: Bindings): boolean {
  return (bindings?.[b.port] ?? []).some(
    (have) => (b.hostIp === (have.HostIp ?? '') || (anyIp(b.hostIp) && anyIp(have.HostIp))) && (b.hostPort === '' || b.hostPort === (have.HostPort ?? '')),
  );
}

/** Bindings the container has that none of `wanted` asks for ("8080/tcp"), for strict comparison. */
export function extraBindings(wanted: PortBinding[], bindings: Bindings): string[] {
  const extra: string[] = [];
  for (const [port, list] of Object.entries(bindings ?? {})) {
    for (const have of list ?? []) {
      const asked = wanted.some((b) => b.port === port && isPublished(b, { [port]: [have] }));
      if (!asked) extra.push(`${have.HostIp ? `${have.HostIp}:` : ''}${have.HostPort ?? ''}:${port}`);
    }
  }
  return extra;
}
