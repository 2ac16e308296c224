// sysctl's pure plan, decided as ansible.posix decides it: the file is rewritten when its value
// differs; the running value is set with sysctl -w only with sysctl_set; after any change the file
// is loaded with sysctl -p (reload). A running value that cannot be read counts as a difference.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { FileState } from '../../files/file-probe.js';
import type { Change } from '../../types.js';
import type { SysctlArgs } from './schema.js';
import { writeThen } from '../write-then.js';
import { readSysctlFile, renderSysctlFile } from './sysctl-file.js';

export interface SysctlFacts {
  /** What `sysctl -e -n` printed, or undefined when it failed. */
  running?: string;
  file: FileState;
}

const TRUE = ['y', 'yes', 'on', '1', 'true', 't'];
const FALSE = ['n', 'no', 'off', '0', 'false', 'f'];

/** The value as Ansible writes it: booleans as 1/0, the rest trimmed. */
export function sysctlWanted(value: string | undefined): string {
  if (value === undefined) return '';
  if (TRUE.includes(value.toLowerCase())) return '1';
  if (FALSE.includes(value.toLowerCase())) return '0';
  return value.trim();
}

/** Same words in the same order (sysctl prints tabs between the numbers of a vector). */
function sameWords(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = a.split(/\s+/).filter(Boolean);
  const y = b.split(/\s+/).filter(Boolean);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

export function sysctlName(args: SysctlArgs): string {
  return (args.name ?? args.key ?? '').trim();
}

// sysctl can exit 0 and still not have set a value: its stderr says so (Ansible checks the same).
const FAILED_SET = '^sysctl: setting key "[^"]+": (Invalid argument|Read-only file system)$';

/** Runs sysctl, failing with `what` and its output when it fails or says it did not set a key. */
function sysctlCommand(words: string, what: string): string {
  const failed = `printf '%s %s\\n' ${shellQuote(`${what}:`)} "$o" >&2; exit 1`;
  return `o=$(LC_ALL=C sysctl ${words} 2>&1) || { ${failed}; }; if printf '%s\\n' "$o" | grep -Eq ${shellQuote(FAILED_SET)}; then ${failed}; fi`;
}

export function planSysctl(args: SysctlArgs, facts: SysctlFacts): Change[] {
  const name = sysctlName(args);
  const present = args.state !== 'absent';
  const given = args.value ?? args.val;
  if (name === '') throw new ModuleFailure('name cannot be blank');
  if (present && given === undefined) throw new ModuleFailure('value cannot be None');
  if (present && given === '') throw new ModuleFailure('value cannot be blank');
  const value = sysctlWanted(given);
  const path = args.sysctl_file ?? '/etc/sysctl.conf';
  const text = facts.file.type === 'file' ? (facts.file.content?.toString('utf8') ?? '') : '';
  const file = readSysctlFile(text);
  const inFile = file.values.get(name);
  const e = args.ignoreerrors ? '-e ' : '';

  const changes: Change[] = [];
  let writeFile = false;
  let why: string | undefined;
  if (inFile === undefined) writeFile = present;
  else if (!present) writeFile = inFile !== '';
  else if (inFile !== value) writeFile = true;
  else if (args.reload !== false && !sameWords(facts.running, value)) {
    why = facts.running === undefined ? `${name} cannot be read` : `${name} is ${facts.running.trim()} in the running kernel`;
  }
  if (args.sysctl_set && present) {
    if (facts.running === undefined) why ??= `${name} cannot be read`;
    else if (!sameWords(facts.running, value)) {
      changes.push({
        summary: `set ${name}: ${facts.running.trim()} → ${value} (sysctl -w)`,
        ops: [{ kind: 'exec', command: sysctlCommand(`${e}-w ${shellQuote(`${name}=${value}`)}`, `setting ${name} failed`) }],
      });
    }
  }
  const reload = args.reload !== false;
  const reloadCommand = sysctlCommand(`${e}-p ${shellQuote(path)}`, 'Failed to reload sysctl');
  if (writeFile) {
    const after = renderSysctlFile(file, name, present ? value : undefined);
    const mode = facts.file.type === 'file' ? {} : { mode: '0644' };
    changes.push({
      summary: `${present ? `${name}=${value} in ${path}${inFile === undefined ? '' : ` (was ${inFile})`}` : `remove ${name} from ${path}`}${reload ? ', reload it (sysctl -p)' : ''}`,
      diff: { path, before: text, after },
      // Written and reloaded in one step: a failed reload is no change (Ansible's answer too).
      ops: [reload ? writeThen(path, after, mode, reloadCommand) : { kind: 'put', path, data: after, ...mode }],
    });
  } else if (why !== undefined) {
    changes.push({ summary: reload ? `${why}: reload ${path} (sysctl -p)` : why, ops: reload ? [{ kind: 'exec', command: reloadCommand }] : [] });
  } else if (changes.length && reload) changes[changes.length - 1].ops.push({ kind: 'exec', command: reloadCommand });
  return changes;
}
