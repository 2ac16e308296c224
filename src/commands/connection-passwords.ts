// -k/--ask-pass and -K/--ask-become-pass (asked on the terminal, hidden), or --connection-password-file and
// --become-password-file for runs without one, as ansible-playbook 2.14 has them. They stand for
// ansible_password and ansible_become_password where the inventory sets none; the become password reaches
// sudo on stdin, the SSH password only the SSH library: neither is ever printed, logged or on a command line.
import type { Command } from 'commander';
import { ExitCode, HaRunError } from '../errors.js';
import { readPasswordFile } from '../util/password-file.js';
import { askOnTerminal } from '../util/terminal-prompt.js';

export interface PasswordCliOptions {
  askPass?: boolean;
  askBecomePass?: boolean;
  connectionPasswordFile?: string;
  becomePasswordFile?: string;
}

export function withPasswordOptions(cmd: Command): Command {
  return cmd
    .option('-k, --ask-pass', 'ask for the SSH password on the terminal')
    .option('-K, --ask-become-pass', 'ask for the become (sudo) password on the terminal')
    .option('--connection-password-file <file>', 'read the SSH password from this file (or what this executable prints)')
    .option('--become-password-file <file>', 'read the become (sudo) password from this file (or what this executable prints)');
}

const conflict = (a: string, b: string): HaRunError => new HaRunError('bad-option', `${a} and ${b} both give the same password: use one`, { exitCode: ExitCode.badOptions });

const noTerminal = (option: string, alternatives: string) => (): HaRunError =>
  new HaRunError('no-terminal', `${option} asks on the terminal, but stdin is not a terminal`, { exitCode: ExitCode.badOptions, hint: `without a terminal, ${alternatives}` });

const SSH_ALTERNATIVES = 'give it with --connection-password-file FILE, or set ansible_password in a vault-encrypted vars file (better: a key, --private-key)';
const BECOME_ALTERNATIVES = 'give it with --become-password-file FILE, or set ansible_become_password in a vault-encrypted vars file (group_vars, or -e @vaulted.yml with --vault-password-file)';

/** The connection variables the options give (ansible_password, ansible_become_password), asked or read now. */
export async function connectionPasswords(o: PasswordCliOptions): Promise<Record<string, string>> {
  if (o.askPass && o.connectionPasswordFile) throw conflict('--ask-pass', '--connection-password-file');
  if (o.askBecomePass && o.becomePasswordFile) throw conflict('--ask-become-pass', '--become-password-file');
  const out: Record<string, string> = {};
  if (o.connectionPasswordFile) out.ansible_password = readPasswordFile(o.connectionPasswordFile, { describe: `connection password file ${o.connectionPasswordFile}` }).toString('utf8');
  if (o.askPass) out.ansible_password = await askOnTerminal('SSH password: ', { what: 'the SSH password', noTerminal: noTerminal('-k/--ask-pass', SSH_ALTERNATIVES) });
  if (o.becomePasswordFile) out.ansible_become_password = readPasswordFile(o.becomePasswordFile, { describe: `become password file ${o.becomePasswordFile}` }).toString('utf8');
  if (o.askBecomePass) {
    // As Ansible: with -k too, an empty answer means the SSH password.
    const question = o.askPass ? 'BECOME password[defaults to SSH password]: ' : 'BECOME password: ';
    const typed = await askOnTerminal(question, { what: 'the become password', noTerminal: noTerminal('-K/--ask-become-pass', BECOME_ALTERNATIVES) });
    out.ansible_become_password = typed === '' && out.ansible_password !== undefined ? out.ansible_password : typed;
  }
  return out;
}
