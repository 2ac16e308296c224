// A job's state as Ansible's async results show it: running (started, not finished), or finished with
// the module's own result built from what the job printed.
import type { ModuleResult } from '../types.js';
import type { JobState } from './job-files.js';
import { resultsFile } from './job-files.js';

/** What the executor keeps with a job: the module that builds its result and that module's meta. */
export interface JobMeta {
  module: string;
  data: unknown;
}

export function isJobMeta(x: unknown): x is JobMeta {
  return typeof x === 'object' && x !== null && typeof (x as JobMeta).module === 'string';
}

export const TIMEOUT_MESSAGE = (seconds: number) => `async task did not complete within the requested time - ${seconds}s`;

/** The result for a job in `state`; `build` turns a finished job's output into its module's result. */
export function jobResult(jid: string, job: JobState, build: (meta: JobMeta, output: Extract<JobState, { state: 'finished' }>) => ModuleResult): ModuleResult {
  const ids = { ansible_job_id: jid, results_file: resultsFile(job.home, jid), started: 1 };
  if (job.state === 'absent') return { changed: false, failed: true, finished: 1, ...ids, msg: `could not find job ${jid}` };
  if (job.state === 'running') return { changed: false, finished: 0, ...ids };
  if (job.timedOut) return { changed: false, failed: true, finished: 1, ...ids, msg: 'Timeout exceeded' };
  if (!isJobMeta(job.meta)) return { changed: false, failed: true, finished: 1, ...ids, msg: `job ${jid} was not started by ha-run` };
  return { ...build(job.meta, job), finished: 1, ...ids };
}
