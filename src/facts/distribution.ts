// distribution, its version/release and os_family, from /etc/os-release (plus the Debian,
// Red Hat and Alpine release files for the minor version).
import { sectionLines, type Sections } from './script.js';

/** os-release ID → Ansible's distribution name. */
const NAMES: Record<string, string> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  centos: 'CentOS',
  rhel: 'RedHat',
  fedora: 'Fedora',
  rocky: 'Rocky',
  almalinux: 'AlmaLinux',
  ol: 'OracleLinux',
  amzn: 'Amazon',
  alpine: 'Alpine',
  arch: 'Archlinux',
  opensuse: 'openSUSE',
  'opensuse-leap': 'openSUSE Leap',
  sles: 'SLES',
  linuxmint: 'Linux Mint',
};

/** Ansible's distribution → os_family. */
const FAMILIES: Record<string, string> = {
  Debian: 'Debian',
  Ubuntu: 'Debian',
  'Linux Mint': 'Debian',
  CentOS: 'RedHat',
  RedHat: 'RedHat',
  Fedora: 'RedHat',
  Rocky: 'RedHat',
  AlmaLinux: 'RedHat',
  OracleLinux: 'RedHat',
  Amazon: 'RedHat',
  Alpine: 'Alpine',
  Archlinux: 'Archlinux',
  openSUSE: 'Suse',
  'openSUSE Leap': 'Suse',
  SLES: 'Suse',
};

export function parseOsRelease(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) values[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return values;
}

export function distributionFacts(sections: Sections): Record<string, unknown> {
  const os = parseOsRelease(sections['os-release'] ?? '');
  const id = (os.ID ?? '').toLowerCase();
  const distribution = NAMES[id] ?? (os.NAME ? os.NAME.split(' ')[0] : 'Unknown');
  const version = os.VERSION_ID ?? '';
  const releaseFile = [sectionLines(sections, 'debian-version')[0], sectionLines(sections, 'alpine-release')[0]].find((v) => v && /^\d/.test(v));
  const full = releaseFile && releaseFile.startsWith(version) ? releaseFile : version;
  const [major = '', minor] = full.split('.');
  return {
    distribution,
    distribution_version: version,
    distribution_major_version: major,
    ...(minor !== undefined ? { distribution_minor_version: minor } : {}),
    distribution_release: os.VERSION_CODENAME ?? os.UBUNTU_CODENAME ?? '',
    distribution_file_variety: FAMILIES[distribution] ?? distribution,
    os_family: FAMILIES[distribution] ?? distribution,
  };
}
