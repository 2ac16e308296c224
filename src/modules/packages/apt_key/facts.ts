// What apt_key reads on the target: the keyring files apt trusts (or the one `keyring` names), and
// the key itself when it comes from a file on the target or a URL fetched by the target.
import { shellQuote } from '../../../connection/quote.js';
import { ModuleFailure } from '../../failure.js';
import type { Fact } from '../../kit/fact.js';
import { fileContentsScript, parseFileContents } from '../file-contents.js';

export const TRUSTED = '/etc/apt/trusted.gpg';
export const TRUSTED_DIR = '/etc/apt/trusted.gpg.d';

export const keyringFiles: Fact<string | undefined, Record<string, Buffer>> = {
  name: 'the apt keyrings',
  requires: ['base64'],
  script: (keyring) => {
    const files = keyring ? shellQuote(keyring) : `${TRUSTED} ${TRUSTED_DIR}/*.gpg ${TRUSTED_DIR}/*.asc`;
    return fileContentsScript(files);
  },
  parse: parseFileContents,
};

export const keyFile: Fact<string, Buffer> = {
  name: 'the key file',
  requires: ['base64'],
  script: (path) => `[ -f ${shellQuote(path)} ] || exit 3; base64 < ${shellQuote(path)} | tr -d '\\n'`,
  parse: (stdout, path, rc) => {
    if (rc !== 0) throw new ModuleFailure(`Unable to read the key file ${path}: it does not exist on the target`);
    return Buffer.from(stdout.trim(), 'base64');
  },
};

export interface UrlArgs {
  url: string;
  validateCerts: boolean;
}

export const keyUrl: Fact<UrlArgs, Buffer> = {
  name: 'the key at the URL',
  requires: ['curl|wget', 'base64'],
  script: ({ url, validateCerts }) => {
    const u = shellQuote(url);
    const curl = `curl -fsSL${validateCerts ? '' : ' -k'} ${u}`;
    const wget = `wget -q -O -${validateCerts ? '' : ' --no-check-certificate'} ${u}`;
    // Downloaded to a temporary file first: a failed download must not look like empty key data.
    return `t=$(mktemp) || exit 1; if command -v curl >/dev/null 2>&1; then ${curl}; else ${wget}; fi > "$t" && base64 < "$t" | tr -d '\\n'; rc=$?; rm -f "$t"; exit $rc`;
  },
  parse: (stdout, { url }, rc) => {
    if (rc !== 0) throw new ModuleFailure(`error getting key id from url: could not download ${url}`);
    return Buffer.from(stdout.trim(), 'base64');
  },
};
