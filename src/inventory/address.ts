// Splits an inventory host entry into name (or range pattern) and port: `db1:2222`, `[::1]:22`.
// As Ansible does: a port only when the part before it has no bare ':' (so IPv6 addresses stay whole).

export interface HostEntry {
  pattern: string;
  port?: number;
}

const BRACKETED = /^\[(.+)\]:(\d+)$/;
const HOST_PORT = /^((?:[^:[\]]|\[[^\]]*\])*):(\d+)$/;

export function splitHostPort(entry: string): HostEntry {
  const bracketed = BRACKETED.exec(entry);
  if (bracketed && bracketed[1]!.includes(':') && !/^\d*:\d*(:\d+)?$/.test(bracketed[1]!)) {
    return { pattern: bracketed[1]!, port: Number(bracketed[2]) };
  }
  const hostPort = HOST_PORT.exec(entry);
  if (hostPort && hostPort[1] !== '') return { pattern: hostPort[1]!, port: Number(hostPort[2]) };
  return { pattern: entry };
}
