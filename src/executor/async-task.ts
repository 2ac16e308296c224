// `async:` and `poll:` as Ansible runs them: the module's job starts detached on the target
// (modules/async/job-files.ts); with poll > 0 the executor checks it every `poll` seconds until it
// ends or its time is up, then cleans up; with poll 0 the task returns the job id at once, for
// async_status. A module that cannot run as a job runs in the foreground when polled: over ha-run's
// persistent session a long task needs no background job to survive.
import type { Module, ModuleContext, ModuleResult } from '../modules/types.js';
import { failureResult, runModule } from '../modules/run.js';
import { probeOf } from '../modules/kit/probe.js';
import { cleanupScript, jobStatus, launchInput, launchScript, newJobId, resultsFile } from '../modules/async/job-files.js';
import { jobResult, TIMEOUT_MESSAGE, type JobMeta } from '../modules/async/job-result.js';

export interface AsyncTiming {
  /** The job's time limit, seconds. */
  seconds: number;
  /** Seconds between checks; 0: do not wait. */
  poll: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runAsyncTask(module: Module, ctx: ModuleContext, args: Record<string, unknown>, timing: AsyncTiming, stopped: () => boolean): Promise<ModuleResult> {
  if (!module.asyncJob) {
    if (timing.poll === 0) return { changed: false, failed: true, msg: `'${module.name}' cannot run as a background job (poll: 0); command and shell can` };
    return runModule(module, ctx, args);
  }
  let meta: JobMeta;
  let input: Buffer;
  try {
    const spec = module.asyncJob.start(args);
    meta = { module: module.name, data: spec.meta };
    input = launchInput({ ...spec, meta });
  } catch (err) {
    return failureResult(err);
  }
  const jid = newJobId();
  const launched = await ctx.conn.exec(launchScript(jid, timing.seconds), { ownScript: true, stdin: input });
  if (launched.rc !== 0) return { changed: false, failed: true, msg: `could not start the async job: ${launched.stderr.trim() || `exit status ${launched.rc}`}` };
  const ids = { ansible_job_id: jid, results_file: resultsFile(launched.stdout.trim(), jid), started: 1 };
  if (timing.poll === 0) return { changed: true, ...ids, finished: 0 };

  const deadline = Date.now() + timing.seconds * 1000;
  for (;;) {
    await sleep(Math.max(0, Math.min(timing.poll * 1000, deadline - Date.now())));
    const job = await probeOf(ctx.conn).get(jobStatus, jid);
    if (job.state === 'finished') {
      await ctx.conn.exec(cleanupScript(jid), { ownScript: true });
      if (job.timedOut) return { changed: false, failed: true, ...ids, finished: 1, msg: TIMEOUT_MESSAGE(timing.seconds) };
      return jobResult(jid, job, (m, output) => module.asyncJob!.result(m.data, output));
    }
    if (job.state === 'absent') return { changed: false, failed: true, ...ids, msg: `the async job ${jid} disappeared from the target` };
    if (Date.now() >= deadline || stopped()) {
      return { changed: false, failed: true, msg: TIMEOUT_MESSAGE(timing.seconds), async_result: { ...ids, finished: 0 } };
    }
  }
}
