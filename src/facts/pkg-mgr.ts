// pkg_mgr: the package manager present (apt, dnf, yum, apk, zypper, pacman), in Ansible's order of preference.
import { sectionLines, type Sections } from './script.js';

const NAMES: Record<string, string> = { 'apt-get': 'apt', dnf: 'dnf', yum: 'yum', apk: 'apk', zypper: 'zypper', pacman: 'pacman' };

export function pkgMgrFacts(sections: Sections): Record<string, unknown> {
  const found = sectionLines(sections, 'pkg').map((l) => l.trim());
  const first = Object.keys(NAMES).find((tool) => found.includes(tool));
  return { pkg_mgr: first ? NAMES[first] : 'unknown' };
}
