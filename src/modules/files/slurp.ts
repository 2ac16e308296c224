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
    // Distinct exit codes say why, so the message can too, in the order opening the file fails in Ansible's
    // slurp: a directory it may read is a directory, one it may not is unreadable; then what the shell's
    // own open says (missing, not permitted, or anything else such as a file used as a directory).
    const script = [
      'LC_ALL=C; export LC_ALL',
      `if [ -d ${q} ]; then [ -r ${q} ] && exit 4; exit 5; fi`,
      // dash says "No such file" also when a file stands where a directory should: the nearest existing
      // ancestor tells the two apart.
      `err=$( (: < ${q}) 2>&1 ) || { case $err in *"ermission denied"*) exit 5;; *"No such file"*|*"No such file or directory"*) p=${q}; while p=$(dirname -- "$p"); [ ! -e "$p" ] && [ "$p" != / ] && [ "$p" != . ]; do :; done; [ -e "$p" ] && [ ! -d "$p" ] && exit 7; exit 3;; esac; printf '%s' "$err" >&2; exit 6; }`,
      `base64 < ${q}`,
    ].join('\n');
    const r = await ctx.conn.exec(script, { ownScript: true });
    if (r.rc === 3) throw new ModuleFailure(`file not found: ${src}`);
    if (r.rc === 4) throw new ModuleFailure(`source is a directory and must be a file: ${src}`);
    if (r.rc === 5) throw new ModuleFailure(`file is not readable: ${src}`);
    if (r.rc === 6) throw new ModuleFailure(`unable to slurp file: ${r.stderr.trim().replace(/^.*cannot open /, '')}`);
    if (r.rc === 7) throw new ModuleFailure(`unable to slurp file: [Errno 20] Not a directory: '${src}'`);
    if (r.rc !== 0) throw new ModuleFailure(`could not read ${src}: ${r.stderr.trim()}`);
    return { changed: false, content: r.stdout.replace(/\s+/g, ''), encoding: 'base64', source: src };
  },
};
