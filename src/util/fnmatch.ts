// Shell-style wildcards as Python's fnmatch reads them (host patterns, fileglob).

/** Python's fnmatch.translate: `*`, `?`, `[abc]`, `[!abc]`; an unclosed `[` is literal. */
export function globToRegExp(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      let j = i + 1;
      if (glob[j] === '!') j++;
      if (glob[j] === ']') j++;
      while (j < glob.length && glob[j] !== ']') j++;
      if (j >= glob.length) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, j).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      else if (body.startsWith('^')) body = '\\' + body;
      out += `[${body}]`;
      i = j;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/** A whole-string matcher for `glob`, as fnmatch.fnmatchcase. */
export function fnmatchRegExp(glob: string): RegExp {
  return new RegExp(`^${globToRegExp(glob)}$`, 'su');
}
