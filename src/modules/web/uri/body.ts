// uri's body as Ansible encodes it: JSON as Python's json.dumps writes it, forms as Python's
// urlencode (quote_plus) writes them; each sets Content-Type unless the task's headers do.
import { pyJsonDumps } from '../../../template/filters/serialize.js';
import { ModuleFailure } from '../../failure.js';

export interface EncodedBody {
  body?: string;
  contentType?: string;
}

export function encodeBody(body: unknown, format: 'raw' | 'json' | 'form-urlencoded' = 'raw'): EncodedBody {
  if (body === undefined || body === null) return {};
  if (format === 'json') return { body: typeof body === 'string' ? body : pyJsonDumps(body), contentType: 'application/json' };
  if (format === 'form-urlencoded') return { body: typeof body === 'string' ? body : formEncode(body), contentType: 'application/x-www-form-urlencoded' };
  return { body: typeof body === 'string' ? body : pyJsonDumps(body) };
}

/** Python's str() of a scalar, as urlencode writes values. */
function pyStr(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  return typeof v === 'object' ? pyJsonDumps(v) : String(v);
}

/** urllib.parse.quote_plus: only letters, digits and _.-~ stay; a space becomes '+'. */
export function quotePlus(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9_.\-~]/.test(c)) return c;
      return c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** urlencode(body, doseq=True): a mapping, or a list of [name, value] pairs; list values repeat the name. */
export function formEncode(body: unknown): string {
  let pairs: [unknown, unknown][];
  if (Array.isArray(body)) {
    if (!body.every((p) => Array.isArray(p) && p.length === 2)) throw new ModuleFailure('failed to parse body as form_urlencoded: a list body must hold [name, value] pairs');
    pairs = body as [unknown, unknown][];
  } else if (typeof body === 'object' && body !== null) pairs = Object.entries(body);
  else throw new ModuleFailure('failed to parse body as form_urlencoded: give a mapping or a string');
  const out: string[] = [];
  for (const [k, v] of pairs) {
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) out.push(`${quotePlus(pyStr(k))}=${quotePlus(pyStr(one))}`);
  }
  return out.join('&');
}
