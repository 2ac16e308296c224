import { describe, expect, it } from 'vitest';
import { banner, formatRecap, recapLine } from '../../../src/output/recap.js';

describe('PLAY RECAP', () => {
  it("matches ansible-playbook's line byte for byte", () => {
    // Copied from ansible-core 2.14 output on this machine.
    expect(recapLine('localhost', { ok: 5, changed: 2, unreachable: 0, failed: 1, skipped: 1, rescued: 1, ignored: 1 })).toBe(
      'localhost                  : ok=5    changed=2    unreachable=0    failed=1    skipped=1    rescued=1    ignored=1   ',
    );
  });
  it('banners are 80 columns of stars like Ansible, at least 3 stars', () => {
    expect(banner('TASK [command]')).toBe('TASK [command] *****************************************************************');
    expect(banner('TASK [command]').length).toBe(80);
    expect(banner('x'.repeat(100))).toBe(`${'x'.repeat(100)} ***`);
  });
  it('lists hosts sorted by name under the banner', () => {
    const zero = { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
    const text = formatRecap({ node2: { ...zero, ok: 1 }, node10: zero, node1: { ...zero, unreachable: 1 } });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^PLAY RECAP \*+$/);
    expect(lines.slice(1).map((l) => l.split(' ')[0])).toEqual(['node1', 'node10', 'node2']);
    expect(lines[1]).toContain('unreachable=1 ');
  });
});
