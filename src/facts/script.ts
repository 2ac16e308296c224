// The one shell script that gathers every fact in ONE round trip: POSIX sh, coreutils and /proc,
// no Python. Sections travel in the fact library's protocol (nonce-marked, so a target's files
// cannot forge one); one parser per concept reads its sections.
import { parseSections, sectionsScript } from '../connection/sections.js';
import { shellQuote } from '../connection/quote.js';
import { DEFAULT_FACT_PATH, localFactsScript } from './local.js';

/** Section name → the sh that prints it. Errors are silenced: a missing file just leaves a section empty. */
const SECTIONS: Record<string, string> = {
  uname: 'uname -s; uname -r; uname -v; uname -m; getconf LONG_BIT',
  hostname: 'uname -n; hostname -f 2>/dev/null || hostname 2>/dev/null || uname -n',
  'os-release': 'cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release',
  'debian-version': 'cat /etc/debian_version',
  'redhat-release': 'cat /etc/redhat-release',
  'alpine-release': 'cat /etc/alpine-release',
  meminfo: 'cat /proc/meminfo',
  cpuinfo: 'cat /proc/cpuinfo',
  nproc: 'nproc',
  route: 'cat /proc/net/route',
  addr4: 'ip -o -4 addr show',
  // Without iproute2 (debootstrap minbase), the kernel's FIB still lists the local addresses.
  'fib-trie': 'command -v ip >/dev/null || cat /proc/net/fib_trie',
  'if-inet6': 'cat /proc/net/if_inet6',
  links:
    'for d in /sys/class/net/*; do [ -e "$d" ] || continue; printf "%s %s %s %s %s %s %s\\n" "${d##*/}" "$(cat "$d/ifindex" 2>/dev/null)" "$(cat "$d/address" 2>/dev/null)" "$(cat "$d/mtu" 2>/dev/null)" "$(cat "$d/type" 2>/dev/null)" "$(cat "$d/flags" 2>/dev/null)" "$(cat "$d/speed" 2>/dev/null)"; done',
  init: 'cat /proc/1/comm; [ -d /run/systemd/system ] && echo systemd-booted',
  pkg: 'for p in apt-get dnf yum apk zypper pacman; do command -v "$p" >/dev/null 2>&1 && echo "$p"; done',
  user: 'id -u; id -g; id -un; id -gn; getent passwd "$(id -un)"',
  date: "date '+%Y|%m|%d|%H|%M|%S|%Z|%z|%s|%A|%w|%W|%N'",
  env: 'env',
  resolv: 'cat /etc/resolv.conf',
  'machine-id': 'cat /etc/machine-id',
  uptime: 'cat /proc/uptime',
  loadavg: 'cat /proc/loadavg',
  // Device-backed mounts with their statfs numbers (block size, blocks, available, inodes, free inodes).
  mounts:
    '(set -f; while IFS= read -r line; do src=${line#* - }; set -- $src; case "$2" in /*) set -- $line; printf "%s|%s\\n" "$line" "$(stat -f -c "%S %b %a %c %d" -- "$5" 2>/dev/null)";; esac; done < /proc/self/mountinfo)',
  // libselinux present, then selinuxfs (its mount options, enforce, policyvers) and /etc/selinux/config.
  // Built-ins only, so a host without SELinux costs no fork.
  selinux:
    'for f in /lib/libselinux.so.1 /lib64/libselinux.so.1 /usr/lib/libselinux.so.1 /usr/lib64/libselinux.so.1 /lib/*/libselinux.so.1 /usr/lib/*/libselinux.so.1; do [ -e "$f" ] && { echo library; break; }; done; ' +
    'while read -r _ m t o _; do [ "$t" = selinuxfs ] || continue; echo "mount $o"; read -r v < "$m/enforce" && echo "enforce $v"; read -r v < "$m/policyvers" && echo "policyvers $v"; ' +
    '[ -e /etc/selinux/config ] && { echo config; while IFS= read -r l || [ -n "$l" ]; do echo "config $l"; done < /etc/selinux/config; }; break; done < /proc/mounts',
  // Only when an interpreter is there: one short run of it, without its site packages.
  python:
    'p=$(command -v python3 || command -v python) && "$p" -S -c "import sys, ssl; v = sys.version_info; print(sys.executable); print(\'%d.%d.%d\' % v[:3]); print(v[3]); print(v[4]); print(sys.implementation.name); print(hasattr(ssl, \'SSLContext\'))"',
  virt: '[ -f /.dockerenv ] && echo docker; [ -f /run/.containerenv ] && echo podman; grep -qa lxc /proc/1/cgroup && echo lxc; cat /sys/devices/virtual/dmi/id/product_name /sys/devices/virtual/dmi/id/sys_vendor',
};

const NAMES = Object.keys(SECTIONS);

export interface FactsOptions {
  /** Where local facts (*.fact) are read from; default /etc/ansible/facts.d. */
  factPath?: string;
}

/** The section names in script order: the fixed ones, then `local`. */
const ALL_NAMES = [...NAMES, 'local'];

export function factsScript(nonce: string, options: FactsOptions = {}): string {
  const scripts: Record<string, string> = { ...SECTIONS, local: localFactsScript(options.factPath ?? DEFAULT_FACT_PATH, shellQuote) };
  // No subshells: these sections never exit or read stdin; their errors are silenced.
  return sectionsScript(nonce, ALL_NAMES.map((name) => ({ script: `{ ${scripts[name]}\n} 2>/dev/null`, inline: true })));
}

export type Sections = Record<string, string>;

/** The script's output split into sections by name; a section the script never reached is absent. */
export function splitSections(stdout: string, nonce: string): Sections {
  const sections: Sections = {};
  parseSections(stdout, nonce, ALL_NAMES.length).forEach((answer, i) => {
    if (answer.kind === 'answer') sections[ALL_NAMES[i]!] = answer.stdout;
  });
  return sections;
}

/** Lines of a section without trailing blanks. */
export function sectionLines(sections: Sections, name: string): string[] {
  return (sections[name] ?? '').split('\n').filter((l) => l.trim() !== '');
}
