// ansible.cfg and the ANSIBLE_* variables -> the settings ha-run uses, each with where it came from
// (`file:line:col` or the variable's name). Precedence as Ansible's: a variable beats the file; the
// command line (applied by the commands) beats both. Values are checked here, once, before anything runs.
import { dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic, type SourceLocation } from '../errors.js';
import { readRegularText } from '../source/read-file.js';
import { SETTINGS, ENV_READ_ELSEWHERE, STDOUT_CALLBACKS, type SettingDefinition, type SettingName } from './definitions.js';
import { parseIni, type IniEntry } from './ini.js';
import { expandHome, locateConfigFile, type ConfigSearch } from './locate.js';

export type ConfigOrigin = { kind: 'env'; name: string } | { kind: 'file'; at: SourceLocation };
export type ConfigValue = string | number | boolean | string[];

export interface ConfigSetting {
  definition: SettingDefinition;
  /** As written. */
  raw: string;
  value: ConfigValue;
  origin: ConfigOrigin;
}

/** A setting found in the file or environment that ha-run does not read. */
export interface UnusedSetting {
  name: string;
  value: string;
  origin: ConfigOrigin;
}

export interface LoadedConfig {
  /** The ansible.cfg in use, if any. */
  file?: string;
  settings: Map<SettingName, ConfigSetting>;
  unused: UnusedSetting[];
  /** Problems (errors) and warnings, with the file location where one applies. */
  diagnostics: Diagnostic[];
}

const TRUE = ['y', 'yes', 'on', '1', 'true', 't'];
const FALSE = ['n', 'no', 'off', '0', 'false', 'f'];

export function describeOrigin(origin: ConfigOrigin): string {
  return origin.kind === 'env' ? `env: ${origin.name}` : `${origin.at.file}:${origin.at.line}`;
}

/** A name that suggests a secret: its value is never printed. */
export function looksSecret(name: string): boolean {
  return /pass|secret|token|credential/i.test(name) && !/_file$|file$/i.test(name);
}

export function loadConfig(search: ConfigSearch): LoadedConfig {
  const diagnostics: Diagnostic[] = [];
  const located = locateConfigFile(search);
  if (located.warning) diagnostics.push(diagnostic('config-ignored', located.warning, undefined, undefined, 'warning'));
  let entries: IniEntry[] = [];
  if (located.file) {
    let text = '';
    try {
      text = readRegularText(located.file);
    } catch (err) {
      diagnostics.push(diagnostic('config-unreadable', `cannot read ${located.file}: ${(err as Error).message}`));
    }
    const doc = parseIni(text, located.file);
    entries = doc.entries;
    for (const p of doc.problems) diagnostics.push(diagnostic('config-syntax', p.message, p.at));
  }

  const used = new Set<IniEntry>();
  const settings = new Map<SettingName, ConfigSetting>();
  for (const def of SETTINGS) {
    // The file's entry counts as read (not "unused") even where a variable overrides it.
    const inFile = fromFile(def, entries, used);
    const found = fromEnv(def, search.env) ?? inFile;
    if (!found) continue;
    const base = found.origin.kind === 'file' ? dirname(found.origin.at.file) : search.cwd;
    const checked = typed(def, found.raw, base, search.home);
    const at = found.origin.kind === 'file' ? found.origin.at : undefined;
    const where = found.origin.kind === 'env' ? `${found.origin.name}` : `${def.ini[0]!.key} in [${def.ini[0]!.section}]`;
    if ('error' in checked) {
      const warn = def.name === 'stdout_callback';
      diagnostics.push(
        diagnostic(
          warn ? 'config-unsupported' : 'config-invalid',
          `${where}: ${checked.error}${warn ? '; the default output is used' : ''}`,
          at,
          checked.hint,
          warn ? 'warning' : 'error',
        ),
      );
      continue;
    }
    settings.set(def.name, { definition: def, raw: found.raw, value: checked.value, origin: found.origin });
  }

  const unused: UnusedSetting[] = [];
  for (const e of entries) {
    if (!used.has(e)) unused.push({ name: `[${e.section}] ${e.key}`, value: e.value, origin: { kind: 'file', at: e.at } });
  }
  const known = new Set([...SETTINGS.flatMap((d) => d.env), ...ENV_READ_ELSEWHERE]);
  // Only the ANSIBLE_ names, in code-point order: a locale-aware sort would load ICU's collator first,
  // some 10 ms of every run's start-up.
  const ansibleEnv = Object.entries(search.env).filter(([name, value]) => name.startsWith('ANSIBLE_') && value !== undefined);
  for (const [name, value] of ansibleEnv.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!known.has(name)) unused.push({ name, value: value!, origin: { kind: 'env', name } });
  }
  return { ...(located.file ? { file: located.file } : {}), settings, unused, diagnostics };
}

/** Ansible reads each of a setting's sources in turn and keeps the last one set. */
function fromEnv(def: SettingDefinition, env: NodeJS.ProcessEnv): { raw: string; origin: ConfigOrigin } | undefined {
  let found: { raw: string; origin: ConfigOrigin } | undefined;
  for (const name of def.env) {
    const v = env[name];
    if (v !== undefined) found = { raw: v, origin: { kind: 'env', name } };
  }
  return found;
}

function fromFile(def: SettingDefinition, entries: IniEntry[], used: Set<IniEntry>): { raw: string; origin: ConfigOrigin } | undefined {
  let found: IniEntry | undefined;
  for (const { section, key } of def.ini) {
    const entry = entries.find((e) => e.section === section && e.key === key) ?? entries.find((e) => e.section === 'DEFAULT' && e.key === key);
    if (entry) {
      used.add(entry);
      found = entry;
    }
  }
  return found ? { raw: found.value, origin: { kind: 'file', at: found.valueAt } } : undefined;
}

type Checked = { value: ConfigValue } | { error: string; hint?: string };

function typed(def: SettingDefinition, raw: string, base: string, home: string): Checked {
  const text = raw.trim();
  const path = (p: string) => resolve(base, expandHome(p.trim(), home));
  switch (def.type.kind) {
    case 'int': {
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      const { min, max } = def.type;
      return Number.isInteger(n) && n >= min && n <= max ? { value: n } : { error: `must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}` };
    }
    case 'bool': {
      const lower = text.toLowerCase();
      if (TRUE.includes(lower)) return { value: true };
      if (FALSE.includes(lower)) return { value: false };
      return { error: `must be true or false, not ${JSON.stringify(raw)}`, hint: 'Ansible reads yes/no, on/off, true/false and 1/0' };
    }
    case 'string':
      return { value: text };
    case 'path':
      return text === '' ? { error: 'is empty' } : { value: path(text) };
    case 'paths':
      return { value: text.split(def.type.separator).filter((p) => p.trim() !== '').map(path) };
    case 'choice': {
      const choices = def.type.choices;
      if (choices.includes(text)) return { value: text };
      const what = def.name === 'stdout_callback' ? 'is not an output ha-run has' : 'is not supported';
      return { error: `${JSON.stringify(text)} ${what}`, hint: `ha-run has: ${choices.join(', ')}` };
    }
  }
}

/** The ha-run output a stdout callback stands for. */
export function outputOf(callback: string): 'text' | 'json' {
  return STDOUT_CALLBACKS[callback as keyof typeof STDOUT_CALLBACKS] ?? 'text';
}
