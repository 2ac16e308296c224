// A lab summarised for programs (the integration tests' harness reads this JSON).
import type { HostKind } from './lab-file.js';
import { writeFileAtomic, type LabPaths, type LabState } from './state.js';
import { join } from 'node:path';

export interface LabHostDescription {
  /** sshd on 127.0.0.1:port. */
  port: number;
  /** Address on the lab network (`lab_ip` in the inventory). */
  address: string;
  kind: HostKind;
  groups: string[];
  /** `ssh-ed25519 AAAA...` as in known_hosts. */
  hostKey: string;
}

export interface LabDescription {
  name: string;
  inventory: string;
  knownHosts: string;
  privateKey: string;
  hosts: Record<string, LabHostDescription>;
}

export function describeLab(state: LabState, paths: LabPaths): LabDescription {
  const hosts: Record<string, LabHostDescription> = {};
  for (const h of Object.values(state.hosts)) {
    hosts[h.name] = { port: h.port, address: h.address, kind: h.kind, groups: h.groups, hostKey: h.hostKey ?? '' };
  }
  return { name: state.name, inventory: paths.inventory, knownHosts: paths.knownHosts, privateKey: paths.privateKey, hosts };
}

export function descriptionPath(paths: LabPaths): string {
  return join(paths.dir, 'lab.json');
}

/** Writes `<lab dir>/lab.json` and returns its path. */
export function writeLabDescription(state: LabState, paths: LabPaths): string {
  const file = descriptionPath(paths);
  writeFileAtomic(file, JSON.stringify(describeLab(state, paths), null, 2) + '\n');
  return file;
}
