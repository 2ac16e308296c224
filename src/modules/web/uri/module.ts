// uri: one HTTP request made by the target (curl, or wget), its answer returned as Ansible returns
// it. A request is an action, not a state: it runs every time (creates/removes guard it), and it
// changes nothing unless `dest` receives a new body. Like Ansible's, it does not run in check mode.
import { posix } from 'node:path';
import { shellQuote } from '../../../connection/quote.js';
import { MAX_TRANSFER_SOURCE_BYTES, readRegularFile } from '../../../source/read-file.js';
import { attrChanges, fileResultKeys } from '../../files/file-attrs.js';
import { fileState } from '../../files/file-probe.js';
import { readsFlags } from '../../files/file-flags.js';
import { ModuleFailure } from '../../failure.js';
import { ask } from '../../kit/fact.js';
import { probeOf } from '../../kit/probe.js';
import type { ActionModule, ModuleContext, ModuleResult } from '../../types.js';
import { baseRequest, HTTP_SECRET_ARGS } from '../http-args.js';
import { fetchOnTarget } from '../response.js';
import { encodeBody } from './body.js';
import { multipartBody } from './multipart.js';
import { statusCodes, uriResult, wantsRedirects } from './result.js';
import { uriSchema, type UriArgs } from './schema.js';

export const uriModule: ActionModule<UriArgs> = {
  kind: 'action',
  name: 'uri',
  schema: uriSchema,
  secretArgs: HTTP_SECRET_ARGS,
  async run(ctx, args) {
    if (ctx.check) return { changed: false, skipped: true, msg: 'remote module (uri) does not support check mode' };
    const probe = probeOf(ctx.conn);
    const [creates, removes, destNow] = await probe.many(
      ask(fileState, { path: args.creates ?? '/' }),
      ask(fileState, { path: args.removes ?? '/' }),
      ask(fileState, { path: args.dest ?? '/', checksum: true }),
    );
    if (args.creates !== undefined && creates.exists) return { changed: false, msg: `skipped, since '${args.creates}' exists`, stdout: `skipped, since '${args.creates}' exists` };
    if (args.removes !== undefined && !removes.exists) return { changed: false, msg: `skipped, since '${args.removes}' does not exist`, stdout: `skipped, since '${args.removes}' does not exist` };

    const codes = statusCodes(args.status_code);
    const method = (args.method ?? 'GET').toUpperCase();
    const encoded: { body?: string | Buffer; contentType?: string } =
      args.body_format === 'form-multipart' && args.body !== undefined ? multipartBody(args.body, (name) => controllerBody(ctx, name)) : encodeBody(args.body, args.body_format === 'form-multipart' ? 'raw' : args.body_format);
    const request = { ...baseRequest(args, 30), method, followRedirects: wantsRedirects(args.follow_redirects, method), ...(args.unix_socket !== undefined ? { unixSocket: args.unix_socket } : {}) };
    if (encoded.body !== undefined) request.body = encoded.body;
    if (args.src !== undefined) {
      // As Ansible: src is a controller file unless remote_src says it is on the target.
      if (args.remote_src) request.bodyFile = args.src;
      else request.body = controllerBody(ctx, args.src);
    }
    if (encoded.contentType && !Object.keys(request.headers).some((h) => h.toLowerCase() === 'content-type')) request.headers['Content-Type'] = encoded.contentType;

    let dest = args.dest;
    if (dest !== undefined && destNow.type === 'directory') dest = posix.join(dest, urlFilename(args.url));
    const destState = dest === args.dest ? destNow : await probe.get(fileState, { path: dest!, checksum: true });
    const keepAt = dest === undefined ? undefined : posix.join(posix.dirname(dest), `.${posix.basename(dest)}.ha-run-uri`);
    const response = await fetchOnTarget(ctx.conn, dest === undefined ? request : { ...request, ifModifiedSince: dest }, {
      returnBody: dest === undefined && method !== 'HEAD',
      keepAt,
      keepOn: codes.filter((c) => c !== 304),
    });
    const written = response.kept && dest ? await placeBody(ctx, keepAt!, dest, destState.exists ? destState.sha1 : undefined, response.sha1) : undefined;
    const result = uriResult(args, response, codes);
    if (dest !== undefined && response.status !== -1) Object.assign(result, await destAttributes(ctx, args, dest, written));
    return result;
  },
};

function controllerBody(ctx: ModuleContext, src: string): Buffer {
  try {
    return readRegularFile(ctx.findFile('files', src), MAX_TRANSFER_SOURCE_BYTES);
  } catch (err) {
    throw new ModuleFailure(`Could not find or access '${src}' on the controller: ${(err as Error).message}`, { src });
  }
}

/** The last path segment of the URL, or index.html (Ansible's url_filename). */
function urlFilename(url: string): string {
  const path = url.replace(/^[^:]+:\/\/[^/]*/, '').split(/[?#]/)[0];
  return posix.basename(path) || 'index.html';
}

/** Moves the downloaded body over dest when it differs; removes it otherwise. Says whether dest changed. */
async function placeBody(ctx: ModuleContext, temp: string, dest: string, destSha1: string | undefined, sha1: string): Promise<boolean> {
  const same = destSha1 === sha1;
  const command = same ? `rm -f -- ${shellQuote(temp)}` : `mv -f -- ${shellQuote(temp)} ${shellQuote(dest)}`;
  const r = await ctx.conn.exec(command);
  if (r.rc !== 0) throw new ModuleFailure(`could not write ${dest}: ${r.stderr.trim() || `exit status ${r.rc}`}`);
  return !same;
}

/** owner/group/mode on dest (as Ansible sets them after writing), and the file keys it registers. */
async function destAttributes(ctx: ModuleContext, args: UriArgs, dest: string, written: boolean | undefined): Promise<ModuleResult> {
  let state = await probeOf(ctx.conn).get(fileState, { path: dest, flags: readsFlags(args) });
  let changed = written === true;
  const reasons = written ? [`wrote ${dest}`] : [];
  if (state.exists) {
    const attrs = attrChanges(dest, args, state);
    for (const change of attrs) {
      for (const op of change.ops) {
        if (op.kind !== 'exec') continue;
        const r = await ctx.conn.exec(op.command);
        if (r.rc !== 0) throw new ModuleFailure(`${change.summary}: ${r.stderr.trim()}`);
      }
      reasons.push(change.summary);
      changed = true;
    }
    if (attrs.length) state = await probeOf(ctx.conn).get(fileState, { path: dest });
  }
  const keys: ModuleResult = { changed, path: dest, ...(state.exists ? fileResultKeys(state) : {}) };
  if (reasons.length) keys.reasons = reasons;
  return keys;
}
