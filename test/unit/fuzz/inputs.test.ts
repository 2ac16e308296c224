// Fuzzing the inputs: valid playbooks, inventories (YAML and INI), vars files and role files from
// test/fixtures are mutated (byte flips, truncation, deep nesting, huge numbers, alias bombs, invalid UTF-8)
// and validated the way `ha-run validate` does. Whatever the bytes, the outcome is a documented exit code
// (0 valid, 1 or 4 refused; never 250, an internal error), in bounded time and memory, without a stack trace.
// Seeded: FUZZ_SEED=<n> replays a run (the failing seed and case are in the assertion message);
// FUZZ_CASES=<n> runs more.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../../src/commands/action.js';
import { ExitCode } from '../../../src/errors.js';
import { formatDiagnostic, sourceReader } from '../../../src/output/diagnostics.js';
import { validateRun } from '../../../src/playbook/validate-run.js';
import { seededRandom } from '../../kit/seeded-random.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const CASES = Number(process.env.FUZZ_CASES ?? 160);
/** Per case: far above what a case takes (tens of ms), far below a hang. */
const MAX_CASE_MS = 5_000;
/** Heap growth allowed over the whole run (a 5 GB read or an alias bomb would blow through it). */
const MAX_HEAP_GROWTH = 512 * 1024 * 1024;

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const TARGETS = ['site.yml', 'inventory.yml', 'hosts.ini', 'vars.yml', 'roles/app/tasks/main.yml', 'roles/app/defaults/main.yml'];


type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;
const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;
const at = (bytes: Buffer, rnd: () => number): number => Math.floor(rnd() * (bytes.length + 1));
const insert = (bytes: Buffer, offset: number, text: string | Buffer): Buffer =>
  Buffer.concat([bytes.subarray(0, offset), Buffer.from(text), bytes.subarray(offset)]);

const MUTATIONS: Record<string, Mutation> = {
  'byte flips': (bytes, rnd) => {
    const out = Buffer.from(bytes);
    for (let i = 0, n = 1 + Math.floor(rnd() * 8); i < n && out.length > 0; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return out;
  },
  truncation: (bytes, rnd) => bytes.subarray(0, Math.floor(rnd() * bytes.length)),
  'deep flow nesting': (bytes, rnd) => {
    const depth = pick([100, 300, 5_000, 100_000], rnd);
    return insert(bytes, at(bytes, rnd), '['.repeat(depth) + ']'.repeat(rnd() < 0.5 ? depth : 0));
  },
  'deep block nesting': (bytes, rnd) => {
    const depth = pick([50, 500, 3_000], rnd);
    const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    return Buffer.concat([bytes, Buffer.from(`\nnested:\n${lines.replace(/^/gm, ' ')} x\n`)]);
  },
  'huge numbers': (bytes, rnd) => {
    const text = bytes.toString('latin1');
    const huge = pick(['9'.repeat(400), '1e999', '-0x' + 'f'.repeat(300), '0o' + '7'.repeat(500), '.inf', '1' + '_0'.repeat(200)], rnd);
    const digits = [...text.matchAll(/\d+/g)];
    if (digits.length === 0) return insert(bytes, bytes.length, `\nn: ${huge}\n`);
    const m = pick(digits, rnd);
    return Buffer.from(text.slice(0, m.index) + huge + text.slice(m.index! + m[0].length), 'latin1');
  },
  'alias bomb': (bytes) => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    return Buffer.concat([bytes, Buffer.from('\n' + levels.join('\n') + '\n')]);
  },
  'aliases and anchors': (bytes, rnd) => insert(bytes, at(bytes, rnd), pick(['*nope ', '&a ', '<<: *a\n', '&a [*a]', '!!binary ', '!vault |\n  $ANSIBLE_VAULT;1.1;AES256\n'], rnd)),
  'invalid UTF-8': (bytes, rnd) => insert(bytes, at(bytes, rnd), Buffer.from(pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88]], rnd))),
  'control characters': (bytes, rnd) => insert(bytes, at(bytes, rnd), pick(['\0', '\t', '\r', '\u2028', '\x1b[2J', '\ufeff'], rnd)),
  'templates everywhere': (bytes, rnd) => insert(bytes, at(bytes, rnd), pick(['{{', '{% for %}', "{{ lookup('file', '/dev/zero') }}", '{{ x | regex_search("(a+)+$") }}', '{#'], rnd)),
  'duplicated block': (bytes, rnd) => {
    const start = Math.floor(rnd() * bytes.length);
    const chunk = bytes.subarray(start, start + Math.floor(rnd() * 200));
    return insert(bytes, at(bytes, rnd), chunk);
  },
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ha-run-fuzz-'));
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  writeFileSync(join(dir, 'site.yml'), readFileSync(join(FIXTURES, 'valid/everything.yml')));
  cpSync(join(FIXTURES, 'inventory/compat/ini-basic/hosts.ini'), join(dir, 'hosts.ini'));
  return dir;
}

/** What `ha-run validate site.yml -i INV` prints and exits with, run in this process. */
function validate(dir: string, inventory: string): { code: number; output: string } {
  let output = '';
  const write = (s: string): void => {
    output += s;
  };
  try {
    const run = validateRun({ playbook: join(dir, 'site.yml'), inventorySources: [join(dir, inventory)] });
    const read = sourceReader();
    for (const d of run.diagnostics) write(formatDiagnostic(d, read) + '\n');
    return { code: ExitCode.ok, output };
  } catch (err) {
    return { code: reportError(err, write), output };
  }
}

describe(`fuzzed inputs (seed ${SEED}, ${CASES} cases)`, () => {
  it('always end in a documented exit code, in bounded time and memory, with no stack trace', () => {
    const rnd = seededRandom(SEED);
    const names = Object.keys(MUTATIONS);
    const heapBefore = process.memoryUsage().heapUsed;
    const seen = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const dir = project();
      const target = pick(TARGETS, rnd);
      const mutation = pick(names, rnd);
      const original = readFileSync(join(dir, target));
      writeFileSync(join(dir, target), MUTATIONS[mutation]!(original, rnd));
      const inventory = target === 'hosts.ini' || (target !== 'inventory.yml' && rnd() < 0.3) ? 'hosts.ini' : 'inventory.yml';
      const label = `seed ${SEED} case ${i}: ${mutation} of ${target} (inventory ${inventory}) in ${dir}`;

      const start = performance.now();
      const { code, output } = validate(dir, inventory);
      const ms = performance.now() - start;

      expect([ExitCode.ok, ExitCode.error, ExitCode.invalidInput], `${label}: exit ${code}\n${output}`).toContain(code);
      expect(output, label).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
      expect(ms, label).toBeLessThan(MAX_CASE_MS);
      expect(process.memoryUsage().heapUsed - heapBefore, label).toBeLessThan(MAX_HEAP_GROWTH);
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    // The mutations do reach the checks: most cases are refused, and not all.
    expect(seen.get(ExitCode.invalidInput) ?? 0).toBeGreaterThan(CASES / 3);
  }, 60_000);
});
