// apt's pure plan as tables: (arguments, dpkg records, apt's candidates, simulations) → changes.
import { describe, expect, it } from 'vitest';
import { planApt } from '../../../../src/modules/packages/apt/plan.js';
import { aptModule } from '../../../../src/modules/packages/apt/module.js';
import { cacheUpdateReason, onlyCacheUpdate } from '../../../../src/modules/packages/apt/cache.js';
import type { AptFacts } from '../../../../src/modules/packages/apt/facts.js';
import { compareDebianVersions } from '../../../../src/modules/packages/debian-version.js';
import type { DpkgRecord } from '../../../../src/modules/packages/dpkg-status.js';
import type { DeclarativeModule } from '../../../../src/modules/types.js';
import { coerceToSchema } from '../../../../src/schema/coerce.js';
import { describePlan } from '../../../kit/plan-cases.js';

// apt is an action module (its `changed` is decided after the fact); its plan is pure all the same.
const aptPlan = { ...aptModule, kind: 'declarative', plan: planApt, gather: async () => ({}) } as unknown as DeclarativeModule<Record<string, unknown>, AptFacts>;

const rec = (name: string, version: string, status = 'ii'): DpkgRecord => ({ name, version, arch: 'amd64', status, source: name, section: 'utils' });
const tree = { candidate: '2.1.0-1', versions: ['2.1.0-1'] };
const treeInstalled = { installed: '2.1.0-1', candidate: '2.1.0-1', versions: ['2.1.0-1'] };
const none: AptFacts = { records: [], policy: { tree, sl: { candidate: '5.02-1+b1', versions: ['5.02-1+b1'] } } };
const installed: AptFacts = { records: [rec('tree', '2.1.0-1'), rec('sl', '5.02-1+b1')], policy: { tree: treeInstalled, sl: { installed: '5.02-1+b1', candidate: '5.02-1+b1', versions: ['5.02-1+b1'] } } };
const older: AptFacts = { records: [rec('tree', '2.0.4-1')], policy: { tree: { installed: '2.0.4-1', candidate: '2.1.0-1', versions: ['2.1.0-1', '2.0.4-1'] } } };

describePlan(aptPlan, [
  { name: 'installed already: converged', args: { name: 'tree,sl' }, facts: installed, expect: 'ok' },
  { name: 'install two (comma list), each its reason', args: { name: 'tree,sl' }, facts: none, expect: ['install tree 2.1.0-1', 'install sl 5.02-1+b1'] },
  { name: 'pkg alias, one string', args: { pkg: 'tree' }, facts: none, expect: ['install tree 2.1.0-1'] },
  { name: 'present does not upgrade', args: { name: ['tree'] }, facts: older, expect: 'ok' },
  { name: 'latest upgrades', args: { name: ['tree'], state: 'latest' }, facts: older, expect: ['upgrade tree 2.0.4-1 → 2.1.0-1'] },
  { name: 'latest with nothing newer', args: { name: ['tree'], state: 'latest' }, facts: installed, expect: 'ok' },
  { name: 'pin to the installed version', args: { name: ['tree=2.0.4-1'] }, facts: older, expect: 'ok' },
  { name: 'pin to another version', args: { name: ['tree=2.1.0-1'] }, facts: older, expect: ['upgrade tree 2.0.4-1 → 2.1.0-1'] },
  { name: 'pin with a wildcard', args: { name: ['tree=2.0*'] }, facts: { ...none, records: [] , policy: { tree: { candidate: '2.1.0-1', versions: ['2.1.0-1', '2.0.4-1'] } } }, expect: ['install tree 2.0.4-1'] },
  { name: 'pin down needs a downgrade', args: { name: ['tree=2.0.4-1'] }, facts: { records: [rec('tree', '2.1.0-1')], policy: { tree: { installed: '2.1.0-1', candidate: '2.1.0-1', versions: ['2.1.0-1', '2.0.4-1'] } } }, expect: ['downgrade tree 2.1.0-1 → 2.0.4-1'] },
  { name: '>= satisfied', args: { name: ['tree>=2.0'] }, facts: older, expect: 'ok' },
  { name: '>= not satisfied', args: { name: ['tree>=2.1'] }, facts: older, expect: ['upgrade tree 2.0.4-1 → 2.1.0-1'] },
  { name: 'a pin nothing offers', args: { name: ['tree=9.9'] }, facts: none, expect: { error: /no available installation candidate for tree=9.9/ } },
  { name: 'unknown package', args: { name: ['nosuchpkg'] }, facts: none, expect: { error: /No package matching 'nosuchpkg' is available/ } },
  { name: 'two = in a spec', args: { name: ['a=1=2'] }, facts: none, expect: { error: /invalid package spec: a=1=2/ } },
  { name: 'only_upgrade skips what is not installed', args: { name: ['tree'], only_upgrade: true, state: 'latest' }, facts: none, expect: 'ok' },
  { name: 'absent: installed goes', args: { name: ['tree', 'sl'], state: 'absent' }, facts: installed, expect: ['remove tree 2.1.0-1', 'remove sl 5.02-1+b1'] },
  { name: 'absent: not installed', args: { name: ['tree'], state: 'absent' }, facts: none, expect: 'ok' },
  { name: 'absent + purge: config files left', args: { name: ['tree'], state: 'absent', purge: true }, facts: { records: [rec('tree', '2.1.0-1', 'rc')], policy: {} }, expect: ['purge the configuration files left by tree'] },
  { name: 'absent without purge ignores config files', args: { name: ['tree'], state: 'absent' }, facts: { records: [rec('tree', '2.1.0-1', 'rc')], policy: {} }, expect: 'ok' },
  { name: 'a virtual package', args: { name: ['awk'] }, facts: { records: [], policy: { awk: { versions: [] } } }, expect: ['install awk (virtual'] },
  { name: 'upgrade=yes from the simulation', args: { upgrade: 'yes' }, facts: { records: [], policy: {}, upgrade: [{ kind: 'Inst', name: 'libc6', from: '2.36-9', to: '2.36-10' }] }, expect: ['upgrade libc6 2.36-9 → 2.36-10'] },
  { name: 'upgrade=dist with nothing to do', args: { upgrade: 'dist' }, facts: { records: [], policy: {}, upgrade: [] }, expect: 'ok' },
  { name: "name '*' latest: upgrade everything", args: { name: '*', state: 'latest' }, facts: { records: [], policy: {}, upgrade: [{ kind: 'Inst', name: 'tree', from: '2.0', to: '2.1' }] }, expect: ['upgrade tree 2.0 → 2.1'] },
  { name: "'*' with other names", args: { name: ['*', 'tree'], state: 'latest' }, facts: none, expect: { error: /unable to install additional packages when upgrading all installed packages/ } },
  { name: 'autoremove alone', args: { autoremove: true }, facts: { records: [], policy: {}, autoremove: [{ kind: 'Remv', name: 'libncurses6', from: '6.4-4' }] }, expect: ['remove libncurses6 6.4-4'] },
  { name: 'autoremove with nothing to remove', args: { autoremove: true }, facts: { records: [], policy: {}, autoremove: [] }, expect: 'ok' },
  { name: 'autoclean', args: { autoclean: true }, facts: { records: [], policy: {}, autoclean: [{ kind: 'Del', name: 'tree' }] }, expect: ['delete the downloaded archive of tree'] },
  { name: 'wildcards: each match installed, the version given with the pattern dropped', args: { name: ['figle?=9*', 'toilet-font*'] }, facts: { records: [], policy: { figlet: { candidate: '2.2.5-3+b1', versions: ['2.2.5-3+b1'] }, 'toilet-fonts': { candidate: '0.3-1.4', versions: ['0.3-1.4'] } }, matches: { 'figle?=9*': ['figlet'], 'toilet-font*': ['toilet-fonts'] } }, expect: ['install figlet 2.2.5-3+b1', 'install toilet-fonts 0.3-1.4'] },
  { name: 'already converged: wildcards whose matches are installed', args: { name: ['tre?'] }, facts: { ...installed, matches: { 'tre?': ['tree'] } }, expect: 'ok' },
  { name: 'wildcards with state absent remove the installed matches only', args: { name: ['tre*', 's?'], state: 'absent' }, facts: { ...installed, records: [rec('tree', '2.1.0-1')], matches: { 'tre*': ['tree', 'tree-puzzle'], 's?': ['sl'] } }, expect: ['remove tree 2.1.0-1'] },
  { name: 'deb from a URL: installed from where it was downloaded, named by its URL', args: { deb: 'http://example.org/hello.deb' }, facts: { records: [], policy: {}, deb: { name: 'hello', version: '2.10-3', arch: 'amd64' }, debPath: '/tmp/tmp.x1.deb' }, expect: ['install hello 2.10-3 from http://example.org/hello.deb'] },
  { name: 'deb: same version installed', args: { deb: '/tmp/hello.deb' }, facts: { records: [rec('hello', '2.10-3')], policy: {}, deb: { name: 'hello', version: '2.10-3', arch: 'amd64' } }, expect: 'ok' },
  { name: 'deb: not installed', args: { deb: '/tmp/hello.deb' }, facts: { records: [], policy: {}, deb: { name: 'hello', version: '2.10-3', arch: 'amd64' } }, expect: ['install hello 2.10-3 from /tmp/hello.deb'] },
  { name: 'deb with state=absent', args: { deb: '/tmp/hello.deb', state: 'absent' }, facts: { records: [], policy: {}, deb: { name: 'hello', version: '2.10-3', arch: 'amd64' } }, expect: { error: /deb only supports state=present/ } },
  { name: 'build-dep with nothing missing', args: { name: 'sl', state: 'build-dep' }, facts: { records: [], policy: {}, buildDep: [] }, expect: 'ok' },
]);

describe('apt commands', () => {
  const plan = (args: Record<string, unknown>, facts: AptFacts) => planApt(coerceToSchema(args, aptModule.schema) as never, facts);
  const commands = (args: Record<string, unknown>, facts: AptFacts) => plan(args, facts).flatMap((c) => c.ops.map((o) => (o.kind === 'exec' ? o.command : '')));

  it('waits lock_timeout seconds for a dpkg lock another apt holds (60 unless told)', () => {
    expect(commands({ name: 'tree', lock_timeout: 5 }, none)[0]).toContain("-o 'DPkg::Lock::Timeout=5'");
    expect(commands({ name: 'tree', lock_timeout: 5 }, none)[0]).not.toContain('Timeout=60');
  });

  it('one apt-get install for all packages, pinned to the versions planned, noninteractive, confdef/confold', () => {
    expect(commands({ name: 'tree,sl', install_recommends: false }, none)).toEqual([
      "DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical LC_ALL=C LANG=C apt-get -y -o 'DPkg::Lock::Timeout=60' -o 'Dpkg::Options::=--force-confdef' -o 'Dpkg::Options::=--force-confold' -o 'APT::Install-Recommends=no' install 'tree=2.1.0-1' 'sl=5.02-1+b1'",
    ]);
  });

  it('remove with purge and autoremove; default_release and allow_downgrade go on the command', () => {
    expect(commands({ name: 'tree', state: 'absent', purge: true, autoremove: true }, installed)[0]).toMatch(/ -q -y .* --purge --auto-remove remove tree$/);
    expect(commands({ name: 'tree=2.0.4-1', allow_downgrade: true, default_release: 'bookworm' }, { ...installed, policy: { tree: { ...treeInstalled, versions: ['2.1.0-1', '2.0.4-1'] } } })[0]).toMatch(/ --allow-downgrades -t bookworm install 'tree=2.0.4-1'$/);
  });

  it('dpkg_options replace the defaults', () => {
    expect(commands({ name: 'tree', dpkg_options: 'force-confnew' }, none)[0]).toContain("-o 'Dpkg::Options::=--force-confnew' install");
  });

  it('a .deb by a relative path is installed as ./path (apt-get needs a slash)', () => {
    expect(commands({ deb: 'hello.deb' }, { records: [], policy: {}, deb: { name: 'hello', version: '1', arch: 'all' } })[0]).toMatch(/ install \.\/hello\.deb$/);
  });

  it('diff shows each package before and after', () => {
    expect(plan({ name: 'tree' }, none)[0].diff).toEqual({ path: 'package tree', before: 'not installed\n', after: '2.1.0-1\n' });
  });
});

describe('apt cache update', () => {
  const at = (mtime: number, now: number) => ({ mtime, now });
  it.each([
    [{ update_cache: true }, at(100, 100), 'update the package cache'],
    [{ update_cache: false }, at(0, 100), undefined],
    [{ update_cache: true, cache_valid_time: 3600 }, at(100, 3000), undefined],
    [{ update_cache: true, cache_valid_time: 3600 }, at(100, 4000), 'update the package cache (updated 3900 s ago, older than 3600 s)'],
    [{ cache_valid_time: 3600 }, at(0, 4000), 'update the package cache (never updated, older than 3600 s)'],
    [{ name: ['tree'] }, at(0, 4000), undefined],
  ])('%j with lists %j: %s', (args, cache, want) => {
    expect(cacheUpdateReason(args, cache)).toBe(want);
  });

  it('stops after the update when nothing else is asked (even autoremove, as Ansible)', () => {
    expect(onlyCacheUpdate({ update_cache: true, autoremove: true })).toBe(true);
    expect(onlyCacheUpdate({ update_cache: true, name: ['tree'] })).toBe(false);
    expect(onlyCacheUpdate({ update_cache: true, upgrade: 'no' })).toBe(true);
    expect(onlyCacheUpdate({ update_cache: true, upgrade: 'dist' })).toBe(false);
    expect(onlyCacheUpdate({ cache_valid_time: 3600, autoremove: true })).toBe(true);
    expect(onlyCacheUpdate({ autoremove: true })).toBe(false);
  });
});

describe('Debian version order', () => {
  it.each([
    ['1.0', '1.0', 0],
    ['1.0-1', '1.0-2', -1],
    ['1:1.0', '2.0', 1],
    ['1.0~rc1', '1.0', -1],
    ['1.0', '1.0a', -1],
    ['1.0a', '1.0+', -1],
    ['2.36-9+deb12u14', '2.36-9+deb12u4', 1],
    ['1.10', '1.9', 1],
    ['5.02-1+b1', '5.02-1', 1],
    ['1.0-1~bpo1', '1.0-1', -1],
  ])('%s vs %s', (a, b, want) => {
    expect(compareDebianVersions(a, b)).toBe(want);
    expect(compareDebianVersions(b, a)).toBe(-want || 0);
  });
});
