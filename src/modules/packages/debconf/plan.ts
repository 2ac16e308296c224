// debconf's pure plan: set the answer when debconf-show shows another one (booleans compared
// without case). A password cannot be read back, so, as in Ansible, it is set every time.
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import type { DebconfArgs } from './schema.js';

/** A change that remembers the answer it replaces (Ansible registers it as `previous`). */
export interface DebconfChange extends Change {
  previous: Record<string, string>;
  current: Record<string, string>;
}

export function debconfTarget(args: DebconfArgs): { pkg: string; question?: string; value?: string } {
  return { pkg: (args.name ?? args.pkg)!, question: args.question ?? args.selection ?? args.setting, value: args.value ?? args.answer };
}

export function planDebconf(args: DebconfArgs, answers: Record<string, string>): DebconfChange[] {
  const { pkg, question, value: given } = debconfTarget(args);
  if (question === undefined) return [];
  if (given === undefined || args.vtype === undefined) throw new ModuleFailure('when supplying a question you must supply a valid vtype and value');
  let value = given;
  if (args.vtype === 'boolean') value = value === 'True' ? 'true' : value === 'False' ? 'false' : value;
  const known = Object.hasOwn(answers, question);
  const existing = answers[question] ?? '';
  const same = args.vtype === 'boolean' ? existing.toLowerCase() === value.toLowerCase() : existing === value;
  if (known && same) return [];
  const secret = args.vtype === 'password';
  const shown = (v: string) => (secret ? '(password omitted)' : v);
  const summary = !known ? `set ${question} (not asked yet)` : secret ? `set the password ${question} (debconf-show cannot show it, so it is set every time)` : `set ${question}: '${existing}' → '${value}'`;
  return [
    {
      summary,
      diff: { path: `debconf ${pkg}`, before: known ? `${question}: ${shown(existing)}\n` : '', after: `${question}: ${shown(value)}\n` },
      // The answer travels on stdin: a password never appears on a command line.
      ops: [{ kind: 'exec', command: `debconf-set-selections${args.unseen ? ' -u' : ''}`, stdin: `${pkg} ${question} ${args.vtype} ${value}\n` }],
      previous: { [question]: known ? existing : '' },
      // A password is not registered either: results can be printed (-v, debug).
      current: { [question]: shown(value) },
    },
  ];
}
