// file: a path should be a file, directory, symlink or hard link with given owner/group/mode (and
// modification/access times, see file-times.ts), be touched, or be absent.
import { posix } from 'node:path';
import { shellQuote } from '../../connection/quote.js';
import type { Change, DeclarativeModule } from '../types.js';
import { fileState, type FileState, type ProbeRequest } from './file-probe.js';
import { ask, type Fact } from '../kit/fact.js';
import { probeOf } from '../kit/probe.js';
import { attrChanges, fileAttrProperties, fileResultKeys, sameId, wantedMode, type FileAttrArgs } from './file-attrs.js';
import { formatMode, resolveMode } from './mode.js';
import { missingNow, ModuleFailure } from '../failure.js';
import { makeDirsCommand } from './make-dirs.js';
import { oneOf } from '../schema-rules.js';
import { fileFlagProperties, flagsAfterWrite, readsFlags, wantedFlags } from './file-flags.js';
import { fileTimeProperties, fileTimes, setsTimes, timeChanges, wantedTimes, type FileTimeArgs, type TimeFacts } from './file-times.js';

export type FileStateArg = 'file' | 'directory' | 'link' | 'hard' | 'touch' | 'absent';

export interface FileArgs extends FileAttrArgs, FileTimeArgs {
  path?: string;
  dest?: string;
  name?: string;
  state?: FileStateArg;
  src?: string;
  recurse?: boolean;
  force?: boolean;
  follow?: boolean;
}

/** One entry under a directory managed with recurse=true. */
export interface TreeEntry {
  path: string;
  mode: number;
  owner: string;
  group: string;
  uid: number;
  gid: number;
  isDirectory: boolean;
}

export interface FileFacts {
  target: FileState;
  /** For link/hard: the source (for links resolved relative to the link's directory). */
  src?: FileState;
  /** For recurse=true on an existing directory: everything below it. */
  tree?: TreeEntry[];
  /** When modification_time or access_time asks for anything but 'preserve': the file's times and the wanted ones converted. */
  times?: TimeFacts;
}

export function filePath(args: { path?: string; dest?: string; name?: string }): string {
  const p = args.path ?? args.dest ?? args.name;
  if (!p) throw new ModuleFailure('one of path, dest or name is required');
  return p;
}

/** Mode, owners and kind of everything below a directory, NUL-terminated so any file name reads back whole. */
const fileTree: Fact<string, TreeEntry[]> = {
  name: 'the files below a directory',
  script: (path) => `[ -d ${shellQuote(path)} ] && find ${shellQuote(path)} -mindepth 1 -exec stat --printf '%a|%u|%g|%U|%G|%F|%n\\0' {} + 2>/dev/null; true`,
  parse: (stdout) => parseTree(stdout),
};

export const fileModule: DeclarativeModule<FileArgs, FileFacts> = {
  kind: 'declarative',
  name: 'file',
  schema: {
    type: 'object',
    description: 'Makes a path a file, directory, symlink or hard link with the given owner/group/mode, touches it, or removes it.',
    additionalProperties: false,
    properties: {
      path: { type: 'string', description: 'The path to manage (aliases: dest, name).' },
      dest: { type: 'string', description: 'Alias of path.' },
      name: { type: 'string', description: 'Alias of path.' },
      state: {
        type: 'string',
        enum: ['file', 'directory', 'link', 'hard', 'touch', 'absent'],
        description: 'What the path should be. Default: what it is now, or `file` (which must exist already).',
      },
      src: { type: 'string', description: 'For state=link/hard: what the link points to.' },
      recurse: { type: 'boolean', default: false, description: 'For state=directory: set owner/group/mode on everything below too.' },
      force: { type: 'boolean', default: false, description: 'For links: replace a file that is in the way, or link to a src that does not exist.' },
      follow: { type: 'boolean', default: true, description: 'Set attributes on what a symlink points to rather than on the link.' },
      ...fileAttrProperties,
      ...fileFlagProperties,
      ...fileTimeProperties,
    },
    allOf: [oneOf('path', 'dest', 'name')],
  },

  async gather(ctx, args) {
    const path = filePath(args);
    const state = args.state;
    const requests: ProbeRequest[] = [{ path, follow: state !== 'link' && state !== 'absent' && args.follow !== false, flags: state !== 'absent' && readsFlags(args) }];
    if ((state === 'link' || state === 'hard') && args.src) requests.push({ path: posix.resolve(posix.dirname(path), args.src) });
    // state=absent ignores the times, even ones it could not read (as Ansible).
    const times = state === 'absent' ? undefined : wantedTimes(args, state === 'touch');
    const withTimes = times !== undefined && setsTimes(times);
    const parent = posix.dirname(path.replace(/\/+$/, '')) || '/';
    // One round trip: the paths, the tree below a recursed directory, the times asked for.
    const answers: unknown[] = await probeOf(ctx.conn).many(
      ...requests.map((r) => ask(fileState, r)),
      ...(args.recurse ? [ask(fileTree, path)] : []),
      ...(withTimes ? [ask(fileTimes, { path, parent, wanted: times })] : []),
    );
    const [target, src] = answers.slice(0, requests.length) as FileState[];
    const rest = answers.slice(requests.length);
    const tree = args.recurse ? (rest.shift() as TreeEntry[]) : undefined;
    return { target: target!, src, tree, times: withTimes ? (rest.shift() as TimeFacts) : undefined };
  },

  plan(args, facts) {
    const path = filePath(args);
    const { target } = facts;
    const state = args.state ?? (args.recurse ? 'directory' : target.exists ? currentState(target) : 'file');
    const describe = (t: FileState) => (t.type === 'directory' ? 'directory' : t.type === 'link' ? 'symlink' : t.type);
    const q = shellQuote(path);
    const times = state === 'absent' ? undefined : wantedTimes(args, state === 'touch');
    if (times && setsTimes(times) && (state === 'link' || state === 'hard' || args.recurse)) {
      throw new ModuleFailure(`modification_time and access_time are supported with state=file, directory or touch, without recurse`, { path });
    }
    const setTimes = (created = false) => (times ? timeChanges(path, times, facts.times, created) : []);
    switch (state) {
      case 'absent':
        if (!target.exists) return [];
        return [{ summary: `remove ${describe(target)}`, diff: stateDiff(path, describe(target), 'absent'), ops: [{ kind: 'exec', command: `rm -rf -- ${q}` }] }];
      case 'file':
        if (!target.exists) throw missingNow(`file (${path}) is absent, cannot continue`, { path, state: 'absent' });
        if (target.type === 'directory') throw new ModuleFailure(`${path} is a directory, not a file`, { path });
        return [...attrChanges(path, args, target), ...setTimes()];
      case 'touch': {
        if (target.exists) return [...setTimes(), ...attrChanges(path, args, target)];
        return [createWithAttrs(path, args, 'file'), ...setTimes(true)];
      }
      case 'directory': {
        if (!target.exists) {
          // Ansible stamps the times on the path after making each missing directory, so it fails
          // (after making the first) when more than the last one is missing: refuse before making any.
          if (facts.times && !facts.times.parentExists) throw new ModuleFailure(`There was an issue creating ${path} as requested: with modification_time or access_time, only the last directory of the path may be missing`, { path });
          return [createWithAttrs(path, args, 'directory'), ...setTimes(true)];
        }
        if (target.type !== 'directory') throw new ModuleFailure(`${path} already exists as a ${describe(target)}`, { path });
        return [...attrChanges(path, args, target), ...setTimes(), ...recurseChanges(path, args, facts.tree ?? [])];
      }
      case 'link':
        return planLink(path, args, facts);
      case 'hard':
        return planHard(path, args, facts);
    }
  },

  result(args, facts) {
    const path = filePath(args);
    const keys = fileResultKeys(facts.target);
    if (args.state === 'link' || args.state === 'hard') return { dest: path, src: args.src, ...keys };
    return { path, ...keys };
  },
};

function currentState(t: FileState): FileStateArg {
  return t.type === 'directory' ? 'directory' : t.type === 'link' ? 'link' : 'file';
}

function stateDiff(path: string, before: string, after: string) {
  return { path, before: `state: ${before}\n`, after: `state: ${after}\n` };
}

/**
 * One change that creates the path and sets every attribute asked for. Like Ansible, every
 * directory created on the way gets the owner, group and mode too, not only the last one.
 */
function createWithAttrs(path: string, args: FileArgs, kind: 'file' | 'directory'): Change {
  const q = shellQuote(path);
  const reasons = [kind === 'directory' ? 'create directory' : 'create empty file'];
  const mode = wantedMode(args, undefined, kind === 'directory');
  if (mode !== undefined) reasons.push(`mode ${formatMode(mode)}`);
  const flags = wantedFlags(args);
  if (flags) reasons.push(`attributes '${flags.operator}${flags.flags}'`);
  let command: string;
  if (kind === 'directory') {
    command = makeDirsCommand(path, { owner: args.owner, group: args.group, mode });
  } else {
    const commands = [`touch -- ${q}`];
    if (args.owner !== undefined) commands.push(`chown -- ${shellQuote(args.owner)} ${q}`);
    if (args.group !== undefined) commands.push(`chgrp -- ${shellQuote(args.group)} ${q}`);
    if (mode !== undefined) commands.push(`chmod ${formatMode(mode)} -- ${q}`);
    command = commands.join(' && ');
  }
  return { summary: reasons.join(', '), diff: stateDiff(path, 'absent', kind), ops: [{ kind: 'exec', command }, ...flagsAfterWrite(path, args)] };
}

function planLink(path: string, args: FileArgs, facts: FileFacts): Change[] {
  const { target, src } = facts;
  if (!args.src) throw new ModuleFailure('src is required for state=link');
  if (target.type === 'link' && target.target === args.src) return attrChanges(path, args, target, { noFollow: true });
  if (!args.force && src && !src.exists) {
    throw new ModuleFailure(`src file does not exist, use "force=yes" if you really want to create the link: ${src.path}`, { path, src: args.src });
  }
  const q = shellQuote(path);
  const commands: string[] = [];
  if (target.type === 'directory') {
    if (!args.force) throw new ModuleFailure(`refusing to convert from directory to symlink for ${path}`, { path });
    commands.push(`rmdir -- ${q}`);
  } else if (target.exists && target.type !== 'link' && !args.force) {
    throw new ModuleFailure(`refusing to convert from ${target.type} to symlink for ${path}`, { path });
  }
  commands.push(`ln -sfn -- ${shellQuote(args.src)} ${q}`);
  if (args.owner !== undefined) commands.push(`chown -h -- ${shellQuote(args.owner)} ${q}`);
  if (args.group !== undefined) commands.push(`chgrp -h -- ${shellQuote(args.group)} ${q}`);
  const summary = target.type === 'link' ? `symlink target ${target.target} → ${args.src}` : `create symlink → ${args.src}`;
  return [{ summary, diff: { path, before: target.type === 'link' ? `src: ${target.target}\n` : `state: ${target.type}\n`, after: `src: ${args.src}\n` }, ops: [{ kind: 'exec', command: commands.join(' && ') }] }];
}

function planHard(path: string, args: FileArgs, facts: FileFacts): Change[] {
  const { target, src } = facts;
  if (!args.src || !src) throw new ModuleFailure('src is required for state=hard');
  if (!src.exists) throw new ModuleFailure(`src does not exist: ${src.path}`, { path, src: args.src });
  if (target.exists && target.inode === src.inode && target.dev === src.dev) return attrChanges(path, args, target);
  if (target.exists && target.type !== 'file' && !args.force) throw new ModuleFailure(`refusing to replace ${target.type} ${path} with a hard link`, { path });
  const q = shellQuote(path);
  const commands = [`ln -f -- ${shellQuote(src.path)} ${q}`];
  if (args.owner !== undefined) commands.push(`chown -- ${shellQuote(args.owner)} ${q}`);
  if (args.group !== undefined) commands.push(`chgrp -- ${shellQuote(args.group)} ${q}`);
  const mode = wantedMode(args, src, false);
  if (mode !== undefined) commands.push(`chmod ${formatMode(mode)} -- ${q}`);
  return [{ summary: `hard link to ${args.src}`, diff: stateDiff(path, target.exists ? target.type : 'absent', 'hard'), ops: [{ kind: 'exec', command: commands.join(' && ') }, ...flagsAfterWrite(path, args)] }];
}

/** With recurse=true: entries below the directory whose owner, group or mode differ, fixed with -R. */
function recurseChanges(path: string, args: FileArgs, tree: TreeEntry[]): Change[] {
  const q = shellQuote(path);
  const changes: Change[] = [];
  const count = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'} below`;
  if (args.owner !== undefined) {
    const off = tree.filter((e) => !sameId(args.owner!, e.owner, e.uid)).length;
    if (off) changes.push({ summary: `owner of ${count(off)} → ${args.owner}`, ops: [{ kind: 'exec', command: `chown -R -- ${shellQuote(args.owner)} ${q}` }] });
  }
  if (args.group !== undefined) {
    const off = tree.filter((e) => !sameId(args.group!, e.group, e.gid)).length;
    if (off) changes.push({ summary: `group of ${count(off)} → ${args.group}`, ops: [{ kind: 'exec', command: `chgrp -R -- ${shellQuote(args.group)} ${q}` }] });
  }
  if (args.mode !== undefined) {
    const off = tree.filter((e) => resolveMode(args.mode!, e.mode, e.isDirectory) !== e.mode).length;
    // chmod -R applies a symbolic mode per entry (X included) exactly as resolveMode predicts.
    const spec = typeof args.mode === 'number' ? formatMode(args.mode) : args.mode;
    if (off) changes.push({ summary: `mode of ${count(off)} → ${spec}`, ops: [{ kind: 'exec', command: `chmod -R -- ${shellQuote(spec)} ${q}` }] });
  }
  return changes;
}

export function parseTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const entry of text.split('\0')) {
    const parts = entry.split('|');
    if (parts.length < 7) continue;
    const [mode, uid, gid, owner, group, kind, ...name] = parts;
    entries.push({ path: name.join('|'), mode: parseInt(mode, 8), uid: Number(uid), gid: Number(gid), owner, group, isDirectory: kind === 'directory' });
  }
  return entries;
}
