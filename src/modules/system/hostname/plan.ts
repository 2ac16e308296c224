// hostname's pure plan, per Ansible's strategies: hostnamectl (static, then transient name) where
// systemd manages the host or `use` says systemd/debian; otherwise the name is only written to the
// OS's hostname file (Debian's FileStrategy does not change the running name). Alpine also runs
// `hostname -F` on the file.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Change } from '../../types.js';
import type { CommandAnswer, HostnameAsk, HostnameFacts } from './facts.js';
import type { HostnameArgs } from './schema.js';

type Strategy = { kind: 'systemd' } | { kind: 'file'; file: string; apply?: boolean };

const FILE_STRATEGIES: Record<string, Strategy> = {
  alpine: { kind: 'file', file: '/etc/hostname', apply: true },
  sles: { kind: 'file', file: '/etc/HOSTNAME' },
  openbsd: { kind: 'file', file: '/etc/myname' },
};

/** What to read for `use` (before knowing whether systemd runs). */
export function hostnameAsk(args: HostnameArgs): HostnameAsk {
  if (args.use === undefined) return { hostnamectl: 'auto', file: '/etc/hostname' };
  if (args.use === 'systemd' || args.use === 'debian') return { hostnamectl: 'yes', file: '/etc/hostname' };
  const strategy = FILE_STRATEGIES[args.use];
  if (!strategy || strategy.kind !== 'file') throw new ModuleFailure(`use=${args.use} is not supported by ha-run (supported: systemd, debian, alpine, sles, openbsd)`);
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
    const name = (facts.file ?? '').trim();
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
    const ops = [{ kind: 'exec' as const, command: `printf '%s\\n' ${q} > ${shellQuote(strategy.file)}` }];
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
