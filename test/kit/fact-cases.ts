// Fact cases as data: a fact's parser given recorded stdout (as the target's tools print it) must
// give this value, or fail. The script itself is checked to be valid POSIX sh.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/modules/kit/fact.js';

export interface FactCase<A, T> {
  name: string;
  args: A;
  /** Recorded output of the fact's script. */
  stdout: string;
  rc?: number;
  expect: T | { error: RegExp };
}

function isError(x: unknown): x is { error: RegExp } {
  return typeof x === 'object' && x !== null && 'error' in x && (x as { error: unknown }).error instanceof RegExp;
}

export function describeFact<A, T>(fact: Fact<A, T>, cases: readonly FactCase<A, T>[]): void {
  describe(`fact: ${fact.name}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        if (isError(c.expect)) {
          expect(() => fact.parse(c.stdout, c.args, c.rc ?? 0)).toThrow(c.expect.error);
          return;
        }
        expect(fact.parse(c.stdout, c.args, c.rc ?? 0)).toEqual(c.expect);
      });
      it(`${c.name}: the script is valid sh`, () => {
        // dash -n parses without running anything.
        expect(() => execFileSync('sh', ['-n', '-c', fact.script(c.args)], { stdio: 'pipe' })).not.toThrow();
      });
    }
  });
}
