// The edit community.general's ini_file makes, step for step: find the section (the lines before
// the first section when none is named), rewrite or drop the option's lines in it, add what is
// missing after its last non-blank, non-comment line, or add the section at the end. Quirks kept:
// a new file starts with an empty line, a missing final newline is a change by itself.

export interface IniWish {
  section?: string | null;
  option?: string;
  /** The values wanted (value: v is values: [v]). */
  values: string[];
  state: 'present' | 'absent';
  exclusive: boolean;
  noExtraSpaces: boolean;
  allowNoValue: boolean;
  ignoreSpaces: boolean;
  modifyInactiveOption: boolean;
}

export interface IniEdit {
  changed: boolean;
  /** Ansible's msg: OK, option changed, option added, section and option added, only section added, section removed. */
  msg: string;
  after: string;
}

// Stands for "before the first section": a name no real file has.
const TOP = 'ad01e11446efb704fcdbdb21f2c43757423d91c5';
const BLANK_OR_COMMENT = /^[ \t]*([#;][^\n]*)?$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface OptionMatch {
  /** The line is commented out ('#' or ';' before the option). */
  inactive: boolean;
  value: string;
}

/** The option on this line, active or commented out (`inactive: false` only looks at active ones). */
function matchOption(option: string | undefined, line: string, inactive = true): OptionMatch | undefined {
  if (option === undefined) return undefined;
  const re = new RegExp(`^(${inactive ? '[#;]?' : ''})[ \\t]*${escape(option)}[ \\t]*(?:=|$)[ \\t]*([^\\n]*)`);
  const m = re.exec(line.replace(/\n$/, ''));
  return m ? { inactive: m[1] !== '', value: m[2] } : undefined;
}

/** Python's readlines() in text mode: universal newlines, each line keeping its '\n'; a BOM dropped. */
export function iniLines(text: string): string[] {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return normal.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function editIni(text: string, w: IniWish): IniEdit {
  const values = [...new Set(w.values)];
  const assign = (v: string) => (w.noExtraSpaces ? `${w.option}=${v}\n` : `${w.option} = ${v}\n`);
  const bare = `${w.option}\n`;
  const present = w.state === 'present';
  let changed = false;
  let msg = 'OK';

  const lines = iniLines(text);
  if (lines.length === 0) lines.push('\n');
  if (!lines[lines.length - 1].endsWith('\n')) {
    lines[lines.length - 1] += '\n';
    changed = true;
  }
  lines.unshift(`[${TOP}]`);
  lines.push('[');
  const section = w.section || TOP;

  let within = false;
  let start = 0;
  let end = 0;
  for (const [i, line] of lines.entries()) {
    if (within && line.startsWith('[')) {
      end = i;
      break;
    }
    if (line.startsWith(`[${section}]`)) {
      within = true;
      start = i;
    }
  }
  const before = lines.slice(0, start);
  let inSection = lines.slice(start, end);
  const after = lines.slice(end);
  const touched = inSection.map(() => false);
  const matchHere = (line: string) => matchOption(w.option, line, w.modifyInactiveOption);

  const rewrite = (i: number, newline: string) => {
    let differs: boolean | undefined;
    if (w.ignoreSpaces) {
      const old = matchOption(w.option, inSection[i]);
      if (old && !old.inactive) differs = old.value !== matchOption(w.option, newline)?.value;
    }
    differs ??= inSection[i] !== newline;
    if (differs) {
      inSection[i] = newline;
      changed = true;
      msg = 'option changed';
    }
    touched[i] = true;
  };

  let bareOptionPresent = false;
  if (present && w.option !== undefined) {
    // 1. Lines already holding one of the values keep it (written the module's way).
    for (let i = 0; i < inSection.length; i++) {
      const m = matchHere(inSection[i]);
      if (!m) continue;
      if (values.length && values.includes(m.value)) {
        if (!m.value && w.allowNoValue) {
          bareOptionPresent = true;
          rewrite(i, bare);
        } else rewrite(i, assign(m.value));
        values.splice(values.indexOf(m.value), 1);
      } else if (!values.length && w.allowNoValue) {
        rewrite(i, bare);
        bareOptionPresent = true;
        break;
      }
    }
  }
  if (present && w.exclusive && !w.allowNoValue) {
    // 2. Other lines of the option take the values left; 3. the rest of them go.
    for (let i = 0; i < inSection.length && values.length; i++) {
      if (!touched[i] && matchHere(inSection[i])) rewrite(i, assign(values.shift()!));
    }
    for (let i = inSection.length - 1; i > 0; i--) {
      if (!touched[i] && matchHere(inSection[i])) {
        inSection.splice(i, 1);
        touched.splice(i, 1);
        changed = true;
        msg = 'option changed';
      }
    }
  }
  if (present) {
    // 4. What is still missing goes after the section's last line that is not blank or a comment.
    for (let i = inSection.length; i > 0; i--) {
      if (BLANK_OR_COMMENT.test(inSection[i - 1].replace(/\n$/, ''))) continue;
      if (w.option !== undefined && values.length) {
        inSection.splice(i, 0, ...values.map(assign));
        msg = 'option added';
        changed = true;
      } else if (w.option !== undefined && !values.length && w.allowNoValue && !bareOptionPresent) {
        inSection.splice(i, 0, bare);
        msg = 'option added';
        changed = true;
      }
      break;
    }
  } else if (w.option !== undefined) {
    const keep = w.exclusive
      ? inSection.filter((l) => !matchOption(w.option, l, false))
      : values.length
        ? inSection.filter((l) => !values.includes(matchOption(w.option, l, false)?.value ?? '\0none'))
        : inSection;
    if (keep.length !== inSection.length) {
      inSection = keep;
      changed = true;
      msg = 'option changed';
    }
  } else if (inSection.length) {
    inSection = [];
    msg = 'section removed';
    changed = true;
  }

  const out = [...before, ...inSection, ...after].slice(1, -1);
  if (!within && present) {
    out.push(`[${section}]\n`);
    msg = 'section and option added';
    if (w.option !== undefined && values.length) out.push(...values.map(assign));
    else if (w.option !== undefined && w.allowNoValue) out.push(bare);
    else msg = 'only section added';
    changed = true;
  }
  return { changed, msg, after: out.join('') };
}
