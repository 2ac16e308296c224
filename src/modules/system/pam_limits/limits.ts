// The edit community.general's pam_limits makes, kept line for line: every other line is left as
// it is, the matching line is rewritten as domain<TAB>type<TAB>item<TAB>value[<TAB>#comment] only
// when its value changes, and a missing limit is appended. Quirk kept: without `comment`, the
// comment of an earlier limit line is reused.
import { ModuleFailure } from '../../failure.js';
import type { PamLimitsArgs } from './schema.js';

export interface LimitsEdit {
  after: string;
  changed: boolean;
  /** Ansible's msg: the limit's line as it is now. */
  msg: string;
}

const UNLIMITED = ['unlimited', 'infinity', '-1'];

export function checkLimitValue(item: string, value: string, prefix = ''): void {
  const lead = `${prefix} `;
  if (item === 'nice' || item === 'priority') {
    const n = /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!(n >= -20 && n <= 19)) {
      throw new ModuleFailure(`${lead}Value of '${value}' for item '${item}' is invalid. Value must be a number in the range -20 to 19 inclusive. Refer to the limits.conf(5) manual pages for more details.`);
    }
  } else if (!(UNLIMITED.includes(value) || /^\d+$/.test(value))) {
    throw new ModuleFailure(
      `${lead}Value of '${value}' for item '${item}' is invalid. Value must either be 'unlimited', 'infinity' or -1, all of which indicate no limit, or a limit of 0 or larger. Refer to the limits.conf(5) manual pages for more details.`,
    );
  }
}

/** The value use_max / use_min keep. */
function chosen(args: PamLimitsArgs, actual: string): string {
  const actualUnlimited = UNLIMITED.includes(actual);
  const wantedUnlimited = UNLIMITED.includes(args.value);
  if (args.use_max) return actualUnlimited ? actual : wantedUnlimited ? args.value : String(Math.max(Number(args.value), Number(actual)));
  if (args.use_min) {
    if (actualUnlimited) return wantedUnlimited ? actual : args.value;
    return wantedUnlimited ? actual : String(Math.min(Number(args.value), Number(actual)));
  }
  return args.value;
}

export function editLimits(text: string, args: PamLimitsArgs, dest: string): LimitsEdit {
  if (args.use_max && args.use_min) throw new ModuleFailure('Cannot use use_min and use_max at the same time.');
  checkLimitValue(args.limit_item, args.value);
  const out: string[] = [];
  let comment = args.comment ?? '';
  let found = false;
  let changed = false;
  let msg = '';
  let value = args.value;
  const limitLine = () => `${args.domain}\t${args.limit_type}\t${args.limit_item}\t${value}${comment ? `\t#${comment}` : ''}\n`;
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    const squeezed = line.replace(/\s+/g, ' ').trim();
    if (line.startsWith('#') || !squeezed) {
      out.push(line);
      continue;
    }
    const hash = line.indexOf('#');
    if (!comment) comment = hash >= 0 ? line.slice(hash + 1) : '';
    const fields = squeezed.split('#')[0].trimEnd().split(' ');
    if (fields.length !== 4) {
      out.push(line);
      continue;
    }
    const [domain, type, item, actual] = fields;
    checkLimitValue(item, actual, `Invalid configuration found in '${dest}'.`);
    if (domain !== args.domain || type !== args.limit_type || item !== args.limit_item) {
      out.push(line);
      continue;
    }
    found = true;
    value = actual === args.value ? actual : chosen(args, actual);
    if (value === actual) {
      msg = line;
      out.push(line);
      continue;
    }
    changed = true;
    msg = limitLine();
    out.push(msg);
  }
  if (!found) {
    changed = true;
    msg = limitLine();
    out.push(msg);
  }
  return { after: out.join(''), changed, msg };
}
