// `lab down`: removes everything a lab made (containers, volumes, network, state dir), found by
// label so it works even when the state dir is gone, but only when this state directory owns the
// lab (owner.ts): another checkout's lab of the same name is left alone. Cached images stay.
import { rmSync } from 'node:fs';
import { dockerOk, ensureDocker } from './docker.js';
import { withDirLock } from './lock.js';
import { removeNetwork } from './network.js';
import { labObjects, labOwner, ownership, refuseForeign } from './owner.js';
import { labPaths } from './state.js';

export interface LabDownResult {
  containers: string[];
  volumes: string[];
  network: boolean;
}

export async function labDown(name: string): Promise<LabDownResult> {
  await ensureDocker();
  const paths = labPaths(name);
  const owner = labOwner();
  refuseForeign(name, ownership(await labObjects(name), owner), owner, 'lab down');
  const result = await withDirLock(paths.dir, async () => {
    const found = await labObjects(name); // again under the lock: a `lab up` may have just finished
    const containers = found.filter((o) => o.kind === 'container').map((o) => o.name);
    if (containers.length > 0) await dockerOk(['rm', '--force', '--volumes', ...containers], `removing lab ${name}'s containers`);
    const volumes = found.filter((o) => o.kind === 'volume').map((o) => o.name);
    if (volumes.length > 0) await dockerOk(['volume', 'rm', '--force', ...volumes], `removing lab ${name}'s volumes`);
    const network = found.some((o) => o.kind === 'network') && (await removeNetwork(name));
    return { containers, volumes, network };
  });
  rmSync(paths.dir, { recursive: true, force: true });
  return result;
}
