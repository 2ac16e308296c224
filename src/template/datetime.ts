// `now()` and the `strftime` filter: the date formatting playbooks use for backup names and stamps.
import { TemplateError } from './errors.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Python's datetime as templates see it: printable, with .strftime() and a few fields. */
export class PyDateTime {
  constructor(
    readonly date: Date,
    readonly utc: boolean,
  ) {}

  part(name: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'weekday' | 'ms'): number {
    const d = this.date;
    const u = this.utc;
    switch (name) {
      case 'year':
        return u ? d.getUTCFullYear() : d.getFullYear();
      case 'month':
        return (u ? d.getUTCMonth() : d.getMonth()) + 1;
      case 'day':
        return u ? d.getUTCDate() : d.getDate();
      case 'hour':
        return u ? d.getUTCHours() : d.getHours();
      case 'minute':
        return u ? d.getUTCMinutes() : d.getMinutes();
      case 'second':
        return u ? d.getUTCSeconds() : d.getSeconds();
      case 'weekday':
        return u ? d.getUTCDay() : d.getDay();
      default:
        return d.getMilliseconds();
    }
  }

  /** str(datetime): '2026-01-31 23:59:58.123000', without the fraction when it is zero (a file's whole-second mtime). */
  toString(): string {
    return strftime(this.part('ms') === 0 ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d %H:%M:%S.%f', this);
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayOfYear(t: PyDateTime): number {
  const start = t.utc ? Date.UTC(t.part('year'), 0, 1) : new Date(t.part('year'), 0, 1).getTime();
  const today = t.utc ? Date.UTC(t.part('year'), t.part('month') - 1, t.part('day')) : new Date(t.part('year'), t.part('month') - 1, t.part('day')).getTime();
  return Math.round((today - start) / 86_400_000) + 1;
}

export function strftime(format: string, t: PyDateTime): string {
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'Y':
        return String(t.part('year'));
      case 'y':
        return pad(t.part('year') % 100);
      case 'm':
        return pad(t.part('month'));
      case 'd':
        return pad(t.part('day'));
      case 'H':
        return pad(t.part('hour'));
      case 'I':
        return pad(t.part('hour') % 12 || 12);
      case 'p':
        return t.part('hour') < 12 ? 'AM' : 'PM';
      case 'M':
        return pad(t.part('minute'));
      case 'S':
        return pad(t.part('second'));
      case 'f':
        return pad(t.part('ms'), 3) + '000';
      case 'j':
        return pad(dayOfYear(t), 3);
      case 'a':
        return DAYS[t.part('weekday')]!.slice(0, 3);
      case 'A':
        return DAYS[t.part('weekday')]!;
      case 'b':
        return MONTHS[t.part('month') - 1]!.slice(0, 3);
      case 'B':
        return MONTHS[t.part('month') - 1]!;
      case 'w':
        return String(t.part('weekday'));
      case 's':
        return String(Math.floor(t.date.getTime() / 1000));
      case 'z':
        return t.utc ? '+0000' : offset(t.date);
      case 'Z':
        return t.utc ? 'UTC' : '';
      case '%':
        return '%';
      default:
        throw new TemplateError('template-error', `strftime: unsupported directive ${m}`);
    }
  });
}

function offset(d: Date): string {
  const minutes = -d.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  return sign + pad(Math.floor(Math.abs(minutes) / 60)) + pad(Math.abs(minutes) % 60);
}
