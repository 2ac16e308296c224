// What an image archive made by `docker save` holds, read from its manifest.json without loading
// it: each image's ID and tags. Lets `load` and `archive_path` know before acting whether anything
// would change.
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';

export interface ArchivedImage {
  id: string;
  tags: string[];
}

/** The images in the archive, or null when there is no file at the path. */
export const imageArchive: Fact<string, ArchivedImage[] | null> = {
  name: 'the image archive',
  requires: ['tar'],
  // Exit 3: no such file (an archive that is not a tar fails in tar with its own message).
  script: (path) => `[ -f ${shellQuote(path)} ] || exit 3; tar -xOf ${shellQuote(path)} manifest.json 2>&1`,
  parse(stdout, path, rc) {
    if (rc === 3) return null;
    if (rc !== 0) throw new ModuleFailure(`${path} is not an image archive made by docker save: ${stdout.trim()}`);
    let manifest: { Config?: string; RepoTags?: string[] | null }[];
    try {
      manifest = JSON.parse(stdout) as typeof manifest;
    } catch {
      throw new ModuleFailure(`${path} is not an image archive made by docker save: its manifest.json is not JSON`);
    }
    // "<hex>.json" (docker save before 25) or "blobs/sha256/<hex>" (OCI layout).
    return manifest.map((m) => ({ id: `sha256:${(m.Config ?? '').split('/').pop()!.replace(/\.json$/, '')}`, tags: m.RepoTags ?? [] }));
  },
};

/** The ID the archive holds under `ref` ("repo:tag", or an ID), if any. */
export function archivedId(images: ArchivedImage[], ref: string, isId: boolean): string | undefined {
  if (isId) return images.find((i) => i.id === ref || i.id === `sha256:${ref}`)?.id;
  return images.find((i) => i.tags.includes(ref))?.id;
}
