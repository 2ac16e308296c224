// Ad-hoc output like `ansible`'s minimal callback: one block per host, no banners, no recap.
//   node1 | CHANGED | rc=0 >>      (command-like modules: their output follows)
//   node1 | SUCCESS => { ... }     (other modules: the result)
import type { HostKeyRecordedEvent, HostResultEvent, WarningEvent } from './events.js';
import { warningText } from './plain.js';
import type { Reporter } from './reporter.js';
import { hostKeyNotice } from './host-key-notice.js';

function state(e: HostResultEvent): string {
  if (e.status === 'failed') return 'FAILED';
  if (e.status === 'skipped') return 'SKIPPED';
  if (e.status === 'interrupted') return 'INTERRUPTED';
  return e.status === 'changed' ? 'CHANGED' : 'SUCCESS';
}

export function adhocBlock(e: HostResultEvent): string {
  const r = e.result;
  if (e.task.output === 'command' && typeof r.rc === 'number') {
    const out = [r.stdout, r.stderr, e.status === 'failed' ? r.msg : undefined].filter((x): x is string => typeof x === 'string' && x !== '');
    return `${e.host} | ${state(e)} | rc=${r.rc} >>\n${out.map((x) => x.replace(/\n$/, '')).join('\n')}`;
  }
  const bang = e.status === 'failed' ? '!' : '';
  // Like Ansible, debug shows only what was asked for.
  const shown = e.task.output === 'show-result' ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'changed' && k !== 'failed')) : r;
  return `${e.host} | ${state(e)}${bang} => ${JSON.stringify(shown, null, 4)}`;
}

export class AdhocReporter implements Reporter {
  constructor(private readonly write: (s: string) => void) {}

  hostResult(e: HostResultEvent): void {
    this.write(adhocBlock(e) + '\n');
  }

  unreachable(e: HostResultEvent): void {
    this.write(`${e.host} | UNREACHABLE! => ${JSON.stringify({ changed: false, msg: e.msg, unreachable: true }, null, 4)}\n`);
  }

  hostKeyRecorded(e: HostKeyRecordedEvent): void {
    this.write(`[WARNING]: ${hostKeyNotice(e)}\n`);
  }

  warning(e: WarningEvent): void {
    this.write(`[WARNING]: ${warningText(e)}\n`);
  }
}
