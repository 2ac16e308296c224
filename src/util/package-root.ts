// Where ha-run is installed: the nearest directory above this file with ha-run's package.json. The code
// runs from src/ (tests), from tsc's dist/ tree and from the bundle in dist/, each at another depth, so
// paths to package.json and the precompiled schemas are found from here rather than written relative.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: { dir: string; version: string } | undefined;

function find(): { dir: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ha-run') return { dir, version: pkg.version ?? '0.0.0' };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`ha-run's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export function packageRoot(): string {
  return (root ??= find()).dir;
}

export function packageVersion(): string {
  return (root ??= find()).version;
}
