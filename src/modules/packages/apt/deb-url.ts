// `deb:` given as a URL, as Ansible's apt takes it: the target downloads the package (its own curl or
// wget, following redirects) into a temporary file, which is installed from there and removed when
// the task ends. Like Ansible's, the download happens in check mode too: the plan needs the
// package's own name and version.
import { shellQuote } from '../../../connection/quote.js';
import type { Connection } from '../../../connection/types.js';
import { ModuleFailure } from '../../failure.js';
import { responseMsg } from '../../web/http-args.js';
import { fetchOnTarget } from '../../web/response.js';

export function isDebUrl(deb: string | undefined): deb is string {
  return deb !== undefined && /^(https?|ftp):\/\//i.test(deb);
}

/** Downloads the .deb on the target; its temporary path, which the caller removes (removeDeb). */
export async function downloadDeb(conn: Connection, url: string): Promise<string> {
  const made = await conn.exec('mktemp --suffix=.deb');
  if (made.rc !== 0) throw new ModuleFailure(`Failure downloading ${url}: no temporary file on the target (${made.stderr.trim()})`);
  const path = made.stdout.trim();
  const request = { url, method: 'GET', headers: { 'User-Agent': 'ansible-httpget' }, validateCerts: true, timeout: 10, followRedirects: true };
  const r = await fetchOnTarget(conn, request, { returnBody: false, keepAt: path, keepOn: [200] });
  if (!r.kept) {
    await removeDeb(conn, path);
    throw new ModuleFailure(`Failure downloading ${url}, ${responseMsg(r.status, r.reason, r.headers, r.error)}`);
  }
  return path;
}

export async function removeDeb(conn: Connection, path: string): Promise<void> {
  await conn.exec(`rm -f ${shellQuote(path)}`);
}
