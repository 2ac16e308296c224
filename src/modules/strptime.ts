// Python's time.strptime, for the time arguments Ansible modules take with a format
// (file's modification_time_format): the same directive patterns, matched the same way (whole
// string, case-insensitive, whitespace in the format matching any run of whitespace), the same
// defaults (1900-01-01 00:00:00). The result is a local date and time, with no time zone: Ansible
// gives it to mktime on the target, so it is converted to an instant there.
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

// The patterns of CPython's _strptime.TimeRE (C locale names).
const DIRECTIVES: Record<string, string> = {
  d: '3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]',
  f: '[0-9]{1,6}',
  H: '2[0-3]|[0-1]\\d|\\d',
  I: '1[0-2]|0[1-9]|[1-9]',
  j: '36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]',
  m: '1[0-2]|0[1-9]|[1-9]',
  M: '[0-5]\\d|\\d',
  S: '6[0-1]|[0-5]\\d|\\d',
  y: '\\d\\d',
  Y: '\\d\\d\\d\\d',
  z: '[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z',
  Z: 'utc|gmt',
  p: 'am|pm',
  a: DAYS.map((d) => d.slice(0, 3)).join('|'),
  A: DAYS.join('|'),
  b: MONTHS.map((m) => m.slice(0, 3)).join('|'),
  B: MONTHS.join('|'),
};

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export class StrptimeError extends Error {}

/** Parses `text` written in `format`; throws StrptimeError with Python's wording when it does not fit. */
export function strptime(text: string, format: string): LocalDateTime {
  const directives: string[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%') {
      const d = format[++i];
      if (d === '%') pattern += '%';
      else if (d !== undefined && DIRECTIVES[d] !== undefined) {
        if (directives.includes(d)) throw new StrptimeError(`redefinition of group name '${d}'`);
        directives.push(d);
        pattern += `(${DIRECTIVES[d]})`;
      } else throw new StrptimeError(d === undefined ? `stray % in format '${format}'` : `'${d}' is a bad directive in format '%${d}'`);
    } else if (/\s/.test(c)) {
      while (i + 1 < format.length && /\s/.test(format[i + 1]!)) i++;
      pattern += '\\s+';
    } else pattern += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(`^(?:${pattern})`, 'i').exec(text);
  if (!m) throw new StrptimeError(`time data '${text}' does not match format '${format}'`);
  if (m[0].length !== text.length) throw new StrptimeError(`unconverted data remains: ${text.slice(m[0].length)}`);
  const found = new Map(directives.map((d, i) => [d, m[i + 1]!.toLowerCase()]));
  return fieldsOf(found);
}

function fieldsOf(found: Map<string, string>): LocalDateTime {
  const num = (d: string) => (found.has(d) ? Number(found.get(d)!.trim()) : undefined);
  let year = num('Y') ?? 1900;
  const shortYear = num('y');
  if (!found.has('Y') && shortYear !== undefined) year = shortYear + (shortYear <= 68 ? 2000 : 1900);
  let month = num('m') ?? 1;
  if (found.has('b')) month = MONTHS.findIndex((n) => n.startsWith(found.get('b')!)) + 1;
  if (found.has('B')) month = MONTHS.indexOf(found.get('B')!) + 1;
  let day = num('d') ?? 1;
  let hour = num('H') ?? 0;
  const twelve = num('I');
  if (twelve !== undefined) {
    const pm = found.get('p') === 'pm';
    hour = !found.has('p') ? twelve : pm ? (twelve === 12 ? 12 : twelve + 12) : twelve === 12 ? 0 : twelve;
  }
  const julian = num('j');
  if (julian !== undefined) {
    // A day of the year decides the month and day (Python trusts it over %m/%d).
    const date = utcDate(year, 0, julian);
    [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else if (day > daysInMonth(year, month)) {
    throw new StrptimeError('day is out of range for month');
  }
  return { year, month, day, hour, minute: num('M') ?? 0, second: num('S') ?? 0 };
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

/** Date.UTC reads years below 100 as 19xx; this does not. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** 'YYYY-MM-DD HH:MM:SS': what GNU date -d reads as a local time. */
export function formatLocal(t: LocalDateTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
}
