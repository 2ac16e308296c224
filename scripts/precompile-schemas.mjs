#!/usr/bin/env node
// Build step after tsc: writes dist/schema/precompiled/KEY.cjs (see src/schema/compile.ts for why).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { precompiledModules } from '../dist/schema/precompile.js';

const dir = new URL('../dist/schema/precompiled/', import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const [key, source] of precompiledModules()) writeFileSync(new URL(`${key}.cjs`, dir), source);
