// Stand-in images: test doubles of images the lab cannot pull (no registry is reachable), built
// locally and handed to the lab's playbooks as a `docker save` archive, the way an air-gapped site
// receives the real ones. Each program lives in lab/stand-ins/<name>/ and says what it imitates.
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { HaRunError } from '../errors.js';
import { packageRoot } from '../util/package-root.js';
import { docker, lastLines } from './docker.js';
import { ensureImage, type ImageProgress } from './images.js';
import type { LayerRecipe } from './image-recipes.js';
import type { StandInName } from './stand-in-names.js';


/** What a lab's inventory gets for each stand-in: the image name to run and the archive to load. */
export interface StandInImage {
  image: string;
  archive: string;
}

function programOf(name: StandInName, file: string): string {
  return readFileSync(join(packageRoot(), 'lab', 'stand-ins', name, file), 'utf8');
}

function recipeOf(name: StandInName): LayerRecipe {
  switch (name) {
    case 'rancher-server':
      return {
        repository: 'ha-run-lab/rancher-server-stand-in',
        files: { 'rancher_server.py': programOf(name, 'rancher_server.py') },
        dockerfile: (from) => `FROM ${from}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pymysql openssl \\
 && apt-get clean && rm -rf /var/lib/apt/lists/* /etc/ssh/ssh_host_*
COPY rancher_server.py /usr/local/bin/rancher-server-stand-in
RUN chmod 0755 /usr/local/bin/rancher-server-stand-in
LABEL io.ha-run.stand-in="rancher/server 1.x test double: see lab/stand-ins/rancher-server/"
EXPOSE 8080 9345 80 443
ENTRYPOINT ["/usr/local/bin/rancher-server-stand-in"]
`,
      };
  }
}

/** Builds the stand-in image if needed and saves it as `<dir>/<name>-<tag>.tar` (kept while the tag is the same). */
export async function ensureStandIn(name: StandInName, dir: string, progress: ImageProgress): Promise<StandInImage> {
  const image = await ensureImage([recipeOf(name)], progress);
  const archive = join(dir, `${name}-${image.split(':')[1]}.tar`);
  if (!existsSync(archive)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    progress(`saving ${image} to ${archive}`);
    const partial = `${archive}.partial`;
    const saved = await docker(['image', 'save', '--output', partial, image], { timeoutMs: 10 * 60_000 });
    if (saved.exitCode !== 0) {
      throw new HaRunError('lab-image-save-failed', `saving ${image} failed: ${lastLines(saved.stderr, 5)}`);
    }
    renameSync(partial, archive);
  }
  return { image, archive };
}
