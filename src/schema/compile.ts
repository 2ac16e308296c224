// Turns a schema into its validate function. The build precompiles every schema ha-run knows
// (known-schemas.ts) into dist/schema/precompiled/KEY.cjs, so a run neither loads ajv's compiler nor spends
// tens of milliseconds generating code; a schema missing there (or a checkout not built yet) is compiled
// on first use. Both paths use the same options, so they report the same errors.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { packageRoot } from '../util/package-root.js';
import type { JsonSchema } from './validate.js';

// validateSchema off: our schemas are ours and tested; checking them against the meta-schema costs start-up time.
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, validateSchema: false };

/** Names a schema by its content: the build and the run agree on it without sharing objects. */
export function schemaKey(schema: JsonSchema): string {
  return createHash('sha1').update(JSON.stringify(schema)).digest('hex');
}

const require = createRequire(import.meta.url);
/** Under the package root; scripts/build.mjs writes it. */
export const PRECOMPILED_DIR = 'dist/schema/precompiled';
const compiled = new WeakMap<JsonSchema, ValidateFunction>();
let ajv: Ajv | undefined;

export function compileSchema(schema: JsonSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = loadPrecompiled(schemaKey(schema)) ?? runtimeAjv().compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** A fresh compiler with ha-run's options; `source` keeps the generated code for the precompiler. */
export function newAjv(options: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass({ ...AJV_OPTIONS, ...options });
}

function runtimeAjv(): Ajv {
  return (ajv ??= newAjv());
}

function loadPrecompiled(key: string): ValidateFunction | undefined {
  try {
    return require(join(packageRoot(), PRECOMPILED_DIR, `${key}.cjs`)) as ValidateFunction;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}
