// gatherFacts: every fact in one round trip (one shell script, parsed section by section).
// Keys as in Ansible's `ansible_facts` (no `ansible_` prefix); the executor adds the prefixed names.
import type { Connection } from '../connection/types.js';
import { HaRunError } from '../errors.js';
import { factsScript, splitSections, type FactsOptions, type Sections } from './script.js';
import { localFacts } from './local.js';
import { newNonce } from '../connection/sections.js';
import { platformFacts } from './platform.js';
import { hostnameFacts } from './hostname.js';
import { distributionFacts } from './distribution.js';
import { memoryFacts } from './memory.js';
import { cpuFacts } from './cpu.js';
import { networkFacts } from './network.js';
import { serviceMgrFacts } from './service-mgr.js';
import { pkgMgrFacts } from './pkg-mgr.js';
import { userFacts } from './user.js';
import { dateTimeFacts } from './date-time.js';
import { envFacts } from './env.js';
import { dnsFacts } from './dns.js';
import { loadavgFacts, systemFacts } from './system.js';
import { mountsFacts } from './mounts.js';
import { virtualizationFacts } from './virtualization.js';
import { selinuxFacts } from './selinux.js';
import { pythonFacts } from './python.js';

const PARSERS = [
  platformFacts,
  hostnameFacts,
  distributionFacts,
  memoryFacts,
  cpuFacts,
  networkFacts,
  serviceMgrFacts,
  pkgMgrFacts,
  userFacts,
  dateTimeFacts,
  envFacts,
  dnsFacts,
  systemFacts,
  loadavgFacts,
  mountsFacts,
  virtualizationFacts,
  selinuxFacts,
  pythonFacts,
];

/** Facts from the script's output (pure: tests feed recorded outputs). */
export function parseFacts(sections: Sections): Record<string, unknown> {
  return Object.assign({ gather_subset: ['all'] }, ...PARSERS.map((parse) => parse(sections)), localFacts(sections).facts);
}

/** The facts and, like Ansible, a warning for each local fact file that could not be read. */
export async function gatherFactsWithWarnings(conn: Connection, options: { timeoutMs?: number } & FactsOptions = {}): Promise<{ facts: Record<string, unknown>; warnings: string[] }> {
  const nonce = newNonce();
  const r = await conn.exec(factsScript(nonce, options), { ownScript: true, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  const sections = splitSections(r.stdout, nonce);
  if (!sections.uname) throw new HaRunError('facts-failed', `gathering facts on ${conn.host} printed nothing usable: ${r.stderr.trim() || `exit status ${r.rc}`}`);
  return { facts: parseFacts(sections), warnings: localFacts(sections).warnings };
}

export async function gatherFacts(conn: Connection, options: { timeoutMs?: number } & FactsOptions = {}): Promise<Record<string, unknown>> {
  return (await gatherFactsWithWarnings(conn, options)).facts;
}
