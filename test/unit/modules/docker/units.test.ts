// Sizes and durations as the docker modules read them.
import { describe, expect, it } from 'vitest';
import { bytesOf, nanosOf } from '../../../../src/modules/docker/units.js';
import { imageRef } from '../../../../src/modules/docker/image-name.js';

describe('docker units', () => {
  it('sizes', () => {
    expect(bytesOf('64m', 'memory')).toBe(67108864);
    expect(bytesOf('1G', 'memory')).toBe(1073741824);
    expect(bytesOf('512', 'memory')).toBe(512);
    expect(bytesOf('-1', 'memory_swap')).toBe(-1);
    expect(() => bytesOf('1x', 'memory')).toThrow(/memory: '1x' is not a size/);
  });
  it('durations', () => {
    expect(nanosOf('30s', 'interval')).toBe(30e9);
    expect(nanosOf('1m30s', 'interval')).toBe(90e9);
    expect(nanosOf('500ms', 'interval')).toBe(5e8);
    expect(nanosOf(5, 'interval')).toBe(5e9);
    expect(() => nanosOf('soon', 'timeout')).toThrow(/timeout: 'soon' is not a duration/);
  });
  it('image names', () => {
    expect(imageRef('repo/app', '1')).toMatchObject({ ref: 'repo/app:1' });
    expect(imageRef('repo/app:2', '1')).toMatchObject({ ref: 'repo/app:2', tag: '2' });
    expect(imageRef('registry:5000/app')).toMatchObject({ ref: 'registry:5000/app:latest' });
    expect(imageRef(`sha256:${'a'.repeat(64)}`)).toMatchObject({ isId: true, ref: `sha256:${'a'.repeat(64)}` });
  });
});
