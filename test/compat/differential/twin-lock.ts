// The twins are shared by every run of the differential test (a developer's and `npm test` at the
// same time would mix their files): a lock directory on the ansible twin makes runs take turns.
export type HostExec = (host: string, cmd: string) => Promise<{ exitCode: number; stderr: string }>;

const LOCK_DIR = '/var/lock/hadiff-twins';
// A run takes ~5 minutes; a lock older than this was left by a run that died.
const STALE_AFTER_S = 1800;

const TRY_LOCK = `mkdir ${LOCK_DIR} 2>/dev/null && date +%s > ${LOCK_DIR}/since`;
const BREAK_STALE = `since=$(cat ${LOCK_DIR}/since 2>/dev/null || echo 0); [ $(( $(date +%s) - since )) -gt ${STALE_AFTER_S} ] && rm -rf ${LOCK_DIR}`;

/** Waits until this run holds the twins' lock; returns the function that releases it. */
export async function lockTwins(exec: HostExec, host: string, waitMs = 1_200_000, pollMs = 5_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if ((await exec(host, TRY_LOCK)).exitCode === 0) {
      return async () => {
        await exec(host, `rm -rf ${LOCK_DIR}`);
      };
    }
    await exec(host, BREAK_STALE);
    if (Date.now() > deadline) throw new Error(`another differential run holds ${LOCK_DIR} on ${host}; waited ${waitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
