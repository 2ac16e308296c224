// Remote side of file transfer, as POSIX sh + coreutils scripts: no sftp-server, no Python needed.
// A put writes to a temp file in the destination's own directory (so the final `mv` is an atomic rename on
// one filesystem), checks that the temp file holds exactly the bytes sent (size and sha1: a link that ends
// mid-transfer looks like a clean end of input to `cat`), applies owner/group/mode to it, and only then
// renames it into place. Temp files carry one recognisable prefix, so a later run can remove the ones a
// stopped host left behind.
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { HaRunError } from '../errors.js';
import { shellQuote } from './quote.js';
import type { PutOptions } from './types.js';

/** Every temp file ha-run writes on a target starts with this: the only names the stale-file sweep removes. */
export const TEMP_PREFIX = '.ha-run-tmp-';

/** What the target must find in the temp file before it may replace the destination. */
export interface Expected {
  size: number;
  sha1: string;
}

const OCTAL_MODE = /^0?[0-7]{3,4}$/;

export function validatePutOptions(remotePath: string, options: PutOptions): void {
  if (!remotePath.startsWith('/')) {
    throw new HaRunError('bad-remote-path', `remote path must be absolute, got ${JSON.stringify(remotePath)}`);
  }
  if (options.mode !== undefined && !OCTAL_MODE.test(options.mode)) {
    throw new HaRunError('bad-file-mode', `file mode must be octal like '0644', got ${JSON.stringify(options.mode)}`);
  }
}

/** A temp name beside the destination: same filesystem, hidden, unguessable, recognisable as ha-run's. */
export function tempPathFor(remotePath: string): string {
  const dir = posix.dirname(remotePath);
  // The name is cut so a long basename plus the prefix cannot exceed NAME_MAX (255 bytes).
  const base = Buffer.from(posix.basename(remotePath)).subarray(0, 150).toString('utf8').replace(/\uFFFD+$/, '');
  return posix.join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.${base}`);
}

/**
 * Removes ha-run temp files next to `dest` whose last write is more than `olderThanSeconds` ago (on the
 * target's own clock, so clock skew does not matter): left by a run that was stopped before it could
 * clean up. Only regular files are removed; a symlink with that name is not ha-run's and is left alone.
 * Never fails the put it precedes.
 */
export function sweepStaleTempsScript(dest: string, olderThanSeconds: number): string {
  const pattern = `${shellQuote(posix.dirname(dest))}/${TEMP_PREFIX}*`;
  const age = Math.max(1, Math.ceil(olderThanSeconds));
  return `for f in ${pattern}; do if [ -f "$f" ] && [ ! -L "$f" ] && [ $(( $(date +%s) - $(stat -c %Y -- "$f") )) -gt ${age} ]; then rm -f -- "$f"; fi; done 2>/dev/null; true`;
}

/** Succeeds only when `$tmp` holds exactly the expected bytes; otherwise removes it (first: writing the
 *  message may kill the shell when the link is gone) and says what arrived. */
function verifyStep(expected: Expected): string {
  if (!/^[0-9a-f]{40}$/.test(expected.sha1) || !Number.isSafeInteger(expected.size)) throw new Error('bad expected checksum');
  return (
    `{ got=$(wc -c < "$tmp") && sum=$(sha1sum < "$tmp") && [ "$got" -eq ${expected.size} ] && [ "\${sum%% *}" = ${expected.sha1} ] || ` +
    `{ rm -f -- "$tmp"; echo "the data arrived incomplete or altered (\${got:-?} of ${expected.size} bytes, sha1 \${sum%% *}): the destination was left as it was" >&2; false; }; }`
  );
}

/** Mode for a new file when none is given: what the umask would give a fresh file (like `touch`). */
const DEFAULT_MODE = `"$(printf '%04o' $(( 0666 & ~0$(umask) )))"`;

/** Commands that give `$tmp` its attributes: given ones, else the existing destination's, else defaults. */
function attributeSteps(dest: string, options: PutOptions): string[] {
  const steps: string[] = [];
  const d = shellQuote(dest);
  if (options.owner !== undefined) steps.push(`chown -- ${shellQuote(options.owner)} "$tmp"`);
  else steps.push(`{ [ ! -e ${d} ] || chown --reference=${d} -- "$tmp" 2>/dev/null || true; }`);
  if (options.group !== undefined) steps.push(`chgrp -- ${shellQuote(options.group)} "$tmp"`);
  else steps.push(`{ [ ! -e ${d} ] || chgrp --reference=${d} -- "$tmp" 2>/dev/null || true; }`);
  if (options.mode !== undefined) steps.push(`chmod ${shellQuote(options.mode)} "$tmp"`);
  else steps.push(`if [ -e ${d} ]; then chmod --reference=${d} -- "$tmp"; else chmod ${DEFAULT_MODE} "$tmp"; fi`);
  return steps;
}

function inPlaceAttributes(d: string, options: PutOptions): string {
  const steps: string[] = [];
  if (options.owner !== undefined) steps.push(`chown -- ${shellQuote(options.owner)} ${d}`);
  if (options.group !== undefined) steps.push(`chgrp -- ${shellQuote(options.group)} ${d}`);
  if (options.mode !== undefined) steps.push(`chmod ${shellQuote(options.mode)} ${d}`);
  return steps.map((s) => ` && ${s}`).join('');
}

/** Script that checks an already-written temp file and moves it into place, or removes it when any step fails. */
export function finishPutScript(tmp: string, dest: string, options: PutOptions, expected: Expected): string {
  const d = shellQuote(dest);
  const rename = `mv -f -- "$tmp" ${d}`;
  // In place: the destination keeps its inode (and the mount on it); its attributes are set afterwards.
  const inPlace = `{ cat -- "$tmp" > ${d} && rm -f -- "$tmp"${inPlaceAttributes(d, options)}; }`;
  const steps = [verifyStep(expected), ...attributeSteps(dest, options), options.unsafeWrites ? `{ ${rename} 2>/dev/null || ${inPlace}; }` : rename];
  // $? must be read in the else branch: after `fi` it is the if's own status, 0 when no branch ran.
  return `tmp=${shellQuote(tmp)}; if ${steps.join(' && ')}; then exit 0; else rc=$?; rm -f -- "$tmp"; exit $rc; fi`;
}

/** Script that reads the whole file from stdin into a fresh temp file, checks it and moves it into place. */
export function putFromStdinScript(dest: string, options: PutOptions, expected: Expected, staleAfterSeconds: number): string {
  const tmp = tempPathFor(dest);
  // noclobber (set -C): never write through a file or symlink someone planted under the temp name.
  const write = `(umask 077; set -C; cat > ${shellQuote(tmp)})`;
  return `${sweepStaleTempsScript(dest, staleAfterSeconds)}; ${write} || { rm -f -- ${shellQuote(tmp)}; exit 1; }; ${finishPutScript(tmp, dest, options, expected)}`;
}

/** Writes one chunk (the command's stdin) to a temp file: the fallback when no extra channel can be opened. */
export function appendChunkScript(tmp: string, first: boolean): string {
  const q = shellQuote(tmp);
  return first ? `(umask 077; set -C; cat > ${q})` : `cat >> ${q}`;
}

export function readFileScript(remotePath: string): string {
  return `cat -- ${shellQuote(remotePath)}`;
}
