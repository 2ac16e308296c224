// pkg_mgr: the package manager present (apt, dnf, yum, apk, zypper, pacman), in Ansible's order of preference.
import { sectionLines, type Sections } from './script.js';

const NAMES: Record<string, string> = { 'apt-get': 'apt', dnf: 'dnf', yum: 'yum', apk: 'apk', zypper: 'zypper', pacman: 'pacman' };

/** The tools whose presence names the package manager, in order of preference. */
export const PKG_MGR_TOOLS = Object.keys(NAMES);

/** Ansible's name for the package manager, given the tools found on the target. */
export function pkgMgrOf(found: readonly string[]): string {
  const first = PKG_MGR_TOOLS.find((tool) => found.includes(tool));
  return first ? NAMES[first] : 'unknown';
}

export function pkgMgrFacts(sections: Sections): Record<string, unknown> {
  return { pkg_mgr: pkgMgrOf(sectionLines(sections, 'pkg').map((l) => l.trim())) };
}
