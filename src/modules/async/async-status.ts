// async_status: the state of a job started with `async:` and `poll: 0`, or its cleanup. A finished
// job's result is its module's (command's rc, stdout...), built from what the job left on the target.
import type { ActionModule, Module } from '../types.js';
import { ModuleFailure } from '../failure.js';
import { probeOf } from '../kit/probe.js';
import { cleanupScript, jobStatus } from './job-files.js';
import { jobResult } from './job-result.js';

export interface AsyncStatusArgs {
  jid: string;
  mode?: 'status' | 'cleanup';
}

export const asyncStatusModule: ActionModule<AsyncStatusArgs> = {
  kind: 'action',
  name: 'async_status',
  schema: {
    type: 'object',
    description: 'Reports the state of an async job (`async:` with `poll: 0`), or removes its files (mode=cleanup).',
    additionalProperties: false,
    required: ['jid'],
    properties: {
      jid: { type: 'string', description: 'The job id (the registered `ansible_job_id`).' },
      mode: { type: 'string', enum: ['status', 'cleanup'], default: 'status', description: 'status: report; cleanup: remove the job’s files.' },
    },
  },
  async run(ctx, args) {
    if (args.mode === 'cleanup') {
      const r = await ctx.conn.exec(cleanupScript(args.jid), { ownScript: true });
      if (r.rc !== 0) throw new ModuleFailure(`could not clean up job ${args.jid}: ${r.stderr.trim()}`);
      return { changed: false, ansible_job_id: args.jid, erased: true };
    }
    const job = await probeOf(ctx.conn).get(jobStatus, args.jid);
    // The registry imports every module, this one too: look it up when needed, not at load time.
    const { findModule } = await import('../registry.js');
    return jobResult(args.jid, job, (meta, output) => {
      const module: Module | undefined = findModule(meta.module);
      if (!module?.asyncJob) throw new ModuleFailure(`job ${args.jid} ran '${meta.module}', which cannot run as a job`);
      return module.asyncJob.result(meta.data, output);
    });
  },
};
