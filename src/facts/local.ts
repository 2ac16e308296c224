// local: `ansible_local`, the *.fact files in fact_path (default /etc/ansible/facts.d), as Ansible
// reads them: an executable file is run and its output read, any other file is read; the text is JSON,
// or else INI (configparser's rules); a file that is neither becomes an error string and a warning.
import { ConfigParserError, readConfig } from './config-parser.js';
import type { Sections } from './script.js';

export const DEFAULT_FACT_PATH = '/etc/ansible/facts.d';

/** sh listing each fact file: `F path-b64 kind rc out-b64 err-b64` (kind x: executable, r: read). */
export function localFactsScript(factPath: string, quote: (s: string) => string): string {
  const b64 = 'base64 | tr -d "\\n"';
  return [
    `d=${quote(factPath)}`,
    'if [ -d "$d" ]; then echo dir',
    '  t=$(mktemp -d) && for f in "$d"/*.fact; do',
    '    [ -e "$f" ] || continue',
    `    p=$(printf %s "$f" | ${b64})`,
    // Empty output is written `-`, so the fields never shift.
    `    if [ -x "$f" ]; then "$f" >"$t/o" 2>"$t/e" </dev/null; rc=$?; o=$(base64 <"$t/o" | tr -d "\\n"); e=$(base64 <"$t/e" | tr -d "\\n"); echo "F $p x $rc \${o:--} \${e:--}"`,
    `    else o=$(cat -- "$f" 2>/dev/null | ${b64}); echo "F $p r 0 \${o:--} -"; fi`,
    '  done; rm -rf -- "$t"',
    'fi',
  ].join('\n');
}

function decode(field: string | undefined): Buffer {
  return Buffer.from(field === undefined || field === '-' ? '' : field, 'base64');
}

function factValue(path: string, text: string): { value: unknown; warning?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch {
    try {
      return { value: readConfig(text) };
    } catch (err) {
      if (!(err instanceof ConfigParserError)) throw err;
      const msg = `error loading facts as JSON or ini - please check content: ${path}`;
      return { value: msg, warning: msg };
    }
  }
}

/** `local` (absent when fact_path is not a directory) and the warnings Ansible gives for bad files. */
export function localFacts(sections: Sections): { facts: Record<string, unknown>; warnings: string[] } {
  const lines = (sections.local ?? '').split('\n').filter(Boolean);
  if (lines[0] !== 'dir') return { facts: {}, warnings: [] };
  const local: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const line of lines.slice(1)) {
    const [tag, p, kind, rc, out, err] = line.split(' ');
    if (tag !== 'F') continue;
    const path = decode(p).toString();
    const name = path.slice(path.lastIndexOf('/') + 1).replaceAll('.fact', '');
    let problem: string | undefined;
    if (kind === 'x' && rc !== '0') problem = `Failure executing fact script (${path}), rc: ${rc}, err: ${decode(err).toString()}`;
    const bytes = decode(out);
    const text = bytes.toString('utf8');
    if (!problem && !Buffer.from(text, 'utf8').equals(bytes)) problem = `error loading fact - output of running "${path}" was not utf-8`;
    if (problem) {
      local[name] = problem;
      warnings.push(problem);
      continue;
    }
    const { value, warning } = factValue(path, text);
    local[name] = value;
    if (warning) warnings.push(warning);
  }
  return { facts: { local }, warnings };
}
