// apt's pure plan: from dpkg's records, apt's candidates and simulations to the changes to make,
// one per package with its reason, and the apt-get commands that make them (one command per
// operation, as Ansible runs them).
import { fnmatchRegExp } from '../../../util/fnmatch.js';
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import { aptGet } from '../apt-command.js';
import type { AptPolicy } from '../apt-policy.js';
import { describeAction, type SimulatedAction } from '../apt-simulate.js';
import { compareDebianVersions } from '../debian-version.js';
import { hasConfigFiles, isInstalled, recordOf } from '../dpkg-status.js';
import type { AptFacts } from './facts.js';
import { aptOptions, commonWords, recommendsWords, upgradeWords, type AptOptions } from './options.js';
import type { AptArgs } from './schema.js';
import { expandPatterns } from './wildcards.js';
import { parseSpec, type PackageSpec } from './spec.js';

/** One package's change before it is grouped into a command. */
interface PackageStep {
  summary: string;
  word: string;
  before: string;
  after: string;
}

export function planApt(args: AptArgs, facts: AptFacts): Change[] {
  const given = aptOptions(args);
  const o = { ...given, packages: expandPatterns(given.packages, facts.matches) };
  checkCombination(o);
  const changes: Change[] = [];
  if (o.upgrade && facts.upgrade) changes.push(...simulated(facts.upgrade, aptGet([...commonWords(o), ...upgradeWords(o)])));
  if (o.deb && facts.deb) changes.push(...debChange(o, facts));
  if (o.allInstalled && o.state === 'latest' && facts.upgrade) changes.push(...simulated(facts.upgrade, aptGet([...commonWords(o), ...upgradeWords({ ...o, upgrade: 'yes' })])));
  if (o.packages.length === 0) {
    if (facts.autoclean) changes.push(...simulated(facts.autoclean, aptGet([...commonWords(o), 'autoclean'])));
    if (facts.autoremove) changes.push(...simulated(facts.autoremove, aptGet([...commonWords(o), ...(o.purge ? ['--purge'] : []), 'autoremove'])));
    return changes;
  }
  if (o.state === 'absent') return [...changes, ...grouped(o.packages.flatMap((p) => removeStep(parseSpec(p), o, facts)), removeWords(o))];
  if (o.state === 'build-dep') return [...changes, ...simulated(facts.buildDep ?? [], aptGet([...commonWords(o), 'build-dep', ...o.packages]))];
  return [...changes, ...grouped(o.packages.flatMap((p) => installStep(parseSpec(p), o, facts)), installWords(o))];
}

function checkCombination(o: AptOptions): void {
  if (o.deb && o.state !== 'present') throw new ModuleFailure('deb only supports state=present');
  if (o.allInstalled && o.state === 'latest' && o.packages.length) throw new ModuleFailure('unable to install additional packages when upgrading all installed packages');
}

function installWords(o: AptOptions): string[] {
  return [
    ...commonWords(o),
    ...(o.autoremove ? ['--auto-remove'] : []),
    ...(o.args.only_upgrade ? ['--only-upgrade'] : []),
    ...(o.state === 'fixed' ? ['--fix-broken'] : []),
    ...recommendsWords(o.args),
    'install',
  ];
}

function removeWords(o: AptOptions): string[] {
  return ['-q', ...commonWords(o), ...(o.purge ? ['--purge'] : []), ...(o.autoremove ? ['--auto-remove'] : []), 'remove'];
}

/** Steps of one command: each its own change (its own reason), the command on the last one. */
function grouped(steps: PackageStep[], words: string[]): Change[] {
  const command = aptGet([...words, ...steps.map((s) => s.word)]);
  return steps.map((s, i) => ({
    summary: s.summary,
    diff: { path: `package ${s.word.split('=')[0]}`, before: s.before, after: s.after },
    ops: i === steps.length - 1 ? [{ kind: 'exec' as const, command }] : [],
  }));
}

/** What a simulation says would happen, one change per action, the command on the last. */
function simulated(actions: readonly SimulatedAction[], command: string): Change[] {
  return actions.map((a, i) => ({ summary: describeAction(a), ops: i === actions.length - 1 ? [{ kind: 'exec' as const, command }] : [] }));
}

function policyOf(policy: Record<string, AptPolicy>, name: string): AptPolicy | undefined {
  return policy[name] ?? policy[name.split(':')[0]];
}

/** The version apt should install for the spec, or undefined when none fits. */
function bestVersion(s: PackageSpec, pol: AptPolicy): string | undefined {
  if (s.cmp === '=') return pol.versions.find((v) => fnmatchRegExp(s.version!).test(v));
  if (s.cmp === '>=') {
    if (pol.candidate && compareDebianVersions(pol.candidate, s.version!) >= 0) return pol.candidate;
    return pol.versions.find((v) => compareDebianVersions(v, s.version!) >= 0);
  }
  return pol.candidate;
}

function satisfies(s: PackageSpec, installed: string): boolean {
  if (s.cmp === '=') return fnmatchRegExp(s.version!).test(installed);
  if (s.cmp === '>=') return compareDebianVersions(installed, s.version!) >= 0;
  return true;
}

function installStep(s: PackageSpec, o: AptOptions, facts: AptFacts): PackageStep[] {
  const rec = recordOf(facts.records, s.name);
  const installed = rec && isInstalled(rec) ? rec.version : undefined;
  if (!installed && o.args.only_upgrade) return [];
  const pol = policyOf(facts.policy, s.name);
  if (!pol) throw new ModuleFailure(`No package matching '${s.name}' is available`);
  const best = bestVersion(s, pol);
  if (installed && satisfies(s, installed)) {
    if (o.state !== 'latest' || !best || best === installed) return [];
    return [versionChange(s.name, installed, best)];
  }
  if (!best) {
    // A virtual package (no versions of its own): apt chooses the provider.
    if (!installed && !s.cmp && pol.versions.length === 0) return [{ summary: `install ${s.name} (virtual: apt picks a provider)`, word: s.name, before: 'not installed\n', after: 'a provider installed\n' }];
    throw new ModuleFailure(`no available installation candidate for ${s.name}${s.cmp ? `${s.cmp}${s.version}` : ''}`);
  }
  if (installed) return [versionChange(s.name, installed, best)];
  return [{ summary: `install ${s.name} ${best}`, word: `${s.name}=${best}`, before: 'not installed\n', after: `${best}\n` }];
}

function versionChange(name: string, from: string, to: string): PackageStep {
  const verb = compareDebianVersions(to, from) >= 0 ? 'upgrade' : 'downgrade';
  return { summary: `${verb} ${name} ${from} → ${to}`, word: `${name}=${to}`, before: `${from}\n`, after: `${to}\n` };
}

function removeStep(s: PackageSpec, o: AptOptions, facts: AptFacts): PackageStep[] {
  const rec = recordOf(facts.records, s.name);
  if (!rec) return [];
  if (isInstalled(rec)) {
    if (s.cmp && !satisfies(s, rec.version)) return [];
    return [{ summary: `${o.purge ? 'purge' : 'remove'} ${s.name} ${rec.version}`, word: s.name, before: `${rec.version}\n`, after: 'not installed\n' }];
  }
  if (o.purge && hasConfigFiles(rec)) return [{ summary: `purge the configuration files left by ${s.name}`, word: s.name, before: 'configuration files\n', after: 'not installed\n' }];
  return [];
}

function debChange(o: AptOptions, facts: AptFacts): Change[] {
  const deb = facts.deb!;
  const rec = recordOf(facts.records, deb.name);
  const installed = rec && isInstalled(rec) ? rec.version : undefined;
  if (installed && compareDebianVersions(installed, deb.version) === 0) return [];
  const file = facts.debPath ?? o.deb!;
  const path = file.includes('/') ? file : `./${file}`;
  const summary = installed ? `${compareDebianVersions(deb.version, installed) > 0 ? 'upgrade' : 'downgrade'} ${deb.name} ${installed} → ${deb.version} from ${o.deb}` : `install ${deb.name} ${deb.version} from ${o.deb}`;
  return [
    {
      summary,
      diff: { path: `package ${deb.name}`, before: `${installed ?? 'not installed'}\n`, after: `${deb.version}\n` },
      ops: [{ kind: 'exec', command: aptGet([...commonWords(o), ...recommendsWords(o.args), 'install', path]) }],
    },
  ];
}
