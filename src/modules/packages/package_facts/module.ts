// package_facts: the installed packages as ansible_facts.packages, shaped as Ansible shapes them
// (name → list of {name, version, arch, category, source}), read with dpkg-query.
import { probeOf } from '../../kit/probe.js';
import type { ActionModule } from '../../types.js';
import { dpkgStatus, isInstalled, type DpkgRecord } from '../dpkg-status.js';
import { pkgMgr } from '../pkg-mgr-fact.js';

interface PackageFactsArgs {
  manager?: string[];
  strategy?: 'first' | 'all';
}

const KNOWN = ['auto', 'apt', 'rpm', 'yum', 'dnf', 'zypper', 'pacman', 'apk', 'pkg', 'portage', 'pkg_info'];

export const packageFactsModule: ActionModule<PackageFactsArgs> = {
  kind: 'action',
  readsOnly: true,
  name: 'package_facts',
  setsVars: 'named-facts',
  schema: {
    type: 'object',
    description: 'Reads the installed packages into ansible_facts.packages (apt targets, through dpkg-query).',
    additionalProperties: false,
    properties: {
      manager: { type: 'array', items: { type: 'string', enum: KNOWN }, default: ['auto'], description: "The package managers to ask: 'auto' or 'apt' (others fail on a target without them)." },
      strategy: { type: 'string', enum: ['first', 'all'], default: 'first', description: 'Stop at the first manager found, or ask all.' },
    },
  },
  async run(ctx, args) {
    const managers = (args.manager ?? ['auto']).map((m) => m.toLowerCase());
    const probe = probeOf(ctx.conn);
    const usesApt = managers.includes('apt') || (managers.includes('auto') && (await probe.get(pkgMgr, undefined)) === 'apt');
    if (!usesApt) {
      return { changed: false, failed: true, msg: `Could not detect a supported package manager from the following list: ${managers.join(', ')} (ha-run reads packages with dpkg-query on apt targets)` };
    }
    const records = await probe.get(dpkgStatus, undefined);
    return { changed: false, ansible_facts: { packages: packagesFact(records) } };
  },
};

/** dpkg's records → Ansible's packages fact (installed packages only). */
export function packagesFact(records: readonly DpkgRecord[]): Record<string, { name: string; version: string; arch: string; category: string; source: string }[]> {
  const out: Record<string, { name: string; version: string; arch: string; category: string; source: string }[]> = {};
  for (const r of records.filter(isInstalled)) {
    (out[r.name] ??= []).push({ name: r.name, version: r.version, arch: r.arch, category: r.section, source: 'apt' });
  }
  return out;
}
