// hostname's pure plan, per Ansible's strategies: hostnamectl (static, then transient name) where
// systemd manages the host or `use` says systemd/debian; otherwise the name is only written to the
// OS's hostname file (Debian's FileStrategy does not change the running name). Alpine also runs
// `hostname -F` on the file; redhat and openrc keep the name in a line of a settings file.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import type { CommandAnswer, HostnameAsk, HostnameFacts } from './facts.js';
import type { HostnameArgs } from './schema.js';

interface FileStrategy {
  kind: 'file';
  file: string;
  /** Run `hostname -F file` after writing (alpine). */
  apply?: boolean;
  /** The name the file holds, when the file holds more than the name (its text: undefined when missing). */
  read?(text: string | undefined): string;
  /** The file's new text holding the name. */
  write?(text: string | undefined, name: string): string;
}
type Strategy = { kind: 'systemd' } | FileStrategy;

const FILE_STRATEGIES: Record<string, FileStrategy> = {
  alpine: { kind: 'file', file: '/etc/hostname', apply: true },
  sles: { kind: 'file', file: '/etc/HOSTNAME' },
  openbsd: { kind: 'file', file: '/etc/myname' },
  // Ansible's RedHatStrategy: the first HOSTNAME= line of /etc/sysconfig/network, which must be there.
  redhat: {
    kind: 'file',
    file: '/etc/sysconfig/network',
    read(text) {
      if (text === undefined) throw new ModuleFailure("failed to read hostname: [Errno 2] No such file or directory: '/etc/sysconfig/network'");
      const line = text.split('\n').map((l) => l.trim()).find((l) => l.startsWith('HOSTNAME'));
      if (line === undefined) throw new ModuleFailure('Unable to locate HOSTNAME entry in /etc/sysconfig/network');
      return line.split('=')[1]?.trim() ?? '';
    },
    write(text, name) {
      const lines = (text ?? '').split(/(?<=\n)/).filter((l) => l !== '');
      let found = false;
      const out = lines.map((l) => (l.trim().startsWith('HOSTNAME') ? ((found = true), `HOSTNAME=${name}\n`) : l));
      return out.join('') + (found ? '' : `HOSTNAME=${name}\n`);
    },
  },
  // Ansible's OpenRCStrategy: hostname="name" in /etc/conf.d/hostname, lines written back stripped.
  openrc: {
    kind: 'file',
    file: '/etc/conf.d/hostname',
    read: (text) => (text ?? '').split('\n').map((l) => l.trim()).find((l) => l.startsWith('hostname='))?.slice(10).replace(/^"+|"+$/g, '') ?? '',
    write(text, name) {
      const lines = (text ?? '').split('\n').map((l) => l.trim());
      if (lines.at(-1) === '') lines.pop();
      const i = lines.findIndex((l) => l.startsWith('hostname='));
      if (i >= 0) lines[i] = `hostname="${name}"`;
      return `${lines.join('\n')}\n`;
    },
  },
};

/** What to read for `use` (before knowing whether systemd runs). */
export function hostnameAsk(args: HostnameArgs): HostnameAsk {
  if (args.use === undefined) return { hostnamectl: 'auto', file: '/etc/hostname' };
  if (args.use === 'systemd' || args.use === 'debian') return { hostnamectl: 'yes', file: '/etc/hostname' };
  const strategy = FILE_STRATEGIES[args.use];
  if (!strategy) throw new ModuleFailure(`use=${args.use} is not supported by ha-run (supported: systemd, debian, ${Object.keys(FILE_STRATEGIES).join(', ')})`);
  return { hostnamectl: 'no', file: strategy.file };
}

function strategyOf(args: HostnameArgs, facts: HostnameFacts): Strategy {
  if (args.use !== undefined) return args.use === 'systemd' || args.use === 'debian' ? { kind: 'systemd' } : FILE_STRATEGIES[args.use];
  return facts.systemd ? { kind: 'systemd' } : { kind: 'file', file: '/etc/hostname' };
}

function commandOutput(answer: CommandAnswer | undefined): string {
  if (!answer) throw new ModuleFailure('hostnamectl gave no answer');
  if (answer.rc !== 0) throw new ModuleFailure(`Command failed rc=${answer.rc}, out=, err=${answer.out}`);
  return answer.out.trim();
}

/** The running and the permanent name as the strategy reads them. */
export function hostnamesOf(args: HostnameArgs, facts: HostnameFacts): { current: string; permanent: string } {
  const strategy = strategyOf(args, facts);
  if (strategy.kind === 'file') {
    const name = strategy.read ? strategy.read(facts.file) : (facts.file ?? '').trim();
    return { current: name, permanent: name };
  }
  if (facts.hostnamectlMissing) throw new ModuleFailure('hostnamectl is missing on the target: needed to set the host name where systemd runs');
  return { current: commandOutput(facts.transient), permanent: commandOutput(facts.static) };
}

export function planHostname(args: HostnameArgs, facts: HostnameFacts): Change[] {
  const { name } = args;
  const strategy = strategyOf(args, facts);
  const { current, permanent } = hostnamesOf(args, facts);
  const before = name !== current ? current : permanent;
  const diff = { before: `hostname = ${before}\n`, after: `hostname = ${name}\n` };
  const q = shellQuote(name);
  if (strategy.kind === 'file') {
    if (current === name) return [];
    // Written in place: in a container /etc/hostname is a bind mount that cannot be renamed over.
    const text = strategy.write ? strategy.write(facts.file, name) : undefined;
    const command = text === undefined ? `printf '%s\\n' ${q} > ${shellQuote(strategy.file)}` : `printf %s ${shellQuote(Buffer.from(text).toString('base64'))} | base64 -d > ${shellQuote(strategy.file)}`;
    const ops = [{ kind: 'exec' as const, command }];
    if (strategy.apply) ops.push({ kind: 'exec', command: `hostname -F ${shellQuote(strategy.file)}` });
    return [{ summary: `host name '${current}' → '${name}' in ${strategy.file}`, diff, ops }];
  }
  const changes: Change[] = [];
  if ((permanent !== name || current !== name) && name.length > 64) throw new ModuleFailure('name cannot be longer than 64 characters on systemd servers, try a shorter name');
  if (permanent !== name) changes.push({ summary: `static host name '${permanent}' → '${name}' (hostnamectl)`, diff, ops: [{ kind: 'exec', command: `hostnamectl --pretty --static set-hostname ${q}` }] });
  if (current !== name) {
    changes.push({ summary: `running host name '${current}' → '${name}' (hostnamectl)`, ...(changes.length ? {} : { diff }), ops: [{ kind: 'exec', command: `hostnamectl --transient set-hostname ${q}` }] });
  }
  return changes;
}
