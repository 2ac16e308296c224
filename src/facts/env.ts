// env: the environment of the remote shell. Lines without '=' continue the previous value.
import type { Sections } from './script.js';

export function envFacts(sections: Sections): Record<string, unknown> {
  const env: Record<string, string> = {};
  let last: string | undefined;
  for (const line of (sections.env ?? '').replace(/\n$/, '').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) {
      env[m[1]] = m[2];
      last = m[1];
    } else if (last !== undefined) env[last] += `\n${line}`;
  }
  return { env };
}
