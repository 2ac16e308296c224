// community.crypto's time arguments (selfsigned_not_after, ownca_not_before, ...): an ASN.1 time
// (20301231235959Z, or with a +hhmm offset) or a time relative to now (+3650d, -1d, +32w1d2h).
import { ModuleFailure } from '../failure.js';

const RELATIVE = /^([+-])(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ABSOLUTE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{4})$/;

/** The moment a time argument names (whole seconds), relative ones counted from `now`. */
export function timeFromSpec(spec: string, now: Date, argName: string): Date {
  const text = spec.trim();
  const rel = RELATIVE.exec(text);
  if (rel && text.length > 1) {
    const [, sign, w, d, h, m, s] = rel;
    const seconds = Number(w ?? 0) * 604800 + Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
    const base = Math.floor(now.getTime() / 1000);
    return new Date((base + (sign === '-' ? -seconds : seconds)) * 1000);
  }
  const abs = ABSOLUTE.exec(text);
  if (abs) {
    const [, y, mo, d, h, mi, s, zone] = abs;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const offset = zone === 'Z' ? 0 : (zone![0] === '-' ? -1 : 1) * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3, 5)));
    return new Date(utc - offset * 60000);
  }
  throw new ModuleFailure(`The time spec "${spec}" for ${argName} is invalid: use +/- followed by w, d, h, m, s counts (+3650d) or an ASN.1 time (20301231235959Z)`);
}

/** 20361204164000Z: how openssl ca takes -startdate/-enddate (and how community.crypto reports times). */
export function asn1Time(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
