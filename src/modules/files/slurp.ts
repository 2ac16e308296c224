// slurp: read a whole file from the target, registered base64-encoded like Ansible.
import { shellQuote } from '../../connection/quote.js';
import type { ActionModule } from '../types.js';
import { ModuleFailure } from '../failure.js';
import { oneOf } from '../schema-rules.js';

export const slurpModule: ActionModule<{ src?: string; path?: string }> = {
  kind: 'action',
  name: 'slurp',
  schema: {
    type: 'object',
    description: 'Reads a file from the target; `content` is base64 (use `| b64decode`).',
    additionalProperties: false,
    properties: {
      src: { type: 'string', description: 'The file to read (alias: path).' },
      path: { type: 'string', description: 'Alias of src.' },
    },
    allOf: [oneOf('src', 'path')],
  },
  async run(ctx, args) {
    const src = args.src ?? args.path;
    if (!src) throw new ModuleFailure('src is required');
    const q = shellQuote(src);
    // Distinct exit codes say why, so the message can too.
    const r = await ctx.conn.exec(`[ -e ${q} ] || exit 3; [ -d ${q} ] && exit 4; [ -r ${q} ] || exit 5; base64 < ${q}`, { ownScript: true });
    if (r.rc === 3) throw new ModuleFailure(`file not found: ${src}`);
    if (r.rc === 4) throw new ModuleFailure(`source is a directory and must be a file: ${src}`);
    if (r.rc === 5) throw new ModuleFailure(`file is not readable: ${src}`);
    if (r.rc !== 0) throw new ModuleFailure(`could not read ${src}: ${r.stderr.trim()}`);
    return { changed: false, content: r.stdout.replace(/\s+/g, ''), encoding: 'base64', source: src };
  },
};
