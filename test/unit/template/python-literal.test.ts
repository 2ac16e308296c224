// literalEval against Python's own ast.literal_eval with Ansible's Json2Python step (true/false/null),
// run in one python3 process for the whole table. Complex numbers and bytes are left out: ha-run
// does not read them (they are text to it), where Python would.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { literalEval, NOT_LITERAL } from '../../../src/template/python-literal.js';
import { typed } from './helpers/typed-values.js';

const PYTHON = `
import ast, json, sys
from ansible.template.native_helpers import Json2Python
from typed_values import typed
out = []
for text in json.load(sys.stdin):
    try:
        out.append({"ok": typed(ast.literal_eval(ast.fix_missing_locations(Json2Python().visit(ast.parse(text, mode="eval")))))})
    except (ValueError, SyntaxError, TypeError, MemoryError):
        out.append({"error": True})
json.dump(out, sys.stdout)
`;

const cases = [
  '[1, 2]', '[]', '{}', "{'a': 1, \"b\": [True, False, None]}", '[true, false, null]', '{"k": null}',
  '[1,]', '[1 , 2 ,]', '[,]', '[1 2]', '[-1, +2, - 3]', '[--1]', '[1.5, .5, 1., 1e3, 1E-2, 1_000]', '[0x1F, 0o17, 0b101]',
  '[01]', '[00]', '[1abc]', "['a' 'b', \"c\"]", "['it\\'s']", "['\\n\\t\\\\', '\\x41\\u00e9\\101']", "[r'\\n']",
  "['''tri\nple''']", "['un\nclosed']", "['a\\\nb']", '[(1, 2), (3,), ()]', '[(1)]', '{1, 2}', '{1: 2, 3}', "{'a': [1, {'b': (2,)}]}",
  '[1] # comment', '[1]\n', '[1]\n2', '[\n1,\n2\n]', '[none]', '[x]', '[1 + 2]', "[f'x']", "{[1]: 2}", '[1', "'a'",
  'True', 'False', '[True]', '{"a": 1, "a": 2}', '[\\u0041]',
];

let reference: ({ ok: unknown } | { error: true })[] = [];
const available = spawnSync('/usr/bin/python3', ['-c', 'import ansible.template.native_helpers'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!available)('literalEval is Python\'s ast.literal_eval (with JSON names)', () => {
  beforeAll(() => {
    // Run from helpers/ so `import typed_values` finds the shared float encoding.
    const cwd = fileURLToPath(new URL('./helpers/', import.meta.url));
    const run = spawnSync('/usr/bin/python3', ['-c', PYTHON], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 60_000, cwd });
    if (run.status !== 0) throw new Error(run.stderr);
    reference = JSON.parse(run.stdout);
  });

  it.each(cases.map((c, i) => [c, i] as const))('%j', (text, i) => {
    const expected = reference[i]!;
    const actual = literalEval(text);
    if ('error' in expected) expect(actual).toBe(NOT_LITERAL);
    else expect(typed(actual)).toEqual(expected.ok);
  });
});
