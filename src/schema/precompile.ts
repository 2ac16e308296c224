// The contents of dist/schema/precompiled/: ajv's standalone code for every known schema, a file per
// schemaKey. Written by scripts/precompile-schemas.mjs after tsc.
import { createRequire } from 'node:module';
import { newAjv, schemaKey } from './compile.js';
import { knownSchemas } from './known-schemas.js';

const { default: standaloneCode } = createRequire(import.meta.url)('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js');

/** One standalone CommonJS module per known schema, by schemaKey: a run loads only the ones it uses. */
export function precompiledModules(): Map<string, string> {
  const ajv = newAjv({ code: { source: true } });
  const sources = new Map<string, string>();
  for (const schema of knownSchemas()) {
    const key = schemaKey(schema);
    if (sources.has(key)) continue;
    // Compiled without its $id: ids name schemas inside one compiler, and lookups here go by key.
    const { $id: _id, ...withoutId } = schema;
    sources.set(key, standaloneCode(ajv, ajv.compile(withoutId)));
  }
  return sources;
}
