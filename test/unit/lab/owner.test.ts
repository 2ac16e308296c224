import { describe, expect, it } from 'vitest';
import { ownership, type LabObject } from '../../../src/lab/owner.js';

const ME = '/work/main/.ha-run';
const OTHER = '/home/other/checkout/.ha-run';
const net = (owner?: string): LabObject => ({ kind: 'network', name: 'ha-run-lab-x', ...(owner ? { owner } : {}) });
const box = (owner?: string): LabObject => ({ kind: 'container', name: 'ha-run-x-web', ...(owner ? { owner } : {}) });

describe('lab ownership', () => {
  it('a name nobody uses is free', () => {
    expect(ownership([], ME)).toEqual({ verdict: 'free' });
  });

  it('a lab whose every object carries our owner label is ours', () => {
    expect(ownership([net(ME), box(ME)], ME)).toEqual({ verdict: 'mine' });
    expect(ownership([net(ME), box(ME)], ME)).toEqual({ verdict: 'mine' });
  });

  it('any object labelled by another state directory makes the lab foreign, naming the owner', () => {
    expect(ownership([net(OTHER), box(OTHER)], ME)).toEqual({ verdict: 'foreign', owners: [OTHER] });
    expect(ownership([net(ME), box(OTHER)], ME)).toEqual({ verdict: 'foreign', owners: [OTHER] });
  });

  it('a lab made before owner labels is adopted (running labs are not recreated), unless another owner labelled part of it', () => {
    expect(ownership([net(), box()], ME)).toEqual({ verdict: 'adopt' });
    expect(ownership([net(), box(ME)], ME)).toEqual({ verdict: 'adopt' });
    expect(ownership([net(), box(OTHER)], ME)).toEqual({ verdict: 'foreign', owners: [OTHER] });
  });
});
