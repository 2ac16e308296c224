// PLAY RECAP in Ansible's exact line format, so people and scripts that read Ansible's recap read ours.
import { paint, STATUS_COLOUR } from './colour.js';
import type { HostStats } from './events.js';

/** `TASK [name] ****...`: the title, a space, then stars to column 80 (at least 3), like Ansible. */
export function banner(title: string, width = 80): string {
  const stars = Math.max(3, width - title.length - 1);
  return `${title} ${'*'.repeat(stars)}`;
}

/** Ansible: `%-26s : ok=%-4s changed=%-4s ...` (each counter padded to 4, a trailing space kept). Tasks
 *  stopped mid-way by an interrupt follow as `interrupted=N`, only when there are any. In colour, as
 *  Ansible's: the host red (failed or unreachable), yellow (changed) or green, each non-zero counter in
 *  its outcome's colour; the padding counts the visible characters only. */
export function recapLine(host: string, s: HostStats, colour = false): string {
  const field = (name: keyof typeof STATUS_COLOUR, n: number) => {
    const text = `${name}=${String(n).padEnd(4)}`;
    return colour && n !== 0 ? paint(text, STATUS_COLOUR[name]) : text;
  };
  const hostCode = s.failed || s.unreachable ? STATUS_COLOUR.failed : s.changed ? STATUS_COLOUR.changed : STATUS_COLOUR.ok;
  const shownHost = colour ? paint(host, hostCode) + ' '.repeat(Math.max(0, 26 - host.length)) : host.padEnd(26);
  return (
    `${shownHost} : ` +
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

export function formatRecap(stats: Record<string, HostStats>, colour = false): string {
  const lines = [banner('PLAY RECAP')];
  for (const host of Object.keys(stats).sort()) lines.push(recapLine(host, stats[host]!, colour));
  return lines.join('\n');
}
