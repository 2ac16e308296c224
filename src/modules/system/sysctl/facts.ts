// The running value of a kernel parameter, as `sysctl -e -n` prints it (LC_ALL=C: errors are read
// in English). undefined when sysctl cannot read it.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';

export const sysctlValue: Fact<string, string | undefined> = {
  name: 'the running sysctl value',
  requires: ['sysctl'],
  script: (name) => `LC_ALL=C sysctl -e -n ${shellQuote(name)} 2>/dev/null`,
  parse: (stdout, _name, rc) => (rc === 0 ? stdout : undefined),
};
