// date_time, in Ansible's shape (strings throughout), from one `date` call on the target.
import { sectionLines, type Sections } from './script.js';

export function dateTimeFacts(sections: Sections): Record<string, unknown> {
  const line = sectionLines(sections, 'date')[0];
  if (!line) return {};
  const [year, month, day, hour, minute, second, tz, tzOffset, epoch, weekday, weekdayNumber, weeknumber, nanos = ''] = line.split('|');
  // Busybox date has no %N: it prints N or nothing; fall back to zero microseconds then.
  const micro = /^\d{9}$/.test(nanos) ? nanos.slice(0, 6) : '000000';
  // Ansible's iso8601 values are UTC.
  const utc = new Date(Number(epoch) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const utcDate = `${utc.getUTCFullYear()}-${p(utc.getUTCMonth() + 1)}-${p(utc.getUTCDate())}`;
  const utcTime = `${p(utc.getUTCHours())}:${p(utc.getUTCMinutes())}:${p(utc.getUTCSeconds())}`;
  return {
    date_time: {
      date: `${year}-${month}-${day}`,
      day,
      epoch,
      epoch_int: epoch,
      hour,
      iso8601: `${utcDate}T${utcTime}Z`,
      iso8601_basic: `${year}${month}${day}T${hour}${minute}${second}${micro}`,
      iso8601_basic_short: `${year}${month}${day}T${hour}${minute}${second}`,
      iso8601_micro: `${utcDate}T${utcTime}.${micro}Z`,
      minute,
      month,
      second,
      time: `${hour}:${minute}:${second}`,
      tz,
      tz_dst: tz,
      tz_offset: tzOffset,
      weekday,
      weekday_number: weekdayNumber,
      weeknumber,
      year,
    },
  };
}
