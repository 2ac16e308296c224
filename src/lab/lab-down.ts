// `lab down`: removes everything a lab made (containers, volumes, network, state dir), found by
// label so it works even when the state dir is gone. Cached images stay.
import { rmSync } from 'node:fs';
import { dockerOk, ensureDocker } from './docker.js';
import { labContainers, labVolumes } from './containers.js';
import { withDirLock } from './lock.js';
import { removeNetwork } from './network.js';
import { labPaths } from './state.js';

export interface LabDownResult {
  containers: string[];
  volumes: string[];
  network: boolean;
}

export async function labDown(name: string): Promise<LabDownResult> {
  await ensureDocker();
  const paths = labPaths(name);
  const result = await withDirLock(paths.dir, async () => {
    const containers = await labContainers(name);
    if (containers.length > 0) await dockerOk(['rm', '--force', '--volumes', ...containers], `removing lab ${name}'s containers`);
    const volumes = await labVolumes(name);
    if (volumes.length > 0) await dockerOk(['volume', 'rm', '--force', ...volumes], `removing lab ${name}'s volumes`);
    const network = await removeNetwork(name);
    return { containers, volumes, network };
  });
  rmSync(paths.dir, { recursive: true, force: true });
  return result;
}
