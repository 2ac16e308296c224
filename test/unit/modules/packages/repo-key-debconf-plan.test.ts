// apt_repository, apt_key and debconf: pure plans as tables, and the pieces they stand on (source
// lines and file names as Ansible makes them, OpenPGP keys read and written without gpg).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aptRepositoryModule } from '../../../../src/modules/packages/apt_repository/module.js';
import { parseSources, renderSources, suggestedFile } from '../../../../src/modules/packages/apt_repository/sources.js';
import { aptKeyModule } from '../../../../src/modules/packages/apt_key/module.js';
import { armor, keyMatches, readKeys } from '../../../../src/modules/packages/apt_key/openpgp.js';
import { debconfModule } from '../../../../src/modules/packages/debconf/module.js';
import type { DebconfChange } from '../../../../src/modules/packages/debconf/plan.js';
import { describePlan } from '../../../kit/plan-cases.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const KEY1 = '7533D5EE18271067AA834E1E91921B1D7851C3D5';
const KEY2 = 'D8395861E647F01EBD3ACA10DCBACCD668BDEC63';

const MAIN = 'deb http://deb.debian.org/debian bookworm main\n';
const BACKPORTS = 'deb http://deb.debian.org/debian bookworm-backports main';
const BACKPORTS_FILE = '/etc/apt/sources.list.d/deb_debian_org_debian.list';

describePlan(aptRepositoryModule, [
  { name: 'already there: converged', args: { repo: BACKPORTS }, facts: { '/etc/apt/sources.list': MAIN, [BACKPORTS_FILE]: `${BACKPORTS}\n` }, expect: 'ok' },
  { name: 'extra spaces in the line still match', args: { repo: BACKPORTS.replace(/ /g, '   ') }, facts: { [BACKPORTS_FILE]: `${BACKPORTS}\n` }, expect: 'ok' },
  { name: 'new: a file named from the URI', args: { repo: BACKPORTS }, facts: { '/etc/apt/sources.list': MAIN }, expect: [`add '${BACKPORTS}' in a new file ${BACKPORTS_FILE}`] },
  { name: 'filename given', args: { repo: BACKPORTS, filename: 'backports' }, facts: {}, expect: [/new file \/etc\/apt\/sources.list.d\/backports.list$/] },
  { name: 'a disabled copy is enabled', args: { repo: BACKPORTS }, facts: { '/etc/apt/sources.list': `${MAIN}# ${BACKPORTS}\n` }, expect: [`enable '${BACKPORTS}' in /etc/apt/sources.list`] },
  { name: 'absent: removed, the emptied file deleted', args: { repo: BACKPORTS, state: 'absent' }, facts: { '/etc/apt/sources.list': MAIN, [BACKPORTS_FILE]: `${BACKPORTS}\n` }, expect: [`remove ${BACKPORTS_FILE} (no sources left)`] },
  { name: 'absent: a line among others', args: { repo: BACKPORTS, state: 'absent' }, facts: { '/etc/apt/sources.list': `${MAIN}${BACKPORTS}\n` }, expect: [`remove '${BACKPORTS}' from /etc/apt/sources.list`] },
  { name: 'absent: not there', args: { repo: BACKPORTS, state: 'absent' }, facts: { '/etc/apt/sources.list': MAIN }, expect: 'ok' },
  { name: 'not a deb line', args: { repo: 'http://deb.debian.org/debian bookworm main' }, facts: {}, expect: { error: /Invalid repository string/ } },
  { name: 'no suite', args: { repo: 'deb http://deb.debian.org/debian' }, facts: {}, expect: { error: /no suite after the URI/ } },
  { name: 'no components', args: { repo: 'deb http://deb.debian.org/debian bookworm' }, facts: {}, expect: { error: /needs at least one component/ } },
  { name: 'ppa: refused, with the line to give instead', args: { repo: 'ppa:nginx/stable' }, facts: {}, expect: { error: /^ppa:nginx\/stable: ppa: repositories are not supported by ha-run .* repo: "deb \[signed-by=\/etc\/apt\/keyrings\/nginx\.asc\] http:\/\/ppa\.launchpad\.net\/nginx\/stable\/ubuntu UBUNTU_CODENAME main"/ } },
]);

describe('apt_repository files', () => {
  it('names files as Ansible does (options, scheme and credentials dropped)', () => {
    expect(suggestedFile('deb [arch=amd64 signed-by=/k.gpg] https://user:pw@download.docker.com/linux/debian bookworm stable', undefined)).toBe('/etc/apt/sources.list.d/download_docker_com_linux_debian.list');
    expect(suggestedFile('deb-src http://deb.debian.org/debian bookworm main', undefined)).toBe('/etc/apt/sources.list.d/deb_debian_org_debian.list');
    expect(suggestedFile('deb http://x/ y main', '/srv/my')).toBe('/srv/my.list');
  });

  it('writes lines normalised: "# " for disabled ones, " # " before comments', () => {
    expect(renderSources(parseSources('#deb http://a  b c\ndeb http://d e f #note\n\n'))).toBe('# deb http://a b c\ndeb http://d e f # note\n\n');
  });

  it('a new file gets mode 0644 unless mode says, then apt-get update (unless update_cache: no)', () => {
    const [change] = aptRepositoryModule.plan({ repo: BACKPORTS, mode: 0o600 }, {});
    expect(change.ops.map((o) => (o.kind === 'put' ? `put ${o.path} ${o.mode}` : o.command))).toEqual([`put ${BACKPORTS_FILE} 0600`, expect.stringMatching(/apt-get -o 'DPkg::Lock::Timeout=60' update$/)]);
    expect(aptRepositoryModule.plan({ repo: BACKPORTS, update_cache: false }, {})[0].ops).toHaveLength(1);
  });
});

describe('OpenPGP keys without gpg', () => {
  it('reads armored and binary keys, with the fingerprints gpg shows', () => {
    expect(readKeys(fixture('test-key.asc')).map((k) => k.fingerprint)).toEqual([KEY1]);
    expect(readKeys(fixture('two-keys.gpg')).map((k) => k.fingerprint)).toEqual([KEY1, KEY2]);
  });

  it('armors back byte for byte as gpg --armor --export (CRC-24 included)', () => {
    const [key] = readKeys(fixture('test-key.asc'));
    expect(armor(key.bytes)).toBe(fixture('test-key.asc').toString());
  });

  it('matches short, long and full ids, with or without 0x', () => {
    const [key] = readKeys(fixture('test-key.asc'));
    for (const id of [KEY1, KEY1.slice(-16), `0x${KEY1.slice(-8).toLowerCase()}`]) expect(keyMatches(key, id)).toBe(true);
    expect(keyMatches(key, KEY2.slice(-8))).toBe(false);
  });

  it('refuses what is not a key', () => {
    expect(() => readKeys(Buffer.from('hello'))).toThrow(/not OpenPGP data/);
  });
});

const asc1 = fixture('test-key.asc');
const two = fixture('two-keys.gpg');
describePlan(aptKeyModule, [
  { name: 'the key is in a trusted.gpg.d file: converged', args: { id: KEY1.slice(-8), data: asc1.toString() }, facts: { keyrings: { '/etc/apt/trusted.gpg.d/x.asc': asc1 }, source: asc1 }, expect: 'ok' },
  { name: 'without id, read from the data: converged', args: { data: asc1.toString() }, facts: { keyrings: { '/etc/apt/trusted.gpg': two }, source: asc1 }, expect: 'ok' },
  { name: 'add from data: its own file', args: { data: asc1.toString() }, facts: { keyrings: {}, source: asc1 }, expect: [`add key ${KEY1} to /etc/apt/trusted.gpg.d/${KEY1.slice(-16)}.gpg`] },
  { name: 'add to a named keyring', args: { id: KEY1, file: '/tmp/k.asc', keyring: '/usr/share/keyrings/test.gpg' }, facts: { keyrings: {}, source: asc1 }, expect: [`add key ${KEY1} to /usr/share/keyrings/test.gpg`] },
  { name: 'only the key with the id is added from a keyring of two', args: { id: KEY2.slice(-16), file: '/tmp/two.gpg' }, facts: { keyrings: {}, source: two }, expect: [`add key ${KEY2} to`] },
  { name: 'id not in the data', args: { id: 'DEADBEEF', data: asc1.toString() }, facts: { keyrings: {}, source: asc1 }, expect: { error: /holds no key with id DEADBEEF/ } },
  { name: 'bad id', args: { id: 'xyz', data: asc1.toString() }, facts: { keyrings: {}, source: asc1 }, expect: { error: /Invalid key_id/ } },
  { name: 'absent: the only key of a file: the file goes', args: { id: KEY1, state: 'absent' }, facts: { keyrings: { '/etc/apt/trusted.gpg.d/x.asc': asc1 } }, expect: [`remove /etc/apt/trusted.gpg.d/x.asc (it held only key ${KEY1})`] },
  { name: 'absent: one of two keys: rewritten', args: { id: KEY1, state: 'absent' }, facts: { keyrings: { '/etc/apt/trusted.gpg': two } }, expect: [`remove key ${KEY1} from /etc/apt/trusted.gpg`] },
  { name: 'absent: not there', args: { id: KEY1, state: 'absent' }, facts: { keyrings: {} }, expect: 'ok' },
  { name: 'keyserver', args: { id: KEY1, keyserver: 'keyserver.ubuntu.com' }, facts: { keyrings: {} }, expect: { error: /keyserver is not supported/ } },
]);

describe('apt_key writes', () => {
  it('a key removed from a binary keyring leaves the other key intact', () => {
    const [change] = aptKeyModule.plan({ id: KEY1, state: 'absent' }, { keyrings: { '/etc/apt/trusted.gpg': two } });
    const put = change.ops[0];
    expect(put.kind === 'put' && Buffer.isBuffer(put.data) && readKeys(put.data).map((k) => k.fingerprint)).toEqual([KEY2]);
  });
});

describePlan(debconfModule, [
  { name: 'same answer: converged', args: { name: 'tzdata', question: 'tzdata/Areas', vtype: 'select', value: 'Etc' }, facts: { 'tzdata/Areas': 'Etc' }, expect: 'ok' },
  { name: 'booleans compare without case', args: { name: 'x', question: 'x/ok', vtype: 'boolean', value: 'True' }, facts: { 'x/ok': 'true' }, expect: 'ok' },
  { name: 'another answer', args: { name: 'tzdata', question: 'tzdata/Areas', vtype: 'select', value: 'Europe' }, facts: { 'tzdata/Areas': 'Etc' }, expect: ["set tzdata/Areas: 'Etc' → 'Europe'"] },
  { name: 'a question not asked yet', args: { pkg: 'x', setting: 'x/new', vtype: 'string', answer: 'v' }, facts: {}, expect: ['set x/new (not asked yet)'] },
  { name: 'a password is set every time', args: { name: 'x', question: 'x/pw', vtype: 'password', value: 's3cret' }, facts: { 'x/pw': '(password omitted)' }, expect: [/set the password x\/pw/] },
  { name: 'no question: nothing to do', args: { name: 'tzdata' }, facts: {}, expect: 'ok' },
  { name: 'question without value', args: { name: 'x', question: 'x/q', vtype: 'string' }, facts: {}, expect: { error: /must supply a valid vtype and value/ } },
]);

describe('debconf secrets', () => {
  it('the answer goes on stdin; a password is in no summary or diff', () => {
    const [change] = debconfModule.plan({ name: 'x', question: 'x/pw', vtype: 'password', value: 's3cret', unseen: true }, {}) as DebconfChange[];
    expect(change.ops).toEqual([{ kind: 'exec', command: 'debconf-set-selections -u', stdin: 'x x/pw password s3cret\n' }]);
    expect(JSON.stringify([change.summary, change.diff, change.current])).not.toContain('s3cret');
  });
});
