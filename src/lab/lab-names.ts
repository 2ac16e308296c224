// Which lab a command means when the user names none: the default lab file's, or the only lab
// that has the host asked for.
import { existsSync, readdirSync } from 'node:fs';
import { HaRunError } from '../errors.js';
import { loadLabFile } from './lab-file.js';
import { labsRoot, readLabState } from './state.js';

export const DEFAULT_LAB_FILE = 'lab/ha.yml';

export function defaultLabName(): string {
  if (!existsSync(DEFAULT_LAB_FILE)) {
    throw new HaRunError('lab-no-name', `no lab named and no default lab file (${DEFAULT_LAB_FILE}) here`, {
      hint: 'name the lab, e.g. `ha-run lab status hatest`',
    });
  }
  return loadLabFile(DEFAULT_LAB_FILE).name;
}

/** Labs that have state under the current directory. */
export function knownLabs(): string[] {
  const root = labsRoot();
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((name) => readLabState(name) !== undefined);
}

export function labWithHost(host: string): string {
  const labs = knownLabs().filter((lab) => readLabState(lab)?.hosts[host]);
  if (labs.length === 1) return labs[0]!;
  if (labs.length === 0) throw new HaRunError('lab-unknown-host', `no lab that is up here has a host '${host}'`);
  throw new HaRunError('lab-ambiguous-host', `host '${host}' is in several labs (${labs.join(', ')})`, { hint: 'choose one with --lab NAME' });
}
