// The lab file: which hosts a lab has, their kind, groups and vars. Strict: unknown keys are errors,
// and every problem points at file:line:col.
import { resolve } from 'node:path';
import { diagnostic, ValidationError, type Diagnostic } from '../errors.js';
import { loadYamlFile, type LoadedYaml, type PathSegment } from '../source/yaml.js';
import { STAND_INS, type StandInName } from './stand-in-names.js';

export const HOST_KINDS = ['plain', 'systemd', 'docker'] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export interface LabHostSpec {
  name: string;
  kind: HostKind;
  groups: string[];
  vars: Record<string, unknown>;
}

export interface LabSpec {
  name: string;
  /** Absolute path of the lab file. */
  file: string;
  hosts: LabHostSpec[];
  /** Variables for every host (inventory `all.vars`). */
  vars: Record<string, unknown>;
  /** Group name → variables (inventory `children.<group>.vars`). */
  groupVars: Record<string, Record<string, unknown>>;
  /** Inventory key → stand-in image built for the lab (`lab_images.<key>` in the inventory). */
  images: Record<string, StandInName>;
}

/** Docker names containers and networks after the lab and host, so both stay short and simple. */
const LAB_NAME = /^[a-z][a-z0-9-]{0,23}$/;
const HOST_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TOP_KEYS = ['name', 'vars', 'groups', 'hosts', 'images'];
const HOST_KEYS = ['kind', 'groups', 'vars'];
const GROUP_KEYS = ['vars'];
/** Ansible's implicit groups cannot be declared. */
const RESERVED_GROUPS = new Set(['all', 'ungrouped']);

export function loadLabFile(path: string): LabSpec {
  const file = resolve(path);
  const loaded = loadYamlFile(file);
  if (loaded.diagnostics.length > 0) throw new ValidationError(loaded.diagnostics);
  const problems: Diagnostic[] = [];
  const spec = readLab(loaded, file, problems);
  if (problems.length > 0 || !spec) throw new ValidationError(problems);
  return spec;
}

function readLab(loaded: LoadedYaml, file: string, problems: Diagnostic[]): LabSpec | undefined {
  const report = (code: string, message: string, path: PathSegment[], key = false, hint?: string) =>
    problems.push(diagnostic(code, message, loaded.locate(path, { key }), hint));

  const top = loaded.value;
  if (!isMapping(top)) {
    report('lab-invalid', 'a lab file is a mapping with `name` and `hosts`', []);
    return undefined;
  }
  checkKeys(top, TOP_KEYS, [], 'lab file', report);

  const name = top.name;
  if (name === undefined) report('lab-missing-key', 'the lab needs a `name`', []);
  else if (typeof name !== 'string' || !LAB_NAME.test(name)) {
    report('lab-invalid-name', 'lab name must be lowercase letters, digits and `-`, starting with a letter, at most 24 characters', ['name']);
  }

  const vars = readVars(top.vars, ['vars'], report);
  const groupVars: Record<string, Record<string, unknown>> = {};
  if (top.groups !== undefined) {
    if (!isMapping(top.groups)) report('lab-invalid', '`groups` must be a mapping of group name to `{ vars: ... }`', ['groups']);
    else {
      for (const [group, body] of Object.entries(top.groups)) {
        const path = ['groups', group];
        checkGroupName(group, path, report);
        if (body === null) {
          groupVars[group] = {};
          continue;
        }
        if (!isMapping(body)) {
          report('lab-invalid', `group \`${group}\` must be a mapping (\`vars: ...\`)`, path);
          continue;
        }
        checkKeys(body, GROUP_KEYS, path, `group \`${group}\``, report);
        groupVars[group] = readVars(body.vars, [...path, 'vars'], report);
      }
    }
  }

  const hosts: LabHostSpec[] = [];
  if (top.hosts === undefined) report('lab-missing-key', 'the lab needs `hosts`', []);
  else if (!isMapping(top.hosts) || Object.keys(top.hosts).length === 0) {
    report('lab-invalid', '`hosts` must be a non-empty mapping of host name to its settings', ['hosts']);
  } else {
    for (const [host, body] of Object.entries(top.hosts)) {
      const spec = readHost(host, body, report);
      if (spec) hosts.push(spec);
    }
  }

  const used = new Set(hosts.flatMap((h) => h.groups));
  for (const group of Object.keys(groupVars)) {
    if (!used.has(group)) report('lab-unknown-group', `group \`${group}\` has vars but no host lists it`, ['groups', group], true);
  }
  const images = readImages(top.images, report);
  if (problems.length > 0 || typeof name !== 'string') return undefined;
  return { name, file, hosts, vars, groupVars, images };
}

type Report = (code: string, message: string, path: PathSegment[], key?: boolean, hint?: string) => void;

function readHost(host: string, body: unknown, report: Report): LabHostSpec | undefined {
  const path = ['hosts', host];
  if (!HOST_NAME.test(host)) {
    report('lab-invalid-name', `host name \`${host}\` must be lowercase letters, digits and \`-\`, starting with a letter`, path, true);
  }
  if (body === null) return { name: host, kind: 'plain', groups: [], vars: {} };
  if (!isMapping(body)) {
    report('lab-invalid', `host \`${host}\` must be a mapping (kind, groups, vars)`, path);
    return undefined;
  }
  checkKeys(body, HOST_KEYS, path, `host \`${host}\``, report);
  let kind: HostKind = 'plain';
  if (body.kind !== undefined) {
    if (typeof body.kind === 'string' && (HOST_KINDS as readonly string[]).includes(body.kind)) kind = body.kind as HostKind;
    else report('lab-invalid-kind', `kind must be one of ${HOST_KINDS.join(', ')}`, [...path, 'kind']);
  }
  const groups: string[] = [];
  if (body.groups !== undefined) {
    if (!Array.isArray(body.groups)) report('lab-invalid', '`groups` must be a list of group names', [...path, 'groups']);
    else {
      body.groups.forEach((group: unknown, i: number) => {
        if (typeof group !== 'string') report('lab-invalid', 'a group name must be a string', [...path, 'groups', i]);
        else if (checkGroupName(group, [...path, 'groups', i], report)) groups.push(group);
      });
    }
  }
  return { name: host, kind, groups, vars: readVars(body.vars, [...path, 'vars'], report) };
}

/** `images: { key: stand-in }`: stand-in images the lab builds and hands to its inventory. */
function readImages(value: unknown, report: Report): Record<string, StandInName> {
  const images: Record<string, StandInName> = {};
  if (value === undefined || value === null) return images;
  if (!isMapping(value)) {
    report('lab-invalid', '`images` must be a mapping of inventory key to stand-in image name', ['images']);
    return images;
  }
  for (const [key, name] of Object.entries(value)) {
    if (!GROUP_NAME.test(key)) report('lab-invalid-name', `image key \`${key}\` must be letters, digits and \`_\``, ['images', key], true);
    else if (typeof name === 'string' && (STAND_INS as readonly string[]).includes(name)) images[key] = name as StandInName;
    else report('lab-invalid-image', `unknown stand-in image; known: ${STAND_INS.join(', ')}`, ['images', key]);
  }
  return images;
}

function checkGroupName(group: string, path: PathSegment[], report: Report): boolean {
  if (RESERVED_GROUPS.has(group)) {
    report('lab-invalid-name', `\`${group}\` is an implicit Ansible group and cannot be declared`, path, typeof path.at(-1) === 'string');
    return false;
  }
  if (!GROUP_NAME.test(group)) {
    report('lab-invalid-name', `group name \`${group}\` must be letters, digits and \`_\` (Ansible's rule)`, path, typeof path.at(-1) === 'string');
    return false;
  }
  return true;
}

function readVars(value: unknown, path: PathSegment[], report: Report): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) {
    report('lab-invalid', '`vars` must be a mapping of variable name to value', path);
    return {};
  }
  return value;
}

function checkKeys(value: Record<string, unknown>, allowed: string[], path: PathSegment[], what: string, report: Report): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      report('unknown-key', `unknown key \`${key}\` in ${what}; expected one of: ${allowed.join(', ')}`, [...path, key], true);
    }
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
