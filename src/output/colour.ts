// Whether output is coloured, decided as Ansible and the NO_COLOR convention decide it:
// ANSIBLE_FORCE_COLOR wins; then NO_COLOR (any non-empty value), ANSIBLE_NOCOLOR (a true value) and
// TERM=dumb turn colour off; otherwise a terminal gets colour and a pipe does not.
type Env = Record<string, string | undefined>;

const truthy = (v: string | undefined) => v !== undefined && /^(1|y|yes|on|true|t)$/i.test(v.trim());

export function colourWanted(isTerminal: boolean, env: Env = process.env): boolean {
  if (truthy(env.ANSIBLE_FORCE_COLOR)) return true;
  if (env.NO_COLOR) return false;
  if (truthy(env.ANSIBLE_NOCOLOR)) return false;
  if (env.TERM === 'dumb') return false;
  return isTerminal;
}

/** Ansible's colour codes for each outcome. */
export const STATUS_COLOUR = {
  ok: '0;32',
  changed: '0;33',
  failed: '0;31',
  unreachable: '1;31',
  skipped: '0;36',
  rescued: '0;32',
  ignored: '1;35',
  interrupted: '1;35',
} as const;

export function paint(text: string, code: string): string {
  return `\x1b[${code}m${text}\x1b[0m`;
}
