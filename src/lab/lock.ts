// One writer per lab at a time (a `lab up` and a test restarting a host both rewrite state and
// known_hosts). A lock held by a process that died is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HaRunError } from '../errors.js';

export async function withLabLock<T>(labDir: string, fn: () => Promise<T>, timeoutMs = 20 * 60_000): Promise<T> {
  mkdirSync(labDir, { recursive: true, mode: 0o700 });
  const lock = join(labDir, '.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!holderAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new HaRunError('lab-locked', `the lab in ${labDir} is busy (another ha-run holds ${lock})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just created, pid not written yet: treat as alive and wait.
    return true;
  }
  if (!pid || pid === process.pid) return pid === process.pid;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
