// Plan cases as data: a declarative module's pure plan, given arguments and facts, must find these
// changes (by summary), nothing ("ok"), or a failure. Every table must hold an already-converged case.
import { describe, expect, it } from 'vitest';
import { coerceToSchema } from '../../src/schema/coerce.js';
import type { DeclarativeModule } from '../../src/modules/types.js';

export interface PlanCase<Args, Facts> {
  name: string;
  args: Args;
  facts: Facts;
  /** 'ok': converged, nothing to do; a list: the changes' summaries (each a substring or pattern); error: plan throws. */
  expect: 'ok' | (string | RegExp)[] | { error: RegExp };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function describePlan<Args, Facts>(module: DeclarativeModule<any, Facts>, cases: readonly PlanCase<Args, Facts>[]): void {
  describe(`${module.name}: plan`, () => {
    it('has an already-converged case', () => {
      expect(cases.some((c) => c.expect === 'ok')).toBe(true);
    });
    for (const c of cases) {
      it(c.name, () => {
        // The executor coerces arguments to the schema before a module sees them; so do the cases.
        const args = coerceToSchema(c.args, module.schema) as Args;
        if (typeof c.expect === 'object' && 'error' in c.expect) {
          expect(() => module.plan(args, c.facts)).toThrow(c.expect.error);
          return;
        }
        const summaries = module.plan(args, c.facts).map((ch) => ch.summary);
        if (c.expect === 'ok') {
          expect(summaries).toEqual([]);
          return;
        }
        expect(summaries).toHaveLength(c.expect.length);
        c.expect.forEach((want, i) => (typeof want === 'string' ? expect(summaries[i]).toContain(want) : expect(summaries[i]).toMatch(want)));
      });
    }
  });
}
