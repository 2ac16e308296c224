// Splits a command line into words the way Python's shlex.split does (POSIX mode, no comments):
// what Ansible's `command` module does with its free-form string. No expansion of any kind.
import { ModuleFailure } from './failure.js';

export function shlexSplit(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      // Inside double quotes a backslash only escapes these, like POSIX sh.
      else if (c === '\\' && i + 1 < line.length && '\\"$`\n'.includes(line[i + 1])) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= line.length) throw new ModuleFailure('command line ends with a lone backslash');
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new ModuleFailure(`command line has an unclosed ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}
