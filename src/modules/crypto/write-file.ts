// How the crypto modules write what openssl makes on the target: into a temporary file beside the
// destination (0600 from the start), then given its owner, group and mode, then renamed over the
// destination: never a half-written key, never a key readable by others for a moment.
import { shellQuote } from '../../connection/quote.js';
import type { Op } from '../types.js';
import type { FileState } from '../files/file-probe.js';
import { wantedMode, type FileAttrArgs } from '../files/file-attrs.js';
import { formatMode } from '../files/mode.js';
import { flagsAfterWrite } from '../files/file-flags.js';

/**
 * One exec op: `produce` is shell that writes the new file to "$t" (and may use the scratch
 * directory "$w"); stdin carries what produce reads (passphrases), never the command line.
 * Without a mode asked for, an existing file's mode is kept, a new file gets the umask's.
 */
export function writeOp(path: string, produce: string, attrs: FileAttrArgs, state: FileState, stdin?: string): Op {
  const p = shellQuote(path);
  const mode = wantedMode(attrs, state, false);
  const chmod =
    mode !== undefined
      ? `chmod ${formatMode(mode)} "$t"`
      : state.exists
        ? `chmod ${formatMode(state.mode ?? 0o644)} "$t"`
        : `chmod "$(printf %o $((0666 & ~0$(umask))))" "$t"`;
  const steps = [
    'set -e',
    // The facts did not need openssl while the file was absent; writing it does.
    `command -v openssl >/dev/null 2>&1 || { echo "openssl is missing on this host: needed to write "${p} >&2; exit 127; }`,
    // fd 3 keeps the task's stdin for commands whose own stdin is a pipe.
    'exec 3<&0',
    `t=$(mktemp ${shellQuote(`${path}.XXXXXX`)})`,
    'w=$(mktemp -d)',
    `trap 'rm -rf "$w"; rm -f "$t"' EXIT`,
    produce,
    `[ -s "$t" ] || { echo 'openssl wrote nothing' >&2; exit 1; }`,
    chmod,
    ...(attrs.owner !== undefined ? [`chown -- ${shellQuote(attrs.owner)} "$t"`] : state.exists && state.owner ? [`chown -- ${shellQuote(String(state.uid))} "$t" 2>/dev/null || true`] : []),
    ...(attrs.group !== undefined ? [`chgrp -- ${shellQuote(attrs.group)} "$t"`] : state.exists && state.group ? [`chgrp -- ${shellQuote(String(state.gid))} "$t" 2>/dev/null || true`] : []),
    `mv -f -- "$t" ${p}`,
    // The new file has the file system's default flags: set the wanted ones (attributes).
    ...flagsAfterWrite(path, attrs).map((op) => (op.kind === 'exec' ? op.command : '')),
  ];
  return { kind: 'exec', command: steps.join('\n'), ...(stdin !== undefined ? { stdin } : {}) };
}

/** rm of the file, for state=absent. */
export function removeOp(path: string): Op {
  return { kind: 'exec', command: `rm -f -- ${shellQuote(path)}` };
}
