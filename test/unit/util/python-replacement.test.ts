// Replacement templates in the modules (replace, lineinfile backrefs) and in the regex_replace filter
// expand the same way, and the way Python's `re` does (checked against the python3 Ansible runs on).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expandMatch, pythonRegex } from '../../../src/modules/py-regex.js';
import { renderString } from '../../../src/template/index.js';

const PATTERN = '(a)(?P<k>b)?(c)';
const SUBJECT = 'xacy';
const TEMPLATES = ['[\\0]', '[\\g<0>]', '[\\1\\3]', '[\\2]', '[\\g<k>]', '[\\012]', '[\\01]', '[\\101]', '\\n\\t\\\\', '[\\.]', '[\\10]', '[\\q]', '[\\g<nope>]', '[\\4]', 'end\\'];

type Outcome = { ok: string } | { error: true };

/** What Python makes of each template: match.expand (the modules) and re.sub (the filter). */
function python(): { expand: Outcome[]; sub: Outcome[] } {
  const script = `
import json, re, sys
p, s, ts = json.load(sys.stdin)
def run(f):
    try: return {"ok": f()}
    except (re.error, IndexError): return {"error": True}
m = re.search(p, s)
print(json.dumps({"expand": [run(lambda: m.expand(t)) for t in ts], "sub": [run(lambda: re.sub(p, t, s)) for t in ts]}))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify([PATTERN, SUBJECT, TEMPLATES]), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function outcome(f: () => string): Outcome {
  try {
    return { ok: f() };
  } catch {
    return { error: true };
  }
}

describe('Python replacement templates', () => {
  const reference = python();

  it('the modules expand a match as Python does (\\0 is a NUL character, \\g<0> the match)', () => {
    const match = pythonRegex(PATTERN).exec(SUBJECT)!;
    expect(TEMPLATES.map((t) => outcome(() => expandMatch(t, match)))).toEqual(reference.expand);
  });

  it('regex_replace substitutes as Python does, with the same template rules', () => {
    const replace = (t: string) => renderString('{{ s | regex_replace(p, t) }}', { vars: { s: SUBJECT, p: PATTERN, t } });
    expect(TEMPLATES.map((t) => outcome(() => replace(t)))).toEqual(reference.sub);
  });
});
