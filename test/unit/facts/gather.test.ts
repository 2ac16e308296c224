// Facts parsed from the script's real output on lab hosts, compared with what `ansible -m setup`
// reported for the same hosts (recorded in fixtures/).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFacts } from '../../../src/facts/gather.js';
import { factsScript, splitSections, type Sections } from '../../../src/facts/script.js';
import { formatIpv6, hexToIpv4, networkFacts, parseDefaultRoute } from '../../../src/facts/network.js';
import { distributionFacts } from '../../../src/facts/distribution.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The fixtures were recorded as one `@@ha-run-fact NAME` line before each section's output. */
function recordedSections(text: string): Sections {
  const sections: Sections = {};
  const parts = text.split(/^@@ha-run-fact (\S+)\n?/m);
  for (let i = 1; i + 1 < parts.length; i += 2) sections[parts[i]!] = parts[i + 1]!;
  return sections;
}

describe.each(['node1', 'sys1'])('facts of lab host %s', (host) => {
  const facts = parseFacts(recordedSections(fixture(`lab-${host}.txt`)));
  const ansible = JSON.parse(fixture(`ansible-setup-${host}.json`)) as Record<string, unknown>;

  // Ansible builds these lists from Python sets: their order means nothing.
  const unordered = new Set(['virtualization_tech_guest', 'virtualization_tech_host']);
  it.each(Object.keys(ansible).filter((k) => k !== 'mounts'))('%s matches ansible -m setup', (key) => {
    if (unordered.has(key)) expect([...(facts[key] as string[])].sort()).toEqual([...(ansible[key] as string[])].sort());
    else expect(facts[key]).toEqual(ansible[key]);
  });

  it('mounts match ansible -m setup (sizes in use move between runs; totals do not)', () => {
    const mounts = facts.mounts as Record<string, unknown>[];
    expect(mounts.map((m) => Object.fromEntries(Object.keys((ansible.mounts as object[])[0]).map((k) => [k, m[k]])))).toEqual(ansible.mounts);
    for (const m of mounts) expect(m.block_used).toBe((m.block_total as number) - (m.block_available as number));
  });

  it('has a date_time in Ansible\'s shape', () => {
    const dt = facts.date_time as Record<string, string>;
    expect(dt.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(dt.iso8601).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(dt.epoch).toMatch(/^\d+$/);
    expect(dt.tz).toBe('UTC');
  });

  it('reads memory and the environment', () => {
    expect(facts.memfree_mb).toBeGreaterThan(0);
    expect((facts.memory_mb as { real: { total: number } }).real.total).toBe(ansible.memtotal_mb);
    expect((facts.env as Record<string, string>).HOME).toBe('/root');
  });
});

describe('network facts without iproute2', () => {
  it('finds the same addresses in /proc/net/fib_trie as ip addr gives', () => {
    const sections = recordedSections(fixture('lab-node1.txt'));
    const withIp = networkFacts(sections);
    const withoutIp = networkFacts({ ...sections, addr4: '', 'fib-trie': fixture('lab-node1-fib_trie.txt') });
    const ansible = JSON.parse(fixture('ansible-setup-node1.json')) as Record<string, unknown>;
    for (const key of ['default_ipv4', 'all_ipv4_addresses', 'eth0', 'lo', 'interfaces']) {
      expect(withoutIp[key], key).toEqual(ansible[key]);
      expect(withoutIp[key], key).toEqual(withIp[key]);
    }
  });
});

describe('facts script', () => {
  it('is POSIX sh without bash-isms, and needs no Python: only the python facts ask an interpreter, when there is one', () => {
    const script = factsScript('n0nce');
    expect(script).not.toMatch(/\$'|\/dev\/tcp|\[\[/);
    const pythonLines = script.split('\n').filter((l) => /python/.test(l));
    expect(pythonLines).toHaveLength(1);
    expect(pythonLines[0]).toMatch(/^\{ \{ p=\$\(command -v python3 \|\| command -v python\) && /);
  });

  it('runs in sh, and a file on the target cannot forge a section', () => {
    // /etc/os-release is the target's text: a marker line in it is only text.
    const forged = ['@@ha-run-fact pkg', 'dnf', '@@ha-run:n0nce:20:rc=0', '@@ha-run:n0nce:21'].join('\n');
    const script = factsScript('n0nce').replace('cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release', `printf '%s\\n' '${forged}'`);
    const sections = splitSections(execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' }), 'n0nce');
    expect(sections['os-release']).toBe(`${forged}\n`);
    expect(sections.uname).toMatch(/^Linux\n/);
  });
});

describe('fact parsers', () => {
  it('decodes /proc/net/route addresses', () => {
    expect(hexToIpv4('0100D50A')).toBe('10.213.0.1');
    expect(parseDefaultRoute(['Iface Destination Gateway Flags RefCnt Use Metric Mask', 'eth1 00000000 0101A8C0 0003 0 0 100 00000000', 'eth0 00000000 0100D50A 0003 0 0 0 00000000'])).toEqual({
      interface: 'eth0',
      gateway: '10.213.0.1',
    });
    expect(parseDefaultRoute(['header', 'eth0 0000D50A 00000000 0001 0 0 0 00FFFFFF'])).toBeUndefined();
  });

  it('compresses IPv6 addresses', () => {
    expect(formatIpv6('fe800000000000000042acfffe110002')).toBe('fe80::42:acff:fe11:2');
    expect(formatIpv6('20010db8000000000000000000000001')).toBe('2001:db8::1');
  });

  it('maps distributions to families', () => {
    const ubuntu = distributionFacts({ 'os-release': 'ID=ubuntu\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy\n' });
    expect(ubuntu).toMatchObject({ distribution: 'Ubuntu', distribution_version: '22.04', distribution_major_version: '22', distribution_release: 'jammy', os_family: 'Debian' });
    const rocky = distributionFacts({ 'os-release': 'ID="rocky"\nVERSION_ID="9.3"\n' });
    expect(rocky).toMatchObject({ distribution: 'Rocky', distribution_major_version: '9', os_family: 'RedHat' });
  });
});
