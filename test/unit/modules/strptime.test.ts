// Python's time.strptime for the file module's *_time_format: every expectation below is what
// CPython 3.11's time.strptime gives for the same text and format.
import { describe, expect, it } from 'vitest';
import { formatLocal, strptime } from '../../../src/modules/strptime.js';

describe('strptime', () => {
  it.each([
    ['202401020304.05', '%Y%m%d%H%M.%S', '2024-01-02 03:04:05'],
    ['2024-1-2 3:4:5', '%Y-%m-%d %H:%M:%S', '2024-01-02 03:04:05'],
    ['2024-01-02   03:04', '%Y-%m-%d %H:%M', '2024-01-02 03:04:00'],
    ['jan 5 99', '%b %d %y', '1999-01-05 00:00:00'],
    ['March 05 2030 12:00 AM', '%B %d %Y %I:%M %p', '2030-03-05 00:00:00'],
    ['12 pm', '%I %p', '1900-01-01 12:00:00'],
    ['2024 060', '%Y %j', '2024-02-29 00:00:00'],
    ['2024-01-02T03:04:05Z', '%Y-%m-%dT%H:%M:%S%z', '2024-01-02 03:04:05'],
    ['2024112', '%Y%m%d', '2024-11-02 00:00:00'],
  ])('%s in %s is %s', (text, format, local) => {
    expect(formatLocal(strptime(text, format))).toBe(local);
  });

  it.each([
    ['2023-02-29', '%Y-%m-%d', 'day is out of range for month'],
    ['2024-01-02x', '%Y-%m-%d', 'unconverted data remains: x'],
    ['2024/01/02', '%Y-%m-%d', "time data '2024/01/02' does not match format '%Y-%m-%d'"],
    ['100%', '%d%%', "time data '100%' does not match format '%d%%'"],
  ])('refuses %s in %s as Python does', (text, format, message) => {
    expect(() => strptime(text, format)).toThrow(message);
  });
});
