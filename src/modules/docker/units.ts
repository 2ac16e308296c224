// Docker's units as Ansible's docker modules write them: sizes ("512m", "1g") and durations ("30s",
// "1m30s"), turned into the numbers `docker inspect` shows (bytes, nanoseconds).
import { ModuleFailure } from '../failure.js';

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };

/** Bytes of a size such as "64m" or "1G"; -1 stays -1 (unlimited swap). */
export function bytesOf(size: string | number, option: string): number {
  if (typeof size === 'number') return size;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(size);
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new ModuleFailure(`${option}: '${size}' is not a size (a number with an optional unit b, k, m, g or t)`);
  return Math.round(Number(m[1]) * unit);
}

const DURATION_UNITS: Record<string, number> = { us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Nanoseconds of a duration such as "30s", "1m30s" or "500ms"; a bare number is seconds. */
export function nanosOf(duration: string | number, option: string): number {
  if (typeof duration === 'number') return duration * 1e9;
  const text = duration.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1e9;
  let total = 0;
  let rest = text;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(us|ms|s|m|h)/.exec(rest);
    if (!m) throw new ModuleFailure(`${option}: '${duration}' is not a duration (like 30s, 1m30s, 500ms)`);
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}
