// The twins are shared by every run of the differential test (a developer's and `npm test` at the
// same time would mix their files): a lock directory on the ansible twin makes runs take turns.
// The lock names the holder's pid: test runs all start on this machine, so a holder that died
// (killed, timed out) is seen at once; a lock older than STALE_AFTER_S is broken regardless.
export type HostExec = (host: string, cmd: string) => Promise<{ exitCode: number; stdout?: string; stderr: string }>;

const LOCK_DIR = '/var/lock/hadiff-twins';
// A run takes ~5 minutes.
const STALE_AFTER_S = 1800;

const tryLock = (pid: number) => `mkdir ${LOCK_DIR} 2>/dev/null && echo "$(date +%s) ${pid}" > ${LOCK_DIR}/holder`;
// The holder line (exactly one line, empty when there is none yet), then now, then the lock's age
// source (its mtime) for a lock without a holder line.
const READ_HOLDER = `printf '%s\\n' "$(cat ${LOCK_DIR}/holder 2>/dev/null)"; date +%s; stat -c %Y ${LOCK_DIR} 2>/dev/null || echo 0`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a holder line (`<since> <pid>`, read at `now`) belongs to a run that is gone. A lock
 * without one is being taken right now, unless it is older than a minute (its taker died).
 */
export function holderIsGone(holder: string, now: number, lockMtime: number, isAlive: (pid: number) => boolean = alive): boolean {
  const [since, pid] = holder.trim().split(/\s+/).map(Number);
  if (!since || !pid) return now - lockMtime > 60;
  return now - since > STALE_AFTER_S || !isAlive(pid);
}

/** Waits until this run holds the twins' lock; returns the function that releases it. */
export async function lockTwins(exec: HostExec, host: string, waitMs = 1_200_000, pollMs = 5_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if ((await exec(host, tryLock(process.pid))).exitCode === 0) {
      return async () => {
        await exec(host, `rm -rf ${LOCK_DIR}`);
      };
    }
    const [holder = '', now = '0', mtime = '0'] = ((await exec(host, READ_HOLDER)).stdout ?? '').split('\n');
    if (holderIsGone(holder, Number(now), Number(mtime))) {
      await exec(host, `rm -rf ${LOCK_DIR}`);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another differential run (${holder.trim()}) holds ${LOCK_DIR} on ${host}; waited ${waitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
