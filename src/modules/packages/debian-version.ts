// Debian's version ordering (deb-version(7)): epoch, then upstream and revision compared part by
// part, letters before non-letters, '~' before everything, even the end of the string.

/** Negative, zero or positive, as `dpkg --compare-versions a lt/eq/gt b`. */
export function compareDebianVersions(a: string, b: string): number {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  return ea !== eb ? Math.sign(ea - eb) : compareParts(ua, ub) || compareParts(ra, rb);
}

function split(v: string): [number, string, string] {
  const colon = v.indexOf(':');
  const epoch = colon > 0 ? Number(v.slice(0, colon)) || 0 : 0;
  const rest = colon > 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash >= 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, '0'];
}

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function compareParts(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // The non-digit run, character by character.
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ca = i < a.length && !isDigit(a[i]) ? a[i] : undefined;
      const cb = j < b.length && !isDigit(b[j]) ? b[j] : undefined;
      const d = order(ca) - order(cb);
      if (d) return Math.sign(d);
      if (ca !== undefined) i++;
      if (cb !== undefined) j++;
    }
    // Then the digit run, as numbers.
    let na = '';
    let nb = '';
    while (i < a.length && isDigit(a[i])) na += a[i++];
    while (j < b.length && isDigit(b[j])) nb += b[j++];
    const d = BigInt(na || '0') - BigInt(nb || '0');
    if (d !== 0n) return d > 0n ? 1 : -1;
  }
  return 0;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
