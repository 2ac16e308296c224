// The command line as plain data, read from the commander definitions (the one place options are
// defined): help, shell completion and the man page are all generated from it, so they cannot drift.
import type { Command, Option } from 'commander';

export interface OptionSpec {
  /** As written in the definition: `-i, --inventory <path>`. */
  flags: string;
  short?: string;
  long?: string;
  /** The value's name (`path` for `<path>`), when the option takes one. */
  value?: string;
  description: string;
  /** May be given more than once. */
  repeatable: boolean;
  /** The default, as help shows it. */
  defaultValue?: string;
}

export interface CommandSpec {
  name: string;
  description: string;
  /** `[playbooks...]`, `<pattern>`, as usage shows them. */
  args: string[];
  options: OptionSpec[];
  commands: CommandSpec[];
  /** The command run when the first word names no other (`ha-run site.yml` is `ha-run run site.yml`). */
  isDefault: boolean;
}

/** Repeatable options are the ones whose parser collects (`-i a -i b`) or counts (`-vvv`): ask the parser. */
function isRepeatable(o: Option): boolean {
  if (o.variadic) return true;
  const parse = (o as unknown as { parseArg?: (value: unknown, previous: unknown) => unknown }).parseArg;
  if (!parse) return false;
  try {
    const collected = parse('a', ['b']);
    if (Array.isArray(collected) && collected.length === 2) return true;
    return parse(undefined, 1) === 2;
  } catch {
    return false;
  }
}

function optionSpec(o: Option): OptionSpec {
  const value = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1];
  const repeatable = isRepeatable(o);
  return {
    flags: o.flags,
    ...(o.short ? { short: o.short } : {}),
    ...(o.long ? { long: o.long } : {}),
    ...(value ? { value } : {}),
    description: o.description ?? '',
    repeatable,
    ...(o.defaultValue !== undefined && typeof o.defaultValue !== 'object' && o.defaultValue !== 0 ? { defaultValue: String(o.defaultValue) } : {}),
  };
}

function argTerm(a: { name(): string; required: boolean; variadic: boolean }): string {
  const name = a.name() + (a.variadic ? '...' : '');
  return a.required ? `<${name}>` : `[${name}]`;
}

export function commandSpec(cmd: Command, defaultName?: string): CommandSpec {
  const internal = cmd as unknown as { _defaultCommandName?: string | null; _hidden?: boolean };
  const children = cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  return {
    name: cmd.name(),
    description: cmd.description(),
    args: cmd.registeredArguments.map(argTerm),
    options: cmd.options.filter((o) => !o.hidden).map(optionSpec),
    commands: children.map((c) => commandSpec(c, internal._defaultCommandName ?? undefined)),
    isDefault: defaultName !== undefined && defaultName === cmd.name(),
  };
}

/** Every command with its path from the top (`['lab', 'up']`), depth first. */
export function commandPaths(root: CommandSpec): { path: string[]; spec: CommandSpec }[] {
  const out: { path: string[]; spec: CommandSpec }[] = [];
  const visit = (spec: CommandSpec, path: string[]): void => {
    for (const c of spec.commands) {
      out.push({ path: [...path, c.name], spec: c });
      visit(c, [...path, c.name]);
    }
  };
  visit(root, []);
  return out;
}
