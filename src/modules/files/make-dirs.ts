// Missing directories made one by one, each given the requested owner, group and mode right after
// it is made: what Ansible's file (state=directory) and copy (dest ending in '/') do, where
// `mkdir -p` would leave the parents with the umask's mode.
import { posix } from 'node:path';
import { shellQuote } from '../../connection/quote.js';
import { formatMode } from './mode.js';

export interface NewDirectoryAttrs {
  owner?: string;
  group?: string;
  /** Permission bits for every directory created. */
  mode?: number;
}

/** '/a/b/c' -> ['/a', '/a/b', '/a/b/c']; 'a/b' -> ['a', 'a/b'] (Ansible's walk in ensure_directory). */
export function pathPrefixes(path: string): string[] {
  const absolute = path.startsWith('/');
  const parts = path.split('/').filter((p) => p !== '');
  return parts.map((_, i) => (absolute ? '/' : '') + posix.join(...parts.slice(0, i + 1)));
}

/**
 * One shell command: for each prefix of path that does not exist, mkdir and set the attributes; fails
 * on the first error. A directory another process made in between is no error (two inventory aliases
 * of one machine creating the same parent at once), as in Ansible; it still gets the attributes.
 */
export function makeDirsCommand(path: string, attrs: NewDirectoryAttrs): string {
  const steps = ['{ mkdir -- "$d" 2>/dev/null || [ -d "$d" ] || mkdir -- "$d"; }'];
  if (attrs.owner !== undefined) steps.push(`chown -- ${shellQuote(attrs.owner)} "$d"`);
  if (attrs.group !== undefined) steps.push(`chgrp -- ${shellQuote(attrs.group)} "$d"`);
  if (attrs.mode !== undefined) steps.push(`chmod ${formatMode(attrs.mode)} -- "$d"`);
  const list = pathPrefixes(path).map(shellQuote).join(' ');
  return `f=0; for d in ${list}; do [ -e "$d" ] || { ${steps.join(' && ')}; } || { f=1; break; }; done; [ "$f" = 0 ]`;
}
