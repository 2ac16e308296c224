// Where a lab keeps what it made: `.ha-run/labs/<name>/` under the current directory.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HaRunError } from '../errors.js';
import type { HostKind } from './lab-file.js';
import type { StandInImage } from './stand-ins.js';

export interface LabHostState {
  name: string;
  kind: HostKind;
  groups: string[];
  container: string;
  /** Published sshd port on 127.0.0.1; pinned at creation so restarts keep it. */
  port: number;
  /** Address on the lab network; pinned at creation too. */
  address: string;
  image: string;
  /** Named volume for /var/lib/docker (docker kind only). */
  volume?: string;
  /** The host's own sshd key (`ssh-ed25519 AAAA...`), read from inside the container. */
  hostKey?: string;
}

export interface LabState {
  name: string;
  /** The real path of the `.ha-run` directory that made the lab (see owner.ts); absent in older state. */
  owner?: string;
  labFile: string;
  network: string;
  subnet: string;
  hosts: Record<string, LabHostState>;
  /** Stand-in images built for the lab file's `images`, by inventory key. */
  images?: Record<string, StandInImage>;
}

export interface LabPaths {
  dir: string;
  state: string;
  privateKey: string;
  publicKey: string;
  knownHosts: string;
  inventory: string;
}

export function labsRoot(cwd = process.cwd()): string {
  return resolve(cwd, '.ha-run', 'labs');
}

export function logsDir(cwd = process.cwd()): string {
  return resolve(cwd, '.ha-run', 'logs');
}

export function labPaths(name: string, cwd = process.cwd()): LabPaths {
  const dir = join(labsRoot(cwd), name);
  return {
    dir,
    state: join(dir, 'state.json'),
    privateKey: join(dir, 'id_ed25519'),
    publicKey: join(dir, 'id_ed25519.pub'),
    knownHosts: join(dir, 'known_hosts'),
    inventory: join(dir, 'inventory.yml'),
  };
}

export function readLabState(name: string, cwd = process.cwd()): LabState | undefined {
  const file = labPaths(name, cwd).state;
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LabState;
  } catch (err) {
    throw new HaRunError('lab-state-corrupt', `cannot read lab state ${file}: ${(err as Error).message}`, {
      hint: `remove the lab with: ha-run lab down ${name}`,
    });
  }
}

export function writeLabState(state: LabState, cwd = process.cwd()): void {
  const paths = labPaths(state.name, cwd);
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(paths.state, JSON.stringify(state, null, 2) + '\n');
}

/** Readers never see a half-written file (tests read these while another process may write). */
export function writeFileAtomic(file: string, text: string, mode = 0o644): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
}
