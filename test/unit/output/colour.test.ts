import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../../src/output/colour.js';
import { formatRecap, recapLine } from '../../../src/output/recap.js';

const zero = { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };

describe('when output is coloured', () => {
  it('a terminal gets colour, a pipe does not', () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
  });
  it('NO_COLOR, ANSIBLE_NOCOLOR and TERM=dumb turn it off; ANSIBLE_FORCE_COLOR turns it on, even in a pipe', () => {
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted(true, { ANSIBLE_NOCOLOR: 'true' })).toBe(false);
    expect(colourWanted(true, { ANSIBLE_NOCOLOR: '0' })).toBe(true);
    expect(colourWanted(true, { TERM: 'dumb' })).toBe(false);
    expect(colourWanted(false, { ANSIBLE_FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted(true, { ANSIBLE_FORCE_COLOR: 'yes', NO_COLOR: '1' })).toBe(true);
  });
});

describe('the recap in colour', () => {
  it('colours as Ansible does: host by its worst outcome, each non-zero counter in its colour, padding by visible width', () => {
    const line = recapLine('web1', { ...zero, ok: 3, changed: 1, skipped: 2, ignored: 1 }, true);
    // What ansible-playbook 2.14 prints with ANSIBLE_FORCE_COLOR=1 for the same counters.
    expect(line).toBe(
      '\x1b[0;33mweb1\x1b[0m                       : \x1b[0;32mok=3   \x1b[0m \x1b[0;33mchanged=1   \x1b[0m unreachable=0    failed=0    \x1b[0;36mskipped=2   \x1b[0m rescued=0    \x1b[1;35mignored=1   \x1b[0m',
    );
    expect(recapLine('db1', { ...zero, ok: 1, failed: 1 }, true)).toMatch(/^\x1b\[0;31mdb1\x1b\[0m {23} : .*\x1b\[0;31mfailed=1 {3}\x1b\[0m/);
    expect(recapLine('lb1', { ...zero, ok: 1, unreachable: 1 }, true)).toContain('\x1b[1;31munreachable=1   \x1b[0m');
  });
  it('without colour, the recap is the plain text', () => {
    expect(formatRecap({ web1: { ...zero, ok: 1 } })).not.toContain('\x1b');
  });
});
