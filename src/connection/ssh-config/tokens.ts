// The `%` tokens and `~` of ssh_config(5) paths (IdentityFile, UserKnownHostsFile) and HostName.
import { join } from 'node:path';

export interface TokenValues {
  /** %h: the remote host name (after HostName). */
  host: string;
  /** %n: the name as given, before HostName. */
  original: string;
  /** %r: the remote user. */
  remoteUser: string;
  /** %u: the local user. */
  localUser: string;
  /** %p: the port. */
  port: number;
  /** %d: the local home directory. */
  home: string;
}

/** Expands the tokens it knows; an unknown `%x` is an error (ssh refuses it too). */
export function expandTokens(text: string, v: TokenValues): string | { error: string } {
  const table: Record<string, string> = { '%': '%', h: v.host, n: v.original, r: v.remoteUser, u: v.localUser, p: String(v.port), d: v.home };
  let unknown: string | undefined;
  const out = text.replace(/%(.)/g, (whole, c: string) => {
    const value = table[c];
    if (value === undefined) unknown ??= whole;
    return value ?? whole;
  });
  if (unknown) return { error: `the token ${unknown} is not one ha-run knows (it knows %h %n %r %u %p %d %%)` };
  return out === '~' ? v.home : out.startsWith('~/') ? join(v.home, out.slice(2)) : out;
}
