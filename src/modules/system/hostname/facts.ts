// The host name as each strategy reads it, in one answer: whether systemd manages the host (Ansible's
// test: systemctl present and /run/systemd/system there), the hostname file's content, and, where
// hostnamectl is used, its transient and static names.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';

export interface HostnameAsk {
  /** Ask hostnamectl: 'yes', 'no', or 'auto' (when systemd manages the host). */
  hostnamectl: 'yes' | 'no' | 'auto';
  /** The file that keeps the name for the file strategies. */
  file: string;
}

export interface CommandAnswer {
  rc: number;
  out: string;
}

export interface HostnameFacts {
  systemd: boolean;
  /** The file's content, when it is a regular file. */
  file?: string;
  /** hostnamectl's answers; absent when not asked. `missing` when hostnamectl is not installed. */
  transient?: CommandAnswer;
  static?: CommandAnswer;
  hostnamectlMissing?: boolean;
  /** The fully qualified name (hostname -f), for the facts Ansible returns. */
  fqdn: string;
}

// A command's output and exit status on one line: `rc:base64`.
const answerLine = (key: string, cmd: string) => `o=$(${cmd} 2>&1); r=$?; echo "${key}=$r:$(printf %s "$o" | base64 | tr -d '\\n')"`;

export const hostnameFact: Fact<HostnameAsk, HostnameFacts> = {
  name: 'the host name',
  requires: ['base64'],
  script: (a) =>
    [
      'sd=no; if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then sd=yes; fi; echo "systemd=$sd"',
      `if [ -f ${shellQuote(a.file)} ]; then echo "file=$(base64 < ${shellQuote(a.file)} | tr -d '\\n')"; fi`,
      `use=${a.hostnamectl}; [ "$use" = auto ] && use=$sd`,
      'if [ "$use" = yes ]; then',
      '  if command -v hostnamectl >/dev/null 2>&1; then',
      `    ${answerLine('transient', 'hostnamectl --transient status')}`,
      `    ${answerLine('static', 'hostnamectl --static status')}`,
      '  else echo hostnamectl=missing; fi',
      'fi',
      answerLine('fqdn', 'hostname -f 2>/dev/null || hostname'),
    ].join('\n'),
  parse(stdout) {
    const facts: HostnameFacts = { systemd: false, fqdn: '' };
    const text = (v: string) => Buffer.from(v, 'base64').toString('utf8');
    const answer = (v: string): CommandAnswer => {
      const colon = v.indexOf(':');
      return { rc: Number(v.slice(0, colon)), out: text(v.slice(colon + 1)) };
    };
    for (const line of stdout.split('\n')) {
      const eq = line.indexOf('=');
      const [key, value] = [line.slice(0, eq), line.slice(eq + 1)];
      if (key === 'systemd') facts.systemd = value === 'yes';
      else if (key === 'file') facts.file = text(value);
      else if (key === 'transient') facts.transient = answer(value);
      else if (key === 'static') facts.static = answer(value);
      else if (key === 'hostnamectl') facts.hostnamectlMissing = true;
      else if (key === 'fqdn') facts.fqdn = answer(value).out.trim();
    }
    return facts;
  },
};
