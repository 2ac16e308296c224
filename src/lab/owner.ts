// Who a lab belongs to: the `.ha-run` state directory that made it, by its real path (so worktrees whose
// `.ha-run` is a symlink to one checkout's share its labs). Recorded as a label on the lab's network,
// containers and volumes; another state directory asking for the same lab name is refused.
import { mkdirSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { HaRunError } from '../errors.js';
import { docker, dockerOk } from './docker.js';
import { LAB_LABEL, OWNER_LABEL, networkName } from './network.js';

/** The real path of this directory's `.ha-run` (made if missing, so the path is stable from the start). */
export function labOwner(cwd = process.cwd()): string {
  const dir = resolve(cwd, '.ha-run');
  mkdirSync(dir, { recursive: true });
  return realpathSync(dir);
}

/** A Docker object of the lab and the owner label it carries (none on labs made before owners existed). */
export interface LabObject {
  kind: 'network' | 'container' | 'volume';
  name: string;
  owner?: string;
}

export type Ownership =
  | { verdict: 'free' }
  | { verdict: 'mine' }
  /** Made before labs had owners: taken over as it is (nothing recreated); what is made from now on is labelled. */
  | { verdict: 'adopt' }
  | { verdict: 'foreign'; owners: string[] };

/** Pure: what the labels found say about who may use the lab. */
export function ownership(objects: readonly LabObject[], me: string): Ownership {
  if (objects.length === 0) return { verdict: 'free' };
  const others = [...new Set(objects.flatMap((o) => (o.owner && o.owner !== me ? [o.owner] : [])))];
  if (others.length > 0) return { verdict: 'foreign', owners: others };
  return objects.every((o) => o.owner === me) ? { verdict: 'mine' } : { verdict: 'adopt' };
}

/** Everything Docker has under the lab's name, with its owner label. */
export async function labObjects(lab: string): Promise<LabObject[]> {
  const format = `{{.Name}}|{{index .Labels "${OWNER_LABEL}"}}`;
  const parse = (kind: LabObject['kind'], out: string): LabObject[] =>
    out
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [name = '', owner] = l.split('|');
        return { kind, name, ...(owner ? { owner } : {}) };
      });
  const filter = ['--filter', `label=${LAB_LABEL}=${lab}`];
  const containers = await dockerOk(['ps', '-a', ...filter, '--format', `{{.Names}}|{{.Label "${OWNER_LABEL}"}}`], 'listing lab containers');
  const volumes = await dockerOk(['volume', 'ls', ...filter, '--format', `{{.Name}}|{{.Label "${OWNER_LABEL}"}}`], 'listing lab volumes');
  // The network is found by its name (no such network: an empty answer).
  const inspected = await docker(['network', 'inspect', '--format', format, networkName(lab)]);
  const net = inspected.exitCode === 0 ? inspected.stdout : '';
  return [...parse('network', net), ...parse('container', containers), ...parse('volume', volumes)];
}

/** Throws a clear error when the lab named belongs to another state directory. */
export function refuseForeign(lab: string, found: Ownership, me: string, doing: string): void {
  if (found.verdict !== 'foreign') return;
  throw new HaRunError('lab-owned-elsewhere', `lab '${lab}' belongs to ${found.owners.join(', ')}, not to ${me}: ${doing} refused, nothing changed`, {
    hint: `give this lab file another \`name:\`, or run the command from the directory that made it`,
  });
}
