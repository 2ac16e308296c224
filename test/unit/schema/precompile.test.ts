import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findModule } from '../../../src/modules/registry.js';
import { newAjv, schemaKey } from '../../../src/schema/compile.js';
import { knownSchemas } from '../../../src/schema/known-schemas.js';
import { playSchema } from '../../../src/schema/playbook-schema.js';
import { precompiledModules } from '../../../src/schema/precompile.js';
import type { JsonSchema } from '../../../src/schema/validate.js';

const requireFromHere = createRequire(import.meta.url);

/** Loads one generated CommonJS module the way node would, resolving ajv's runtime helpers from here. */
function load(source: string): (value: unknown) => boolean {
  const module = { exports: {} as unknown };
  new Function('exports', 'module', 'require', source)(module.exports, module, requireFromHere);
  return module.exports as (value: unknown) => boolean;
}

function errorsOf(validate: ((value: unknown) => boolean) & { errors?: unknown }, value: unknown): unknown {
  validate(value);
  return JSON.parse(JSON.stringify(validate.errors ?? null));
}

describe('precompiled schemas', () => {
  const modules = precompiledModules();

  it('cover every known schema', () => {
    const schemas = knownSchemas();
    expect(schemas.length).toBeGreaterThan(20);
    for (const schema of schemas) expect(modules.has(schemaKey(schema))).toBe(true);
  });

  const cases: Array<[string, JsonSchema, unknown]> = [
    ['copy args', findModule('copy')!.schema, { dest: 3, backup: 'perhaps', bogus: 1 }],
    ['file args', findModule('file')!.schema, { path: '/x', state: 'directroy' }],
    ['a play', playSchema, { hosts: 'all', gather_fact: true, serial: {} }],
  ];
  it.each(cases)('report the same errors as a runtime compile: %s', (_name, schema, value) => {
    const precompiled = load(modules.get(schemaKey(schema))!);
    const runtime = newAjv().compile(schema);
    const expected = errorsOf(runtime, value);
    expect(expected).not.toBeNull();
    expect(errorsOf(precompiled, value)).toEqual(expected);
  });
});
