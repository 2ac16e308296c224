import { describe, expect, it } from 'vitest';
import { batchSize, serialBatches } from '../../../src/executor/serial.js';

const hosts = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7'];

describe('serial batches', () => {
  it('puts every host in one batch without serial', () => {
    expect(serialBatches(hosts, [])).toEqual([hosts]);
  });
  it('splits by a number, the last batch smaller', () => {
    expect(serialBatches(hosts, [3])).toEqual([['h1', 'h2', 'h3'], ['h4', 'h5', 'h6'], ['h7']]);
  });
  it('reads a percentage of all hosts, rounded down, at least one', () => {
    expect(batchSize('30%', 7)).toBe(2);
    expect(batchSize('10%', 7)).toBe(1);
    expect(serialBatches(hosts, ['50%'])).toEqual([['h1', 'h2', 'h3'], ['h4', 'h5', 'h6'], ['h7']]);
  });
  it('walks a list and repeats its last entry', () => {
    expect(serialBatches(hosts, [1, 2])).toEqual([['h1'], ['h2', 'h3'], ['h4', 'h5'], ['h6', 'h7']]);
    expect(serialBatches(hosts, [1, '50%'])).toEqual([['h1'], ['h2', 'h3', 'h4'], ['h5', 'h6', 'h7']]);
  });
  it('treats 0 as all hosts, and a batch bigger than the play as the whole play', () => {
    expect(serialBatches(hosts, [0])).toEqual([hosts]);
    expect(serialBatches(['a', 'b'], [10])).toEqual([['a', 'b']]);
  });
  it('has no batches for no hosts', () => {
    expect(serialBatches([], [2])).toEqual([]);
  });
});
