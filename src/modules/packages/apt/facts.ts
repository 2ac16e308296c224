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
import { aptPackageNames, expandPatterns, isPattern, patternMatches, patternPrefix } from './wildcards.js';

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
  /** Where the .deb is on the target, when not at `deb` (a URL downloaded). */
  debPath?: string;
  /** The packages each wildcard pattern of `name` matches. */
  matches?: Record<string, string[]>;
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

/** `debPath`: where a `deb:` URL was downloaded on the target. */
export async function gatherApt(probe: Probe, given: AptOptions, debPath?: string): Promise<AptFacts> {
  const facts: AptFacts = { records: [], policy: {} };
  const patterns = given.packages.filter(isPattern);
  if (patterns.length) facts.matches = patternMatches(patterns, await probe.get(aptPackageNames, [...new Set(patterns.map(patternPrefix))]));
  const o = { ...given, packages: expandPatterns(given.packages, facts.matches) };
  if (o.deb) facts.deb = await probe.get(debFields, debPath ?? o.deb);
  if (debPath) facts.debPath = debPath;
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
