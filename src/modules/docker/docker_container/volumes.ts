// volumes ("src:dest[:mode]", "dest") and mounts as community.docker reads them, compared with what
// `docker inspect` shows: .Mounts for volumes, HostConfig.Mounts for mounts.
import { ModuleFailure } from '../../failure.js';
import type { ContainerMount } from './schema.js';

export interface VolumeSpec {
  /** Host path or volume name; empty for an anonymous volume. */
  source: string;
  target: string;
  readOnly: boolean;
}

export function parseVolume(spec: string): VolumeSpec {
  const parts = spec.split(':');
  if (parts.length === 1) return { source: '', target: parts[0]!, readOnly: false };
  const [source = '', target = '', mode = 'rw'] = parts;
  if (parts.length > 3 || !target.startsWith('/')) throw new ModuleFailure(`volumes: '${spec}' is not "source:/path[:mode]" or "/path"`);
  return { source, target, readOnly: mode.split(',').includes('ro') };
}

interface InspectedMount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  RW?: boolean;
}

/** Why the container's mounts do not give this volume, or undefined when they do. */
export function volumeDifference(v: VolumeSpec, mounts: InspectedMount[] | null | undefined): string | undefined {
  const have = (mounts ?? []).find((m) => m.Destination === v.target);
  if (!have) return `volume ${v.target} missing`;
  if (v.source !== '') {
    const source = v.source.startsWith('/') ? have.Source : have.Name;
    if (source !== v.source) return `volume ${v.target} comes from ${source ?? 'elsewhere'}, not ${v.source}`;
  }
  if (have.RW === v.readOnly) return `volume ${v.target} is ${have.RW ? 'read-write' : 'read-only'}`;
  return undefined;
}

interface InspectedHostMount {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
}

export function mountDifference(m: ContainerMount, mounts: InspectedHostMount[] | null | undefined): string | undefined {
  const have = (mounts ?? []).find((x) => x.Target === m.target);
  const type = m.type ?? 'volume';
  if (!have) return `mount ${m.target} missing`;
  if ((have.Type ?? 'volume') !== type) return `mount ${m.target} is a ${have.Type}, not a ${type}`;
  if (m.source !== undefined && (have.Source ?? '') !== m.source) return `mount ${m.target} comes from ${have.Source || 'nowhere'}, not ${m.source}`;
  if (m.read_only !== undefined && Boolean(have.ReadOnly) !== m.read_only) return `mount ${m.target} is ${have.ReadOnly ? 'read-only' : 'read-write'}`;
  return undefined;
}

export function mountArg(m: ContainerMount): string {
  const parts = [`type=${m.type ?? 'volume'}`];
  if (m.source) parts.push(`source=${m.source}`);
  parts.push(`target=${m.target}`);
  if (m.read_only) parts.push('readonly');
  return parts.join(',');
}
