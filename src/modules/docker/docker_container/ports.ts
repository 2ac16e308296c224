// published_ports as community.docker reads them: "[ip:][host_port]:container_port[/proto]", a bare
// container port, or "all"; compared with the container's HostConfig.PortBindings.
import { ModuleFailure } from '../../failure.js';

export interface PortBinding {
  /** "80/tcp" */
  port: string;
  hostIp: string;
  hostPort: string;
}

export function parsePublishedPort(spec: string): PortBinding {
  const [main = '', proto = 'tcp'] = spec.split('/');
  // An IPv6 host address is written in brackets: [::1]:8080:80.
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(main);
  const parts = v6 ? [v6[1]!, ...v6[2]!.split(':')] : main.split(':');
  const containerPort = parts.pop()!;
  const hostPort = parts.pop() ?? '';
  const hostIp = parts.pop() ?? '';
  if (parts.length > 0 || !/^\d+$/.test(containerPort) || !/^\d*$/.test(hostPort)) {
    throw new ModuleFailure(`published_ports: '${spec}' is not "[ip:][host_port:]container_port[/proto]" (port ranges are not supported)`);
  }
  return { port: `${containerPort}/${proto}`, hostIp, hostPort };
}

/** The docker run option for a binding. */
export function publishArg(b: PortBinding): string {
  const ip = b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp;
  return `${ip ? `${ip}:` : ''}${b.hostPort || ip ? `${b.hostPort}:` : ''}${b.port}`;
}

type Bindings = Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined;

/** Whether the container publishes this binding (an unset address means every address). */
export function isPublished(b: PortBinding, bindings: Bindings): boolean {
  const anyIp = (ip: string | undefined) => !ip || ip === '0.0.0.0';
  return (bindings?.[b.port] ?? []).some(
    (have) => (b.hostIp === (have.HostIp ?? '') || (anyIp(b.hostIp) && anyIp(have.HostIp))) && (b.hostPort === '' || b.hostPort === (have.HostPort ?? '')),
  );
}
