import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/output/diff.js';

describe('unified diff', () => {
  it('shows a changed line with context and hunk header like diff -u', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff({ before, after, path: '/etc/x.conf' })).toBe(
      ['--- before: /etc/x.conf', '+++ after: /etc/x.conf', '@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h'].join('\n'),
    );
  });
  it('handles a new file and identical content', () => {
    expect(unifiedDiff({ before: '', after: 'x\ny\n' })).toBe(['--- before', '+++ after', '@@ -0,0 +1,2 @@', '+x', '+y'].join('\n'));
    expect(unifiedDiff({ before: 'same\n', after: 'same\n' })).toBe('');
  });
});
