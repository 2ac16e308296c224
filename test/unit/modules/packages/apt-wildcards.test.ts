// apt's name wildcards: which specs are patterns, the prefix apt-cache lists, and the matching as
// Ansible's apt does it (fnmatch over the names apt knows; native packages only unless ':' is given).
import { describe, expect, it } from 'vitest';
import { expandPatterns, isPattern, patternMatches, patternPrefix } from '../../../../src/modules/packages/apt/wildcards.js';

const known = ['nginx', 'nginx-common', 'nginx-core', 'nginx-light', 'nginx:i386', 'libnginx-mod-http-echo', 'tree'];

describe('apt wildcards', () => {
  it('patterns and their prefixes; a version wildcard alone is no pattern', () => {
    expect([isPattern('nginx*'), isPattern('lib?ss'), isPattern('fonts-[dl]*'), isPattern('tree=2.*'), isPattern('tree')]).toEqual([true, true, true, false, false]);
    expect([patternPrefix('nginx-*'), patternPrefix('*nginx*'), patternPrefix('ngin?=1.2')]).toEqual(['nginx-', '', 'ngin']);
  });

  it('matches in name order, native packages only without an architecture in the pattern', () => {
    expect(patternMatches(['nginx*'], known)).toEqual({ 'nginx*': ['nginx', 'nginx-common', 'nginx-core', 'nginx-light'] });
    expect(patternMatches(['nginx*:i386'], known)).toEqual({ 'nginx*:i386': ['nginx:i386'] });
    expect(patternMatches(['nginx-[!c]*', '*echo'], known)).toEqual({ 'nginx-[!c]*': ['nginx-light'], '*echo': ['libnginx-mod-http-echo'] });
  });

  it('case matters, and a pattern matching nothing fails', () => {
    expect(() => patternMatches(['NGINX*'], known)).toThrow("No package(s) matching 'NGINX*' available");
  });

  it('expands the specs, keeping the others as given', () => {
    expect(expandPatterns(['tree=2.*', 'nginx-c*'], { 'nginx-c*': ['nginx-common', 'nginx-core'] })).toEqual(['tree=2.*', 'nginx-common', 'nginx-core']);
  });
});
