// vars_prompt: each play's questions, asked on the terminal after validation and before anything connects
// (Ansible asks as each play starts). A variable given with -e is not asked; --list-* and --syntax-check
// take the defaults, as Ansible does. A private answer is a secret from then on: masked in all output.
import { ExitCode, HaRunError } from '../errors.js';
import type { PreparedPlaybook } from '../executor/prepare.js';
import type { Play, VarsPrompt } from '../playbook/types.js';
import { markUnsafe } from '../template/unsafe.js';
import { askOnTerminal } from '../util/terminal-prompt.js';

export interface AskedSecrets {
  values: string[];
  names: string[];
}

function question(p: VarsPrompt): string {
  const text = p.prompt ?? `input for ${p.name}`;
  return p.default !== undefined ? `${text} [${String(p.default)}]: ` : `${text}: `;
}

async function ask(p: VarsPrompt, play: Play): Promise<string> {
  const noTerminal = (): HaRunError =>
    new HaRunError('no-terminal', `play '${play.name ?? play.hosts}' asks for '${p.name}' (vars_prompt), but stdin is not a terminal`, {
      exitCode: ExitCode.badOptions,
      location: p.location,
      hint: `without a terminal, give it with -e ${p.name}=VALUE${p.private ? ` (or -e @vaulted.yml holding ${p.name}, with --vault-password-file)` : ''}`,
    });
  const read = (prefix: string): Promise<string> => askOnTerminal(prefix + question(p), { echo: !p.private, what: `'${p.name}'`, noTerminal });
  for (;;) {
    const answer = await read('');
    if (!p.confirm || (await read('confirm ')) === answer) return answer;
    process.stderr.write('***** VALUES ENTERED DO NOT MATCH ****\n');
  }
}

/** Sets each play's prompted variables as play vars; returns what is secret about them for the masker. */
export async function askVarsPrompts(prepared: PreparedPlaybook[], extraVars: Record<string, unknown>, useDefaults = false): Promise<AskedSecrets> {
  const secrets: AskedSecrets = { values: [], names: [] };
  for (const { playbook } of prepared) {
    for (const play of playbook.plays) {
      for (const p of play.varsPrompt ?? []) {
        if (p.name in extraVars) continue;
        if (useDefaults) {
          play.vars = { ...play.vars, [p.name]: p.default ?? '' };
          continue;
        }
        const typed = await ask(p, play);
        const value = typed === '' && p.default !== undefined ? p.default : typed;
        play.vars = { ...play.vars, [p.name]: p.unsafe && typeof value === 'string' ? markUnsafe(value) : value };
        if (p.private) {
          secrets.names.push(p.name);
          if (typeof value === 'string' && value !== '') secrets.values.push(value);
        }
      }
    }
  }
  return secrets;
}
