import { describe, expect, it } from 'vitest';
import { debuggerOpens } from '../../../src/executor/debugger.js';

describe('debugger keyword', () => {
  it("opens where Ansible's debugger would: an ignored failure does not open on_failed", () => {
    expect(debuggerOpens('always', { status: 'ok', ignored: false })).toBe(true);
    expect(debuggerOpens('never', { status: 'failed', ignored: false })).toBe(false);
    expect(debuggerOpens('on_failed', { status: 'failed', ignored: false })).toBe(true);
    expect(debuggerOpens('on_failed', { status: 'failed', ignored: true })).toBe(false);
    expect(debuggerOpens('on_failed', { status: 'changed', ignored: false })).toBe(false);
    expect(debuggerOpens('on_unreachable', { status: 'unreachable', ignored: false })).toBe(true);
    expect(debuggerOpens('on_skipped', { status: 'skipped', ignored: false })).toBe(true);
    expect(debuggerOpens('on_skipped', { status: 'ok', ignored: false })).toBe(false);
  });
});
