// PLAY RECAP in Ansible's exact line format, so people and scripts that read Ansible's recap read ours.
import type { HostStats } from './events.js';

/** `TASK [name] ****...`: the title, a space, then stars to column 80 (at least 3), like Ansible. */
export function banner(title: string, width = 80): string {
  const stars = Math.max(3, width - title.length - 1);
  return `${title} ${'*'.repeat(stars)}`;
}

/** Ansible: `%-26s : ok=%-4s changed=%-4s ...` (each counter padded to 4, a trailing space kept). Tasks
 *  stopped mid-way by an interrupt follow as `interrupted=N`, only when there are any. */
export function recapLine(host: string, s: HostStats): string {
  const field = (name: string, n: number) => `${name}=${String(n).padEnd(4)}`;
  return (
    `${host.padEnd(26)} : ` +
    [
      field('ok', s.ok),
      field('changed', s.changed),
      field('unreachable', s.unreachable),
      field('failed', s.failed),
      field('skipped', s.skipped),
      field('rescued', s.rescued),
      field('ignored', s.ignored),
      ...(s.interrupted ? [field('interrupted', s.interrupted)] : []),
    ].join(' ')
  );
}

export function formatRecap(stats: Record<string, HostStats>): string {
  const lines = [banner('PLAY RECAP')];
  for (const host of Object.keys(stats).sort()) lines.push(recapLine(host, stats[host]!));
  return lines.join('\n');
}
