// `lab ssh [USER@]HOST`: the real OpenSSH client with the lab's key, known_hosts and port.
import { labHost } from './host-control.js';
import { labWithHost } from './lab-names.js';
import { sshClientArgs } from './ssh-probe.js';
import { labPaths } from './state.js';

/** Arguments for `ssh` (without the program name); `lab` defaults to the one lab that has the host. */
export function labSshArgs(target: string, command: readonly string[] = [], lab?: string): string[] {
  const at = target.indexOf('@');
  const user = at === -1 ? 'root' : target.slice(0, at);
  const host = at === -1 ? target : target.slice(at + 1);
  const name = lab ?? labWithHost(host);
  const found = labHost(name, host).host;
  return [...sshClientArgs(labPaths(name), found.port), `${user}@127.0.0.1`, ...command];
}
