// The account tools live in /usr/sbin, which a login PATH may lack; and a tool that is missing
// must fail the task naming it before anything runs.
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';

/** Prefix for every account command: the sbin directories on PATH, messages in English. */
export const ACCOUNT_PATH = 'PATH="$PATH:/usr/sbin:/sbin"; export PATH; LC_ALL=C; export LC_ALL';

const TOOL = /^[a-z][a-z0-9-]*$/;

/** Which of these tools are missing (looked up with the sbin directories on PATH). */
export const missingTools: Fact<{ tools: readonly string[]; purpose: string }, void> = {
  name: 'the account tools',
  script: ({ tools }) => {
    for (const t of tools) if (!TOOL.test(t)) throw new Error(`odd tool name: ${t}`);
    return `${ACCOUNT_PATH}; for t in ${tools.join(' ')}; do command -v "$t" >/dev/null 2>&1 || echo "$t"; done; true`;
  },
  parse: (stdout, { purpose }) => {
    const missing = stdout.split('\n').filter((l) => l.trim() !== '');
    if (missing.length) {
      throw new ModuleFailure(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing on the target: needed to ${purpose}`, { missing_tools: missing });
    }
  },
};
