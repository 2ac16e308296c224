// unarchive: an archive unpacked into a directory by the target's tar or unzip, only when what is on
// disk differs from it. A controller archive is copied to a temporary file to be read (and removed
// at once); the change copies it again to unpack it.
import { posix } from 'node:path';
import { shellQuote } from '../../../connection/quote.js';
import { fileResultKeys } from '../../files/file-attrs.js';
import { fileState } from '../../files/file-probe.js';
import { ModuleFailure } from '../../failure.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import { contentSha1, readLocalContent, type Content } from '../../files/local-file.js';
import type { DeclarativeModule, ModuleContext } from '../../types.js';
import { archiveState, type ArchiveFacts } from './facts.js';
import { checkDownload, downloadPath, downloadRequest, isUrlSource } from './url-source.js';
import { fetchOnTarget } from '../response.js';
import { archiveQuery, planUnarchive, type UnarchiveFacts } from './plan.js';
import { unarchiveSchema, type UnarchiveArgs } from './schema.js';

// The archive read by gather, kept for the re-read after unpacking (the member list does not change).
const readBefore = new WeakMap<ModuleContext, Map<string, ArchiveFacts>>();

const remote = (args: UnarchiveArgs) => args.remote_src === true || args.copy === false;

async function controllerArchive(ctx: ModuleContext, src: string): Promise<Content> {
  try {
    return await readLocalContent(ctx.findFile('files', src));
  } catch (err) {
    throw new ModuleFailure(`Could not find or access '${src}' on the controller: ${(err as Error).message}`, { src });
  }
}

export const unarchiveModule: DeclarativeModule<UnarchiveArgs, UnarchiveFacts> = {
  kind: 'declarative',
  name: 'unarchive',
  refusesAsync: true,
  schema: unarchiveSchema,
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const [dest, creates] = await probe.many(ask(fileState, { path: args.dest }), ask(fileState, { path: args.creates ?? args.dest }));
    const download = isUrlSource(args, remote(args));
    const upload = remote(args) ? undefined : await controllerArchive(ctx, args.src);
    const archivePath = upload ? `/tmp/.ha-run-unarchive-${contentSha1(upload).slice(0, 16)}-${posix.basename(args.src)}` : download ? downloadPath(args.src) : args.src;
    const facts: UnarchiveFacts = { dest, creates: args.creates === undefined ? undefined : creates, archivePath, upload, download };
    if ((args.creates !== undefined && creates.exists) || dest.type !== 'directory') return facts;
    const key = `${args.src}\n${args.dest}`;
    const known = readBefore.get(ctx)?.get(key);
    if (known) return { ...facts, archive: known };
    if (upload) await ctx.conn.put(archivePath, upload, { mode: '0600' });
    if (download) checkDownload(args, await fetchOnTarget(ctx.conn, downloadRequest(args), { returnBody: false, keepAt: archivePath, keepOn: [200] }));
    try {
      facts.archive = await probe.get(archiveState, archiveQuery(args, archivePath));
    } finally {
      if (upload || download) await ctx.conn.exec(`rm -f -- ${shellQuote(archivePath)}`);
    }
    if (!readBefore.has(ctx)) readBefore.set(ctx, new Map());
    readBefore.get(ctx)!.set(key, facts.archive);
    return facts;
  },
  plan: planUnarchive,
  result(args, facts) {
    // Ansible's unarchive skips the task (not merely ok) when creates exists.
    if (args.creates !== undefined && facts.creates?.exists) return { skipped: true, msg: `skipped, since ${args.creates} exists` };
    const keys: Record<string, unknown> = { dest: args.dest, src: args.src, ...fileResultKeys(facts.dest) };
    if (facts.archive) keys.handler = facts.archive.handler;
    if (args.list_files && facts.archive) keys.files = facts.archive.files;
    return keys;
  },
};
