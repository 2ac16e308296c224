// `ha-run schema playbook|tasks|inventory|vars|events`: the JSON Schemas editors use for completion and
// checks, and the one of the `--json` event lines. `--out-dir DIR` writes all of them as DIR/<kind>.json.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, HaRunError } from '../errors.js';
import { eventsSchema } from '../output/event-schema.js';
import { editorSchema, SCHEMA_KINDS as EDITOR_KINDS, type SchemaKind } from '../schema/editor-schemas.js';
import { didYouMean } from '../util/did-you-mean.js';
import { action } from './action.js';

const SCHEMA_KINDS = [...EDITOR_KINDS, 'events'] as const;

function schemaOf(kind: (typeof SCHEMA_KINDS)[number]): object {
  return kind === 'events' ? eventsSchema() : editorSchema(kind);
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(`Print the JSON Schema of a file kind for editors, or of the --json events (${SCHEMA_KINDS.join(', ')}), or write them all with --out-dir.`)
    .argument('[kind]', SCHEMA_KINDS.join(' | '))
    .option('--out-dir <dir>', 'write every schema to <dir>/<kind>.json')
    .addHelpText('after', '\nIn VS Code (YAML extension), put on the first line of a playbook:\n  # yaml-language-server: $schema=../schemas/playbook.json')
    .action(
      action(async (kind: string | undefined, options: { outDir?: string }) => {
        if (options.outDir !== undefined) {
          mkdirSync(options.outDir, { recursive: true });
          for (const k of SCHEMA_KINDS) writeFileSync(join(options.outDir, `${k}.json`), JSON.stringify(schemaOf(k), null, 2) + '\n');
          process.stdout.write(`wrote ${SCHEMA_KINDS.map((k) => join(options.outDir!, `${k}.json`)).join(', ')}\n`);
          return;
        }
        if (kind === undefined || !(SCHEMA_KINDS as readonly string[]).includes(kind)) {
          const hint = kind === undefined ? '' : didYouMean(kind, SCHEMA_KINDS);
          throw new HaRunError('bad-schema-kind', `${kind === undefined ? 'name a schema' : `unknown schema '${kind}'${hint}`}: one of ${SCHEMA_KINDS.join(', ')}`, { exitCode: ExitCode.badOptions });
        }
        process.stdout.write(JSON.stringify(schemaOf(kind as SchemaKind | 'events'), null, 2) + '\n');
      }),
    );
}
