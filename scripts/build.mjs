#!/usr/bin/env node
// `npm run build` (and `npm ci`'s prepare): everything under dist/.
//   1. tsc emits the module tree (dist/**/*.js), which the precompiler and bench:ssh import;
//   2. every known schema is precompiled to dist/schema/precompiled/KEY.cjs (src/schema/compile.ts), and
//      the man page is written to man/ha-run.1;
//   3. esbuild bundles the CLI into dist/ha-run.js (+ dist/chunks/ for what loads lazily): one file to
//      load instead of ~350 cuts process start-up, which a short run feels most.
// `--out DIR` builds into DIR/dist instead (tests build a private copy there); DIR gets a copy of
// package.json and a link to node_modules, so the copy runs like an installed ha-run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const outFlag = process.argv.indexOf('--out');
const out = outFlag >= 0 ? resolve(process.argv[outFlag + 1]) : root;
const dist = join(out, 'dist');
if (out !== root) {
  mkdirSync(out, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(out, 'package.json'));
  if (!existsSync(join(out, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
}

const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const { precompiledModules } = await import(pathToFileURL(join(dist, 'schema/precompile.js')).href);
const precompiled = join(dist, 'schema/precompiled');
rmSync(precompiled, { recursive: true, force: true });
mkdirSync(precompiled, { recursive: true });
for (const [key, source] of precompiledModules()) writeFileSync(join(precompiled, `${key}.cjs`), source);

// The man page, made from the same command definitions as --help: man/ha-run.1, which package.json's `man`
// names, so `npm install -g` puts it where `man ha-run` finds it. Committed; a unit test keeps it current.
const { buildProgram } = await import(pathToFileURL(join(dist, 'cli/program.js')).href);
const { manPageText } = await import(pathToFileURL(join(dist, 'commands/man.js')).href);
mkdirSync(join(out, 'man'), { recursive: true });
writeFileSync(join(out, 'man/ha-run.1'), manPageText(buildProgram()));

rmSync(join(dist, 'chunks'), { recursive: true, force: true });
await build({
  entryPoints: { 'ha-run': join(root, 'src/cli.ts') },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ssh2 loads a native binding by relative path; ajv is reached through createRequire (and only when a
  // schema was not precompiled); listr2 and zx load lazily: all four stay ordinary packages.
  external: ['ssh2', 'ajv', 'listr2', 'zx'],
  // Bundled CommonJS (yaml, commander, nunjucks) still calls require() for node's own modules.
  banner: { js: "import { createRequire as __haRunRequire } from 'node:module';\nconst require = __haRunRequire(import.meta.url);" },
  logLevel: 'warning',
});
