// apt: packages through apt-get and dpkg. An action module because Ansible's apt decides `changed`
// after the fact: the cache update counts only when the lists really changed (their mtime) and only
// when it is all the task does; package work counts when dpkg's records differ afterwards.
import { ModuleFailure } from '../../failure.js';
import { probeOf } from '../../kit/probe.js';
import type { ActionModule, Change, ModuleContext, ModuleResult } from '../../types.js';
import { aptGet } from '../apt-command.js';
import { aptCacheTime } from '../apt-cache-time.js';
import { dpkgStatus, installedSnapshot, type DpkgRecord } from '../dpkg-status.js';
import { cacheUpdateReason, onlyCacheUpdate } from './cache.js';
import { downloadDeb, isDebUrl, removeDeb } from './deb-url.js';
import { gatherApt } from './facts.js';
import { aptOptions } from './options.js';
import { planApt } from './plan.js';
import { aptSchema, type AptArgs } from './schema.js';

export const aptModule: ActionModule<AptArgs> = {
  kind: 'action',
  name: 'apt',
  schema: aptSchema,
  run: runApt,
};

async function runApt(ctx: ModuleContext, args: AptArgs): Promise<ModuleResult> {
  const probe = probeOf(ctx.conn);
  const [cache, before] = await probe.many({ fact: aptCacheTime, args: undefined }, { fact: dpkgStatus, args: undefined });
  const cacheReason = cacheUpdateReason(args, cache);
  let cacheUpdated = false;
  let cacheTime = cache.mtime;
  if (cacheReason) {
    if (ctx.check) cacheUpdated = true;
    else {
      const r = await ctx.conn.exec(aptGet(['update']));
      if (r.rc !== 0) return { changed: false, failed: true, msg: `Failed to update apt cache: ${r.stderr.trim() || r.stdout.trim() || `exit status ${r.rc}`}`, rc: r.rc, stdout: r.stdout, stderr: r.stderr };
      cacheTime = (await probe.get(aptCacheTime, undefined)).mtime;
      cacheUpdated = cacheTime !== cache.mtime;
    }
  }
  const cacheResult = { cache_updated: cacheUpdated, cache_update_time: cacheTime };
  if (onlyCacheUpdate(args)) return { changed: cacheUpdated, reasons: cacheUpdated && cacheReason ? [cacheReason] : [], ...cacheResult };

  let debPath: string | undefined;
  try {
    if (isDebUrl(args.deb)) debPath = await downloadDeb(ctx.conn, args.deb);
    return await changePackages(ctx, args, before, cacheResult, debPath);
  } catch (err) {
    // Ansible's apt registers the cache values with its failures too.
    if (err instanceof ModuleFailure) return { changed: false, failed: true, msg: err.message, ...err.extra, ...cacheResult };
    throw err;
  } finally {
    if (debPath) await removeDeb(ctx.conn, debPath);
  }
}

async function changePackages(ctx: ModuleContext, args: AptArgs, before: DpkgRecord[], cacheResult: Record<string, unknown>, debPath: string | undefined): Promise<ModuleResult> {
  const probe = probeOf(ctx.conn);
  const facts = await gatherApt(probe, aptOptions(args), debPath);
  const changes = planApt(args, facts);
  const shown = shownChanges(ctx, changes);
  if (changes.length === 0) return { changed: false, ...cacheResult };
  if (ctx.check) return { changed: true, ...shown, ...cacheResult };

  let stdout = '';
  let stderr = '';
  for (const op of changes.flatMap((c) => c.ops)) {
    if (op.kind !== 'exec') continue;
    const r = await ctx.conn.exec(op.command, op.stdin === undefined ? undefined : { stdin: op.stdin });
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.rc !== 0) {
      const changed = installedSnapshot((await probe.get(dpkgStatus, undefined))) !== installedSnapshot(before);
      return { changed, failed: true, msg: `'${op.command}' failed: ${r.stderr.trim() || r.stdout.trim().split('\n').slice(-3).join('\n')}`, rc: r.rc, stdout, stderr, ...cacheResult };
    }
  }
  // Exact: the task changed the host iff dpkg's records differ (autoclean deletes archives only).
  const after = await probe.get(dpkgStatus, undefined);
  const changed = installedSnapshot(after) !== installedSnapshot(before) || (facts.autoclean?.length ?? 0) > 0;
  return { changed, ...(changed ? shown : {}), stdout, stderr, ...cacheResult };
}

function shownChanges(ctx: ModuleContext, changes: Change[]): Partial<ModuleResult> {
  return { reasons: changes.map((c) => c.summary), ...(ctx.diff ? { diff: changes.flatMap((c) => (c.diff ? [c.diff] : [])) } : {}) };
}
