// get_url: a file downloaded by the target (curl, or wget), replacing dest only when its content
// differs. The comparison needs the download: gather downloads into a temporary directory (removed
// at once) and keeps only the answer's status, sha1 and digest; the change downloads again beside
// dest. An existing dest matching `checksum` is never downloaded; without `force` an existing dest
// is asked for with If-Modified-Since, as Ansible does.
import { posix } from 'node:path';
import { fileResultKeys } from '../../files/file-attrs.js';
import { fileState } from '../../files/file-probe.js';
import { readsFlags } from '../../files/file-flags.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { DeclarativeModule, ModuleContext } from '../../types.js';
import { HTTP_SECRET_ARGS, responseMsg } from '../http-args.js';
import { fetchOnTarget, type HttpResponse } from '../response.js';
import { digestFromChecksumFile, fileDigest, isUrl, parseChecksum, type WantedChecksum } from './facts.js';
import { downloadRequest, planGetUrl, type GetUrlFacts } from './plan.js';
import { getUrlSchema, type GetUrlArgs } from './schema.js';

// The answer gather got, kept for the re-read after the change: the server is asked once per task.
const answers = new WeakMap<ModuleContext, Map<string, HttpResponse | undefined>>();

async function wantedChecksum(ctx: ModuleContext, args: GetUrlArgs): Promise<WantedChecksum | undefined> {
  if (!args.checksum) return undefined;
  const wanted = parseChecksum(args.checksum);
  if (!isUrl(wanted.value)) return wanted;
  const sums = await fetchOnTarget(ctx.conn, { ...downloadRequest(args, false, ''), url: wanted.value }, { returnBody: true });
  const filename = posix.basename(args.url.split(/[?#]/)[0]);
  return { ...wanted, value: digestFromChecksumFile(sums.body?.toString() ?? '', filename, wanted.value) };
}

export const getUrlModule: DeclarativeModule<GetUrlArgs, GetUrlFacts> = {
  kind: 'declarative',
  name: 'get_url',
  schema: getUrlSchema,
  secretArgs: HTTP_SECRET_ARGS,
  async gather(ctx, args) {
    const probe = probeOf(ctx.conn);
    const [destNow, destParent] = await probe.many(ask(fileState, { path: args.dest, checksum: true, flags: readsFlags(args) }), ask(fileState, { path: posix.dirname(args.dest.replace(/\/+$/, '')) || '/' }));
    const intoDirectory = destNow.type === 'directory';
    const path = intoDirectory ? posix.join(args.dest, posix.basename(args.url.split(/[?#]/)[0]) || 'index.html') : args.dest;
    const [dest, parent] = intoDirectory ? await probe.many(ask(fileState, { path, checksum: true, flags: readsFlags(args) }), ask(fileState, { path: args.dest })) : [destNow, destParent];
    const wanted = await wantedChecksum(ctx, args);
    const destDigest = wanted && dest.type === 'file' ? await probe.get(fileDigest, { path, algorithm: wanted.algorithm }) : undefined;
    const facts: GetUrlFacts = { path, dest, parent, wanted, destDigest };
    const key = `${args.url}\n${path}`;
    const cached = answers.get(ctx)?.get(key);
    if (cached) return { ...facts, response: cached };
    if (!args.force && wanted && destDigest === wanted.value) return facts;
    if (parent.type !== 'directory') return facts;

    const conditional = !args.force && dest.exists && !(wanted && destDigest !== wanted.value);
    const response = await fetchOnTarget(ctx.conn, downloadRequest(args, conditional, path), { returnBody: false, digest: wanted?.algorithm, tmpDir: args.tmp_dest });
    if (!answers.has(ctx)) answers.set(ctx, new Map());
    answers.get(ctx)!.set(key, response);
    return { ...facts, response };
  },
  plan: planGetUrl,
  result(args, facts, _changes, before) {
    const r = facts.response;
    const base = { url: args.url, dest: facts.path, elapsed: Math.floor(r?.elapsed ?? 0), ...fileResultKeys(facts.dest) };
    if (!r) return { ...base, msg: 'file already exists' };
    const msg = responseMsg(r.status, r.reason, r.headers, r.error);
    // Ansible adds the file's attributes to any result naming a dest, a 304's too.
    if (r.status === 304) return { ...base, status_code: 304, msg };
    return {
      ...base,
      status_code: r.status,
      msg,
      checksum_src: r.sha1,
      checksum_dest: before?.dest.type === 'file' ? (before.dest.sha1 ?? null) : null,
    };
  },
};
