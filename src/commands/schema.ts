// `ha-run schema playbook|tasks|inventory|vars`: the JSON Schema editors use for completion and checks.
// `--out-dir DIR` writes all of them as DIR/<kind>.json.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, HaRunError } from '../errors.js';
import { editorSchema, SCHEMA_KINDS, type SchemaKind } from '../schema/editor-schemas.js';
import { didYouMean } from '../util/did-you-mean.js';
import { action } from './action.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(`Print the JSON Schema of a file kind (${SCHEMA_KINDS.join(', ')}) for editors, or write them all with --out-dir.`)
    .argument('[kind]', SCHEMA_KINDS.join(' | '))
    .option('--out-dir <dir>', 'write every schema to <dir>/<kind>.json')
    .addHelpText('after', '\nIn VS Code (YAML extension), put on the first line of a playbook:\n  # yaml-language-server: $schema=../schemas/playbook.json')
    .action(
      action(async (kind: string | undefined, options: { outDir?: string }) => {
        if (options.outDir !== undefined) {
          mkdirSync(options.outDir, { recursive: true });
          for (const k of SCHEMA_KINDS) writeFileSync(join(options.outDir, `${k}.json`), JSON.stringify(editorSchema(k), null, 2) + '\n');
          process.stdout.write(`wrote ${SCHEMA_KINDS.map((k) => join(options.outDir!, `${k}.json`)).join(', ')}\n`);
          return;
        }
        if (kind === undefined || !(SCHEMA_KINDS as readonly string[]).includes(kind)) {
          const hint = kind === undefined ? '' : didYouMean(kind, SCHEMA_KINDS);
          throw new HaRunError('bad-schema-kind', `${kind === undefined ? 'name a schema' : `unknown schema '${kind}'${hint}`}: one of ${SCHEMA_KINDS.join(', ')}`, { exitCode: ExitCode.badOptions });
        }
        process.stdout.write(JSON.stringify(editorSchema(kind as SchemaKind), null, 2) + '\n');
      }),
    );
}
