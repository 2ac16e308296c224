// POSIX single-quote quoting: the one way any value is interpolated into a remote command line.
// Inside '...' nothing is special except the quote itself, which becomes '\'' (close, escaped quote, reopen).
// Never bash-only $'..': targets may only have dash or busybox sh.
import { HaRunError } from '../errors.js';

/** Quotes one value so /bin/sh sees it as exactly one word, byte for byte. */
export function shellQuote(value: string): string {
  // A NUL byte ends a C string: no shell argument can carry one, so refuse rather than truncate silently.
  if (value.includes('\0')) throw new HaRunError('nul-in-argument', 'a command argument contains a NUL byte, which no shell argument can carry');
  if (value === '') return "''";
  // Words made only of these characters mean the same quoted or not; leaving them bare keeps logs readable.
  if (/^[A-Za-z0-9_@%+:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Quotes each argument and joins them into one command line. */
export function shellJoin(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}


/** A path for the target's shell, where `~` and `~/...` stand for the remote user's home (as Ansible expands paths). */
export function shellPathFromHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? `"$HOME"${shellQuote(path.slice(1) || '/')}` : shellQuote(path);
}
