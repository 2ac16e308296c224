// find: the files under directories on the target that match, with their stat fields. Read-only:
// never changed. One round trip lists every directory; a second reads content only when `contains`
// or `get_checksum` needs it.
import { fileState } from '../file-probe.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import { withPatternBudget } from '../../py-regex.js';
import type { ActionModule } from '../../types.js';
import { directoryListing } from './facts.js';
import { findSchema, type FindArgs } from './schema.js';
import { containsMatch, fileFields, listArg, listingDepth, searchPaths, selectEntries } from './select.js';

/** Files bigger than this are not read for `contains` (the target would send them whole). */
const CONTAINS_MAX_BYTES = 64 * 1024 * 1024;

export const findModule: ActionModule<FindArgs> = {
  kind: 'action',
  readsOnly: true,
  name: 'find',
  schema: findSchema,
  async run(ctx, args) {
    const probe = probeOf(ctx.conn);
    const listing = await probe.get(directoryListing, { paths: searchPaths(args), follow: args.follow === true, maxDepth: listingDepth(args) });
    const patterns = [...listArg(args.patterns ?? args.pattern), ...listArg(args.excludes ?? args.exclude), args.contains];
    const selection = withPatternBudget(args.use_regex ? patterns : [args.contains], () => selectEntries(args, listing));
    let found = selection.found;
    const wantsContent = args.contains !== undefined && (args.file_type ?? 'file') === 'file';
    const readFiles = found.filter((f) => f.entry.kind === 'f' && (wantsContent || args.get_checksum));
    const states = readFiles.length ? await probe.many(...readFiles.map((f) => ask(fileState, { path: f.path, checksum: true, contentUpTo: wantsContent ? CONTAINS_MAX_BYTES : undefined }))) : [];
    const byPath = new Map(states.map((s) => [s.path, s]));
    if (wantsContent) {
      found = withPatternBudget([args.contains], () =>
        found.filter((f) => {
          const content = byPath.get(f.path)?.content;
          return content !== undefined && containsMatch(content.toString('utf8'), args.contains!, args.read_whole_file === true);
        }),
      );
    }
    const files = found.map((f) => {
      const fields = fileFields(f);
      if (args.get_checksum && f.entry.kind === 'f') fields.checksum = byPath.get(f.path)?.sha1;
      return fields;
    });
    const skipped = Object.keys(selection.skipped).length > 0;
    return {
      changed: false,
      files,
      matched: files.length,
      examined: selection.examined,
      skipped_paths: selection.skipped,
      msg: skipped ? 'Not all paths examined, check warnings for details' : 'All paths examined',
    };
  },
};
