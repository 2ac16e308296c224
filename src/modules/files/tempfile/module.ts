// tempfile: a new, uniquely named file or directory on the target (mktemp), its path returned.
// Always a change, as in Ansible; like Ansible's it does not run in check mode.
import { shellQuote } from '../../../connection/quote.js';
import { fileResultKeys } from '../file-attrs.js';
import { fileState } from '../file-probe.js';
import { probeOf } from '../../kit/probe.js';
import type { ActionModule } from '../../types.js';
import { tempfileSchema, type TempfileArgs } from './schema.js';

/** mktemp's template: the prefix, eight random characters, then the suffix (Python's mkstemp makes eight too). */
export function mktempCommand(args: TempfileArgs): string {
  const dir = args.path ? shellQuote(args.path) : '"${TMPDIR:-/tmp}"';
  const suffix = args.suffix ? ` --suffix=${shellQuote(args.suffix)}` : '';
  return `mktemp${args.state === 'directory' ? ' -d' : ''} -p ${dir}${suffix} ${shellQuote(`${args.prefix ?? 'ansible.'}XXXXXXXX`)}`;
}

export const tempfileModule: ActionModule<TempfileArgs> = {
  kind: 'action',
  name: 'tempfile',
  schema: tempfileSchema,
  async run(ctx, args) {
    if (ctx.check) return { changed: false, skipped: true, msg: 'remote module (tempfile) does not support check mode' };
    const r = await ctx.conn.exec(mktempCommand(args));
    if (r.rc !== 0) return { changed: false, failed: true, msg: `Failed to create a temporary ${args.state === 'directory' ? 'directory' : 'file'}: ${r.stderr.trim() || `mktemp exited ${r.rc}`}` };
    const path = r.stdout.trim();
    const state = await probeOf(ctx.conn).get(fileState, { path });
    return { changed: true, path, ...fileResultKeys(state), reasons: [`created ${path}`] };
  },
};
