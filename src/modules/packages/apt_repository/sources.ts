// One-line apt sources (sources.list format) read and written as Ansible's apt_repository reads
// and writes them: each line is (enabled, source, comment); a disabled source is a `# ` line; the
// source's words are joined by single spaces.
import { ModuleFailure } from '../../failure.js';

export interface SourceLine {
  valid: boolean;
  enabled: boolean;
  source: string;
  comment: string;
}

const TYPES = ['deb', 'deb-src'];

export function parseSourceLine(raw: string): SourceLine {
  let line = raw.trim();
  let enabled = true;
  let comment = '';
  if (line.startsWith('#')) {
    enabled = false;
    line = line.slice(1);
  }
  const hash = line.indexOf('#');
  if (hash > 0) {
    comment = line.slice(hash + 1).trim();
    line = line.slice(0, hash);
  }
  let source = line.trim();
  const words = source.split(/\s+/).filter(Boolean);
  const valid = words.length > 0 && TYPES.includes(words[0]);
  if (valid) source = words.join(' ');
  return { valid, enabled, source, comment };
}

export function parseSources(content: string): SourceLine[] {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(parseSourceLine);
}

export function renderSources(lines: readonly SourceLine[]): string {
  return lines.map((l) => `${l.enabled ? '' : '# '}${l.source}${l.comment ? ` # ${l.comment}` : ''}\n`).join('');
}

/**
 * The repo argument as a source, or a failure saying what is wrong with it. Stricter than Ansible
 * (which only checks the type word): apt needs a URI and a suite, and components unless the suite
 * is an exact path ending in '/'.
 */
export function repoSource(repo: string): string {
  if (repo.startsWith('ppa:')) throw new ModuleFailure(ppaRefusal(repo));
  const parsed = parseSourceLine(repo);
  if (!parsed.valid || !parsed.enabled) throw new ModuleFailure(`Invalid repository string: ${repo}`);
  const words = parsed.source.replace(/\[[^\]]*\]/, ' ').split(/\s+/).filter(Boolean);
  const [, uri, suite, ...components] = words;
  if (!uri || !/^[a-z][a-z0-9+.-]*:/i.test(uri)) throw new ModuleFailure(`Invalid repository string: ${repo} (no URI after '${words[0]}')`);
  if (!suite) throw new ModuleFailure(`Invalid repository string: ${repo} (no suite after the URI)`);
  if (!suite.endsWith('/') && components.length === 0) throw new ModuleFailure(`Invalid repository string: ${repo} (a suite needs at least one component, e.g. main)`);
  return parsed.source;
}

/** The file Ansible puts a new source in: `filename` + .list, or one named after the URI's host and path. */
export function suggestedFile(source: string, filename: string | undefined, dir = '/etc/apt/sources.list.d'): string {
  if (filename !== undefined) return filename.includes('/') ? `${filename}.list` : `${dir}/${filename}.list`;
  const line = source.replace(/\[[^\]]+\]/g, '').replace(/\w+:\/\//g, '');
  const parts = line.split(/\s+/).filter((p) => p && !TYPES.includes(p));
  const first = (parts[0] ?? '').includes('@') ? parts[0].split('@').slice(1).join('@') : (parts[0] ?? '');
  return `${dir}/${first.replace(/[^a-zA-Z0-9]/g, ' ').split(/\s+/).filter(Boolean).join('_')}.list`;
}

/**
 * Why a ppa: is refused. Ansible expands it to a Launchpad line and asks Launchpad for the signing key
 * (from the target); on Debian that line names Debian's codename, which Launchpad does not serve.
 */
function ppaRefusal(repo: string): string {
  const [owner = 'OWNER', name = 'ppa'] = repo.slice(4).split('/');
  return (
    `${repo}: ppa: repositories are not supported by ha-run (Launchpad builds them for Ubuntu releases; on Debian, Ansible would write ` +
    `an Ubuntu line naming Debian's codename). Give the line itself, e.g. repo: "deb [signed-by=/etc/apt/keyrings/${owner}.asc] http://ppa.launchpad.net/${owner}/${name}/ubuntu UBUNTU_CODENAME main", ` +
    'with the key put there first (get_url or apt_key)'
  );
}
