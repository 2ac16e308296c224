// The packages family's fact parsers, given output recorded on lab hosts (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aptCacheTime } from '../../../../src/modules/packages/apt-cache-time.js';
import { aptPolicy } from '../../../../src/modules/packages/apt-policy.js';
import { aptSimulate } from '../../../../src/modules/packages/apt-simulate.js';
import { dpkgStatus } from '../../../../src/modules/packages/dpkg-status.js';
import { debconfAnswers } from '../../../../src/modules/packages/debconf/facts.js';
import { sourcesFiles } from '../../../../src/modules/packages/apt_repository/facts.js';
import { pkgMgr } from '../../../../src/modules/packages/pkg-mgr-fact.js';
import { describeFact } from '../../../kit/fact-cases.js';

const recorded = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describeFact(dpkgStatus, [
  {
    name: 'named packages; the unknown one is left out',
    args: ['libc6', 'mawk', 'tree', 'base-files'],
    stdout: recorded('dpkg-query-named.txt'),
    rc: 0,
    expect: [
      { name: 'base-files', version: '12.4+deb12u15', arch: 'amd64', status: 'ii', source: 'base-files', section: 'admin' },
      { name: 'libc6', version: '2.36-9+deb12u14', arch: 'amd64', status: 'ii', source: 'glibc', section: 'libs' },
      { name: 'mawk', version: '1.3.4.20200120-3.1', arch: 'amd64', status: 'ii', source: 'mawk', section: 'interpreters' },
    ],
  },
  { name: 'nothing known', args: ['nosuch'], stdout: '', expect: [] },
]);

describeFact(aptPolicy, [
  {
    name: 'candidate, installed, unknown and virtual packages',
    args: { names: ['tree', 'libc6', 'nosuchpkg', 'awk'] },
    stdout: recorded('apt-cache-policy.txt'),
    expect: {
      tree: { candidate: '2.1.0-1', versions: ['2.1.0-1'] },
      libc6: { installed: '2.36-9+deb12u14', candidate: '2.36-9+deb12u14', versions: ['2.36-9+deb12u14'] },
      awk: { versions: [] },
    },
  },
  { name: 'with a default release', args: { names: ['tree'], defaultRelease: 'bookworm-backports' }, stdout: '', expect: {} },
]);

describeFact(aptSimulate, [
  {
    name: 'an install pulling dependencies',
    args: ['-y', 'install', 'cowsay'],
    stdout: recorded('apt-get-s-install-cowsay.txt'),
    expect: [
      { kind: 'Inst', name: 'perl-modules-5.36', to: '5.36.0-7+deb12u3' },
      { kind: 'Inst', name: 'libgdbm6', to: '1.23-3' },
      { kind: 'Inst', name: 'libgdbm-compat4', to: '1.23-3' },
      { kind: 'Inst', name: 'libperl5.36', to: '5.36.0-7+deb12u3' },
      { kind: 'Inst', name: 'perl', to: '5.36.0-7+deb12u3' },
      { kind: 'Inst', name: 'netbase', to: '6.4' },
      { kind: 'Inst', name: 'libtext-charwidth-perl', to: '0.04-11' },
      { kind: 'Inst', name: 'cowsay', to: '3.03+dfsg2-8' },
    ],
  },
  { name: 'autoremove', args: ['autoremove'], stdout: recorded('apt-get-s-autoremove.txt'), expect: [{ kind: 'Remv', name: 'libncurses6', from: '6.4-4' }] },
  { name: 'an upgrade with nothing to do', args: ['upgrade', '--with-new-pkgs'], stdout: recorded('apt-get-s-upgrade-none.txt'), expect: [] },
  {
    name: 'build-dep without deb-src lines fails with apt-get’s reason',
    args: ['build-dep', 'sl'],
    stdout: "Reading package lists...\nE: You must put some 'deb-src' URIs in your sources.list\n",
    rc: 100,
    expect: { error: /apt-get build-dep sl would fail: E: You must put some 'deb-src' URIs/ },
  },
]);

describeFact(aptCacheTime, [
  { name: 'mtime and now', args: undefined, stdout: '1796563282\n1796563295\n', expect: { mtime: 1796563282, now: 1796563295 } },
  { name: 'never updated', args: undefined, stdout: '0\n1796563295\n', expect: { mtime: 0, now: 1796563295 } },
]);

describeFact(debconfAnswers, [
  {
    name: 'debconf-show (seen and unseen questions)',
    args: 'tzdata',
    stdout: recorded('debconf-show-tzdata.txt'),
    expect: {
      'tzdata/Zones/Europe': '',
      'tzdata/Zones/Asia': '',
      'tzdata/Zones/Indian': '',
      'tzdata/Zones/Pacific': '',
      'tzdata/Zones/Atlantic': '',
      'tzdata/Zones/US': '',
      'tzdata/Zones/Etc': 'UTC',
      'tzdata/Zones/Australia': '',
      'tzdata/Zones/Antarctica': '',
      'tzdata/Zones/Africa': '',
      'tzdata/Zones/Arctic': '',
      'tzdata/Zones/America': '',
      'tzdata/Areas': 'Etc',
    },
  },
  { name: 'a seen answer and a password', args: 'demo', stdout: '* demo/name: Alice B\n  demo/secret: (password omitted)\n', expect: { 'demo/name': 'Alice B', 'demo/secret': '(password omitted)' } },
  { name: 'debconf-show fails', args: 'x', stdout: 'debconf: DbDriver "config": could not open /var/cache/debconf/config.dat\n', rc: 1, expect: { error: /debconf-show x failed/ } },
]);

describeFact(sourcesFiles, [
  {
    name: 'two files, base64',
    args: undefined,
    stdout: `/etc/apt/sources.list\n${Buffer.from('deb http://deb.debian.org/debian bookworm main\n').toString('base64')}\n/etc/apt/sources.list.d/x.list\n${Buffer.from('# off\n').toString('base64')}\n`,
    expect: { '/etc/apt/sources.list': 'deb http://deb.debian.org/debian bookworm main\n', '/etc/apt/sources.list.d/x.list': '# off\n' },
  },
]);

describeFact(pkgMgr, [
  { name: 'apt-get found', args: undefined, stdout: 'apt-get\n', expect: 'apt' },
  { name: 'dnf and yum: dnf first', args: undefined, stdout: 'dnf\nyum\n', expect: 'dnf' },
  { name: 'none', args: undefined, stdout: '', expect: 'unknown' },
]);
