// A package's debconf answers as debconf-show prints them ("* question: value", '*' = seen).
// Passwords are never shown ("(password omitted)"), as for Ansible's debconf module.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';

export const debconfAnswers: Fact<string, Record<string, string>> = {
  name: 'the debconf answers',
  requires: ['debconf-show', 'debconf-set-selections'],
  script: (pkg) => `debconf-show ${shellQuote(pkg)} 2>&1`,
  parse: (stdout, pkg, rc) => {
    if (rc !== 0) throw new ModuleFailure(`debconf-show ${pkg} failed: ${stdout.trim()}`);
    const out: Record<string, string> = {};
    for (const line of stdout.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      out[line.slice(0, colon).replace(/^[\s*]+/, '').trim()] = line.slice(colon + 1).trim();
    }
    return out;
  },
};
