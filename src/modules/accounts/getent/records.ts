// getent's lines as Ansible's getent module shapes them: each record under its first field, the other
// fields as a list; a key seen again turns its value into a list of such lists.
import { ModuleFailure } from '../../failure.js';
import type { GetentAnswer } from './facts.js';
import type { GetentArgs } from './schema.js';

const COLON_DATABASES = ['passwd', 'shadow', 'group', 'gshadow'];

type Fields = string[];

/** Python's str.split(sep): an exact separator, or runs of whitespace when there is none. */
function splitFields(line: string, sep: string | undefined): Fields {
  if (sep === undefined) return line.split(/\s+/).filter((f) => f !== '');
  if (sep === '') throw new ModuleFailure('split must not be empty');
  return line.split(sep);
}

export function getentRecords(args: GetentArgs, answer: GetentAnswer): Record<string, unknown> {
  const sep = args.split ?? (COLON_DATABASES.includes(args.database) ? ':' : undefined);
  const name = `getent_${args.database}`;
  if (answer.rc === 0) {
    const records: Record<string, Fields | Fields[]> = {};
    const seen = new Map<string, number>();
    for (const line of answer.stdout.split(/\r\n|\r|\n/).filter((l, i, all) => l !== '' || i < all.length - 1)) {
      const [first = '', ...rest] = splitFields(line, sep);
      const count = seen.get(first) ?? 0;
      if (count === 0) records[first] = rest;
      else records[first] = count === 1 ? [records[first] as Fields, rest] : [...(records[first] as Fields[]), rest];
      seen.set(first, count + 1);
    }
    return { ansible_facts: { [name]: records } };
  }
  if (answer.rc === 2) {
    const msg = 'One or more supplied key could not be found in the database.';
    if (args.fail_key === false) return { msg, ansible_facts: { [name]: { [args.key ?? 'null']: null } } };
    throw new ModuleFailure(msg);
  }
  if (answer.rc === 1) throw new ModuleFailure('Missing arguments, or database unknown.');
  if (answer.rc === 3) throw new ModuleFailure('Enumeration not supported on this database.');
  throw new ModuleFailure('Unexpected failure!');
}
