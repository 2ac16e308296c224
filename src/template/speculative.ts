// Variables marked as speculative belong to a preview (the look-ahead renders tasks before they run):
// a template rendered with them must not run a lookup that acts on the controller (pipe, lines,
// password). The mark is a symbol key, so it is no variable and survives the copies made of the
// variables ({...vars}), and reaches the templates of variables rendered with them.
const SPECULATIVE = Symbol('speculative');

/** Marks `vars` (in place) as a preview's; returns them. */
export function speculative<T extends Record<string, unknown>>(vars: T): T {
  (vars as Record<symbol, unknown>)[SPECULATIVE] = true;
  return vars;
}

export function isSpeculative(vars: Record<string, unknown>): boolean {
  return (vars as Record<symbol, unknown>)[SPECULATIVE] === true;
}
