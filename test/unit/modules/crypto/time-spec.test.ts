import { describe, expect, it } from 'vitest';
import { asn1Time, timeFromSpec } from '../../../../src/modules/crypto/time-spec.js';

describe('community.crypto time arguments', () => {
  const now = new Date('2026-12-06T16:00:00.750Z');
  it.each([
    ['+0s', '20261206160000Z'],
    ['+3650d', '20361203160000Z'],
    ['-1d', '20261205160000Z'],
    ['+1w2d3h4m5s', '20261215190405Z'],
    ['20301231235959Z', '20301231235959Z'],
    ['20301231235959+0200', '20301231215959Z'],
  ])('%s', (spec, want) => expect(asn1Time(timeFromSpec(spec, now, 'x'))).toBe(want));
  it('rejects anything else, naming the argument', () => {
    expect(() => timeFromSpec('tomorrow', now, 'ownca_not_after')).toThrow(/"tomorrow" for ownca_not_after is invalid/);
    expect(() => timeFromSpec('+', now, 'x')).toThrow(/invalid/);
  });
});
