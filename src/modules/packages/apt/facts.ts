// What apt's plan reads: dpkg's records and apt's candidates for the named packages, the .deb's own
// fields, and simulations for whole-system operations (upgrade, build-dep, autoremove, autoclean).
import { shellQuote } from '../../../connection/quote.js';
import { ask, type Fact, type FactRequest, type Probe } from '../../kit/fact.js';
import { ModuleFailure } from '../../failure.js';
import { aptPolicy, type AptPolicy } from '../apt-policy.js';
import { aptSimulate, type SimulatedAction } from '../apt-simulate.js';
import { dpkgStatus, type DpkgRecord } from '../dpkg-status.js';
import { specName } from './spec.js';
import { releaseWords, upgradeWords, type AptOptions } from './options.js';

export interface DebFields {
  name: string;
  version: string;
  arch: string;
}

type Simulated = 'upgrade' | 'buildDep' | 'autoremove' | 'autoclean';

export interface AptFacts extends Partial<Record<Simulated, SimulatedAction[]>> {
  /** dpkg's records of the named packages (and of the .deb's package). */
  records: DpkgRecord[];
  policy: Record<string, AptPolicy>;
  deb?: DebFields;
}

export const debFields: Fact<string, DebFields> = {
  name: 'the fields of the .deb file',
  requires: ['dpkg-deb'],
  script: (path) => `dpkg-deb -W --showformat='\${Package}\\t\${Version}\\t\${Architecture}\\n' ${shellQuote(path)} 2>&1`,
  parse: (stdout, path, rc) => {
    if (rc !== 0) throw new ModuleFailure(`Unable to install package: ${path} is not a readable .deb (${stdout.trim()})`);
    const [name, version, arch] = stdout.trim().split('\t');
    return { name, version, arch };
  },
};

/** The simulations the options call for, by the fact key they fill. */
function simulations(o: AptOptions): [Simulated, string[]][] {
  const names = o.packages.map(specName);
  const out: [Simulated, string[]][] = [];
  if (o.upgrade) out.push(['upgrade', [...upgradeWords(o), ...releaseWords(o)]]);
  if (o.allInstalled && o.state === 'latest') out.push(['upgrade', [...upgradeWords({ ...o, upgrade: 'yes' }), ...releaseWords(o)]]);
  if (o.state === 'build-dep' && names.length) out.push(['buildDep', ['build-dep', ...releaseWords(o), ...names]]);
  // With packages named, autoremove rides along with their install/remove (--auto-remove).
  if (o.autoremove && names.length === 0) out.push(['autoremove', ['autoremove', ...(o.purge ? ['--purge'] : [])]]);
  if (o.autoclean && names.length === 0) out.push(['autoclean', ['autoclean']]);
  return out;
}

export async function gatherApt(probe: Probe, o: AptOptions): Promise<AptFacts> {
  const facts: AptFacts = { records: [], policy: {} };
  if (o.deb?.includes('://')) throw new ModuleFailure(`deb: ${o.deb} is a URL; ha-run installs a .deb file already on the target (fetch it first, e.g. with get_url)`);
  if (o.deb) facts.deb = await probe.get(debFields, o.deb);
  const names = [...o.packages.map(specName), ...(facts.deb ? [facts.deb.name] : [])];
  const sims = simulations(o);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const requests: FactRequest<any, any>[] = sims.map(([, words]) => ask(aptSimulate, words));
  if (names.length) requests.push(ask(dpkgStatus, names), ask(aptPolicy, { names, defaultRelease: o.defaultRelease }));
  const answers = await probe.many(...requests);
  sims.forEach(([key], i) => (facts[key] = answers[i] as SimulatedAction[]));
  if (names.length) {
    facts.records = answers[sims.length] as DpkgRecord[];
    facts.policy = answers[sims.length + 1] as Record<string, AptPolicy>;
  }
  return facts;
}
