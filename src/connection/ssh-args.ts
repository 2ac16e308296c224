// The parts of `ansible_ssh_common_args` / `ansible_ssh_extra_args` that mean something without the ssh
// binary: `-o Key=Value` options and `-J jump`. Split like Ansible does (Python's shlex.split).
import { shlexSplit } from '../util/shlex.js';

/** Where `-F FILE` is kept among the options (no `-o` option has this name). */
export const CONFIG_FILE_OPTION = '-f';

/** `-o` options by lower-cased name (first one wins, as in ssh), plus `-J` as ProxyJump and `-F` as CONFIG_FILE_OPTION. */
export function sshOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  const set = (name: string, value: string) => {
    const key = name.toLowerCase();
    if (!options.has(key)) options.set(key, value);
  };
  const words = shlexSplit(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let option: string | undefined;
    if (w === '-o') option = words[++i];
    else if (w.startsWith('-o')) option = w.slice(2);
    else if (w === '-J') set('proxyjump', words[++i] ?? '');
    else if (w.startsWith('-J')) set('proxyjump', w.slice(2));
    else if (w === '-F') set(CONFIG_FILE_OPTION, words[++i] ?? '');
    else if (w.startsWith('-F')) set(CONFIG_FILE_OPTION, w.slice(2));
    if (option === undefined) continue;
    const m = /^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*)$/.exec(option);
    if (m) set(m[1]!, m[2]!.trim());
  }
  return options;
}

export interface JumpHost {
  user?: string;
  address: string;
  port: number;
  /** IdentityFile lines of the ssh config for this hop, tried before the target's keys (missing ones skipped). */
  keyFiles?: string[];
}

/** A hop as written: what it leaves out may come from the ssh config. */
export interface WrittenHop {
  user?: string;
  address: string;
  port?: number;
}

/** `[user@]host[:port]` (comma-separated for a chain), or `ssh://user@host:port`. */
export function proxyJumpHops(value: string): WrittenHop[] | 'none' | undefined {
  if (!value || value.toLowerCase() === 'none') return 'none';
  const hops: WrittenHop[] = [];
  for (const raw of value.split(',')) {
    const m = /^(?:ssh:\/\/)?(?:([^@]+)@)?(\[[^\]]+\]|[^:@]+)(?::(\d+))?$/.exec(raw.trim());
    if (!m) return undefined;
    const port = m[3] ? Number(m[3]) : undefined;
    if (port !== undefined && (port < 1 || port > 65535)) return undefined;
    hops.push({ user: m[1], address: m[2]!.replace(/^\[|\]$/g, ''), ...(port !== undefined ? { port } : {}) });
  }
  return hops;
}

export function parseProxyJump(value: string): JumpHost[] | 'none' | undefined {
  const hops = proxyJumpHops(value);
  return hops === 'none' || hops === undefined ? hops : hops.map((h) => ({ user: h.user, address: h.address, port: h.port ?? 22 }));
}
