// schemas/*.json are what editors load (`# yaml-language-server: $schema=...`): they must say exactly what
// `ha-run schema` says, or editors would accept what validation rejects. Regenerate with:
//   node dist/ha-run.js schema --out-dir schemas
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsSchema } from '../../../src/output/event-schema.js';
import { editorSchema, SCHEMA_KINDS } from '../../../src/schema/editor-schemas.js';

const root = resolve(import.meta.dirname, '../../..');

describe('committed editor schemas', () => {
  it.each(SCHEMA_KINDS)('schemas/%s.json matches `ha-run schema`', (kind) => {
    const committed = readFileSync(join(root, 'schemas', `${kind}.json`), 'utf8');
    expect(committed).toBe(JSON.stringify(editorSchema(kind), null, 2) + '\n');
  });

  it('schemas/events.json matches `ha-run schema events` (the --json event lines)', () => {
    expect(readFileSync(join(root, 'schemas/events.json'), 'utf8')).toBe(JSON.stringify(eventsSchema(), null, 2) + '\n');
  });
});
