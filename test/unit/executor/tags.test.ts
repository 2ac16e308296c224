import { describe, expect, it } from 'vitest';
import { shouldRunByTags, splitTagOption } from '../../../src/executor/tags.js';

const run = (tags: string[], only: string[] = [], skip: string[] = []) => shouldRunByTags(tags, { only, skip });

describe('tag selection like Ansible', () => {
  it('runs everything but never-tagged tasks by default', () => {
    expect(run([])).toBe(true);
    expect(run(['web'])).toBe(true);
    expect(run(['never'])).toBe(false);
    expect(run(['never', 'debug'])).toBe(false);
  });
  it('--tags selects by overlap; always runs anyway; never runs only when named', () => {
    expect(run(['web'], ['web'])).toBe(true);
    expect(run(['db'], ['web'])).toBe(false);
    expect(run([], ['web'])).toBe(false);
    expect(run(['always'], ['web'])).toBe(true);
    expect(run(['never', 'debug'], ['debug'])).toBe(true);
    expect(run(['never', 'debug'], ['web'])).toBe(false);
  });
  it('tagged and untagged', () => {
    expect(run(['web'], ['tagged'])).toBe(true);
    expect(run([], ['tagged'])).toBe(false);
    expect(run([], ['untagged'])).toBe(true);
    expect(run(['web'], ['untagged'])).toBe(false);
  });
  it('--skip-tags wins over --tags; always is skipped only by name or with all+always', () => {
    expect(run(['web'], ['web'], ['web'])).toBe(false);
    expect(run(['always'], [], ['always'])).toBe(false);
    expect(run(['always'], [], ['web'])).toBe(true);
    expect(run(['always'], [], ['all'])).toBe(true);
    expect(run(['web'], [], ['all'])).toBe(false);
    expect(run(['web'], [], ['tagged'])).toBe(false);
    expect(run([], [], ['tagged'])).toBe(true);
  });
  it('splits comma lists across repeated options', () => {
    expect(splitTagOption(['a,b', ' c ', ''])).toEqual(['a', 'b', 'c']);
    expect(splitTagOption(undefined)).toEqual([]);
  });
});
