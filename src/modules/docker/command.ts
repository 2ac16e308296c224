// Docker command lines for ops: every value quoted. Secret values (env) never go on a command line:
// they travel on stdin into a 0600 temporary file that the command removes when it ends.
import { shellJoin } from '../../connection/quote.js';
import type { Op } from '../types.js';

export function docker(...args: string[]): string {
  return shellJoin(['docker', ...args]);
}

export function dockerOp(...args: string[]): Op {
  return { kind: 'exec', command: docker(...args) };
}

/**
 * `docker ARGS --env-file FILE REST`, FILE holding `lines` (read from stdin into a mktemp file,
 * which is created 0600 and removed on exit). Without lines, a plain command.
 */
export function dockerWithEnvFile(args: string[], rest: string[], lines: string[]): Op {
  if (lines.length === 0) return dockerOp(...args, ...rest);
  const command = `f=$(mktemp) && trap 'rm -f "$f"' EXIT && cat > "$f" && ${docker(...args)} --env-file "$f" ${shellJoin(rest)}`;
  return { kind: 'exec', command, stdin: lines.map((l) => `${l}\n`).join('') };
}
