// A user's regular expression never blocks the controller: V8's linear-time engine takes over patterns it
// can run, the time budget stops the others with an error naming the pattern. Ordinary patterns are untouched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HaRunError } from '../../../src/errors.js';
import { InventoryBuilder } from '../../../src/inventory/builder.js';
import { selectHosts } from '../../../src/inventory/patterns.js';
import { lineinfilePresent } from '../../../src/modules/files/lineinfile.js';
import { replaceEdit } from '../../../src/modules/files/replace.js';
import { ModuleFailure } from '../../../src/modules/failure.js';
import { renderString, TemplateError } from '../../../src/template/index.js';
import { runsInLinearTime } from '../../../src/util/regex-budget.js';

const EVIL = '(a+)+$';
const SUBJECT = 'a'.repeat(40) + '!';

/** Wall-clock milliseconds `work` takes (here the point is the thread coming back). */
function elapsed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

describe('user regular expressions are bounded', () => {
  beforeEach(() => {
    process.env.HA_RUN_REGEX_TIMEOUT = '0.5';
  });
  afterEach(() => {
    delete process.env.HA_RUN_REGEX_TIMEOUT;
  });

  it('knows which patterns V8 runs in linear time', () => {
    expect(runsInLinearTime(/(a+)+$/)).toBe(true);
    expect(runsInLinearTime(/(a+)+$/u)).toBe(false);
    expect(runsInLinearTime(/(a)\1/)).toBe(false);
    expect(runsInLinearTime(/(?=a)a/)).toBe(false);
  });

  it.each([
    ['regex_search', `{{ s | regex_search('${EVIL}') }}`],
    ['regex_replace', `{{ s | regex_replace('${EVIL}', 'x') }}`],
    ['regex_findall', `{{ s | regex_findall('${EVIL}') }}`],
    ['the match test', `{{ s is match('${EVIL}') }}`],
    ['the search test', `{{ s is search('${EVIL}') }}`],
  ])('%s with a catastrophic pattern fails within the budget, naming the pattern', (_name, template) => {
    let error: unknown;
    const ms = elapsed(() => {
      try {
        renderString(template, { vars: { s: SUBJECT } });
      } catch (err) {
        error = err;
      }
    });
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toContain(`regular expression "${EVIL}" ran for more than 0.5 s`);
    expect(ms).toBeLessThan(5_000);
  });

  it('ordinary patterns give the same results under the guard', () => {
    const vars = { s: 'web01.example.com web02.example.com' };
    expect(renderString("{{ s | regex_search('web(\\d+)', '\\1') }}", { vars })).toBe("['01']");
    expect(renderString("{{ s | regex_replace('(?P<n>\\d+)', '<\\g<n>>') }}", { vars })).toBe('web<01>.example.com web<02>.example.com');
    expect(renderString("{{ s | regex_findall('WEB\\d+', ignorecase=True) }}", { vars })).toBe("['web01', 'web02']");
    expect(renderString("{{ s is match('web') }}", { vars })).toBe('True');
  });

  it('lineinfile: a pattern V8 can run linearly finishes with the right answer on a long line', () => {
    const before = 'a'.repeat(100_000) + '!\n';
    let edit: ReturnType<typeof lineinfilePresent> | undefined;
    const ms = elapsed(() => {
      edit = lineinfilePresent(before, { path: '/f', regexp: EVIL, line: 'x' });
    });
    expect(edit).toMatchObject({ after: before + 'x\n' });
    expect(ms).toBeLessThan(5_000);
  });

  it('lineinfile and replace: a catastrophic pattern V8 cannot run linearly is a task failure naming it', () => {
    const lookahead = '(?=a)(a+)+$';
    expect(() => lineinfilePresent(SUBJECT + '\n', { path: '/f', regexp: lookahead, line: 'x' })).toThrow(ModuleFailure);
    expect(() => lineinfilePresent(SUBJECT + '\n', { path: '/f', regexp: lookahead, line: 'x' })).toThrow(`regular expression "${lookahead}" ran for more than 0.5 s`);
    expect(() => replaceEdit(SUBJECT, { path: '/f', regexp: '(?i)(a+)+$', replace: 'x' })).toThrow('regular expression "(?i)(a+)+$" ran for more than 0.5 s');
  });

  it('a ~regex host pattern is bounded too', () => {
    const builder = new InventoryBuilder();
    builder.addHostToGroup(SUBJECT, 'ungrouped');
    const inventory = builder.finish([], '/');
    expect(() => selectHosts(inventory, `~${EVIL}`)).toThrow(HaRunError);
    expect(() => selectHosts(inventory, `~${EVIL}`)).toThrow(`host pattern '~${EVIL}': regular expression "${EVIL}" ran for more than 0.5 s`);
    expect(selectHosts(inventory, '~a+')).toEqual([SUBJECT]);
  });
});
