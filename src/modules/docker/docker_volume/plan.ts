// docker_volume's pure plan: create a missing volume; an existing one is recreated (losing its
// data) only when recreate says so: always, or options-changed with a requested option that differs.
import type { Change } from '../../types.js';
import { dockerOp } from '../command.js';
import type { Inspected } from '../inspect.js';
import { differingKeys, keyValueWords } from '../key-values.js';
import type { DockerVolumeArgs } from './schema.js';

export function volumeName(a: DockerVolumeArgs): string {
  return (a.name ?? a.volume_name)!;
}

export function volumeDifferences(a: DockerVolumeArgs, vol: Inspected): string[] {
  const out: string[] = [];
  if (a.driver && a.driver !== vol.Driver) out.push(`driver ${String(vol.Driver)} → ${a.driver}`);
  const opts = differingKeys(a.driver_options, vol.Options);
  if (opts.length) out.push(`driver_options ${opts.join(', ')} differ`);
  const labels = differingKeys(a.labels, vol.Labels);
  if (labels.length) out.push(`labels ${labels.join(', ')} differ`);
  return out;
}

export function planDockerVolume(a: DockerVolumeArgs, vol: Inspected | null): Change[] {
  const name = volumeName(a);
  if (a.state === 'absent') return vol ? [{ summary: `remove volume ${name}`, ops: [dockerOp('volume', 'rm', name)] }] : [];
  const create = dockerOp('volume', 'create', '--driver', a.driver ?? 'local', ...keyValueWords('--opt', a.driver_options), ...keyValueWords('--label', a.labels), name);
  if (!vol) return [{ summary: `create volume ${name}`, ops: [create] }];
  const differences = volumeDifferences(a, vol);
  const recreate = a.recreate ?? 'never';
  if (recreate === 'always' || (recreate === 'options-changed' && differences.length)) {
    const why = recreate === 'always' ? 'recreate: always' : differences.join('; ');
    return [{ summary: `recreate volume ${name}: ${why}`, ops: [dockerOp('volume', 'rm', name), create] }];
  }
  return [];
}
