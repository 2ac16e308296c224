// `lab status`: each host of a lab with its kind, port, address and what Docker says about it.
import { ensureDocker } from './docker.js';
import { inspectContainer } from './containers.js';
import { readLabState, type LabState } from './state.js';

export interface HostStatus {
  name: string;
  kind: string;
  groups: string[];
  port: number;
  address: string;
  /** Docker's state (`running`, `exited`, ...) or `missing` when the container is gone. */
  state: string;
}

export async function labStatus(name: string): Promise<{ state: LabState; hosts: HostStatus[] } | undefined> {
  await ensureDocker();
  const state = readLabState(name);
  if (!state) return undefined;
  const hosts = await Promise.all(
    Object.values(state.hosts).map(async (h) => {
      const info = await inspectContainer(h.container);
      return { name: h.name, kind: h.kind, groups: h.groups, port: h.port, address: h.address, state: info?.status ?? 'missing' };
    }),
  );
  return { state, hosts };
}
