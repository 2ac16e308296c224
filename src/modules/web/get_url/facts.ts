// What get_url reads on the target: a file's digest with the checksum's algorithm, and the
// checksum file a URL names.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from '../request.js';

export interface WantedChecksum {
  algorithm: DigestAlgorithm;
  /** Lower-case hex digest; a URL until the checksum file was read. */
  value: string;
}

/** 'sha256:abc...' or 'sha256:https://.../SHA256SUMS'. */
export function parseChecksum(spec: string): WantedChecksum {
  const colon = spec.indexOf(':');
  const algorithm = spec.slice(0, colon).toLowerCase() as DigestAlgorithm;
  if (colon < 0 || !DIGEST_ALGORITHMS.includes(algorithm)) throw new ModuleFailure(`The checksum parameter has to be in format <algorithm>:<checksum>, with algorithm one of ${DIGEST_ALGORITHMS.join(', ')}`);
  const value = spec.slice(colon + 1).trim();
  return { algorithm, value: isUrl(value) ? value : value.toLowerCase() };
}

export function isUrl(value: string): boolean {
  return /^(https?|ftp|file):\/\//i.test(value);
}

/**
 * The digest for `filename` in a checksum file (sha256sum's format, `*name` and `./name` too); a
 * file holding a single digest alone is that digest.
 */
export function digestFromChecksumFile(text: string, filename: string, url: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 1 && lines[0].split(/\s+/).length === 1) return lines[0].toLowerCase();
  for (const line of lines) {
    const [digest, ...rest] = line.split(/\s+/);
    const name = rest.join(' ').replace(/^\*/, '').replace(/^\.\//, '');
    if (name === filename) return digest.toLowerCase();
  }
  throw new ModuleFailure(`Unable to find a checksum for file '${filename}' in '${url}'`);
}

export interface DigestArgs {
  path: string;
  algorithm: DigestAlgorithm;
}

/** The digest of a regular file on the target ('' when it is not one). */
export const fileDigest: Fact<DigestArgs, string> = {
  name: "the file's checksum",
  requires: ['sha1sum', 'md5sum', 'sha256sum'],
  script: ({ path, algorithm }) => `[ -f ${shellQuote(path)} ] || exit 0; ${algorithm}sum < ${shellQuote(path)} | cut -d ' ' -f 1`,
  parse: (stdout) => stdout.trim(),
};
