// What the crypto modules read on the target, all through its `openssl`: a private key's public half
// (the key itself never leaves the host; a passphrase reaches openssl on stdin), and CSRs and
// certificates as openssl prints them.
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';
import { parseX509Text, type X509Text } from './openssl-text.js';

export interface KeyFileArgs {
  path: string;
  passphrase?: string;
}

export interface KeyFile {
  exists: boolean;
  /** The first PEM label: 'PRIVATE KEY' (PKCS#8), 'RSA PRIVATE KEY' (PKCS#1), 'ENCRYPTED PRIVATE KEY', ... */
  label?: string;
  encrypted: boolean;
  /** The public key, when openssl could read the key with the passphrase given (or none). */
  publicKey?: string;
  /** Why openssl could not read it (its first error line). */
  readError?: string;
}

// Only PEM header lines are printed from the key file; what openssl reads stays on the host.
function keyScript({ path, passphrase }: KeyFileArgs): string {
  const p = shellQuote(path);
  const passin = passphrase === undefined ? '-passin pass:' : '-passin stdin';
  return [
    `[ -e ${p} ] || { echo state=absent; exit 0; }`,
    `[ -r ${p} ] || { echo state=unreadable; exit 0; }`,
    keyReadScript(p, passin),
  ].join('\n');
}

/** Prints state=present, the PEM label, whether it is encrypted, and the public key (or openssl's error). */
export function keyReadScript(file: string, passin: string): string {
  return [
    'echo state=present',
    `sed -n -e 's/^-----BEGIN \\(.*\\)-----$/label=\\1/p' -e 's/^Proc-Type: 4,ENCRYPTED.*/encrypted=yes/p' ${file} | head -n 2`,
    `if e=$(openssl pkey -in ${file} ${passin} -pubout 2>&1 >&3); then :; else printf 'error=%s\\n' "$(printf %s "$e" | head -n 1)"; fi 3>&1`,
  ].join('\n');
}

export function parseKey(stdout: string, { path }: KeyFileArgs, rc: number): KeyFile {
  if (rc !== 0) throw new ModuleFailure(`could not read the private key ${path}: ${stdout.trim()}`);
  const lines = stdout.split('\n');
  if (lines.includes('state=absent')) return { exists: false, encrypted: false };
  // Never replace a key we cannot even read (wrong user, missing become): that is a failure, not a mismatch.
  if (lines.includes('state=unreadable')) throw new ModuleFailure(`The private key ${path} exists but cannot be read (permissions: is become needed?)`);
  const value = (k: string) => lines.find((l) => l.startsWith(`${k}=`))?.slice(k.length + 1);
  const label = value('label');
  const pub = /-----BEGIN PUBLIC KEY-----\n[\s\S]*?-----END PUBLIC KEY-----\n/.exec(stdout)?.[0];
  return {
    exists: true,
    label,
    encrypted: label === 'ENCRYPTED PRIVATE KEY' || value('encrypted') === 'yes',
    publicKey: pub,
    readError: pub ? undefined : (value('error') ?? 'not a private key openssl can read'),
  };
}

/** A private key without a passphrase: asked with the other facts in one round trip. */
export const privateKey: Fact<KeyFileArgs, KeyFile> = {
  name: 'the private key',
  requires: ['openssl'],
  requiresIf: ({ path }) => `[ -e ${shellQuote(path)} ]`,
  script: keyScript,
  parse: parseKey,
};

/** A private key read with its passphrase, which travels on stdin (so in its own round trip). */
export const privateKeyWithPassphrase: Fact<KeyFileArgs, KeyFile> = {
  ...privateKey,
  input: ({ passphrase }) => `${passphrase ?? ''}\n`,
};

export function keyFact(args: KeyFileArgs): Fact<KeyFileArgs, KeyFile> {
  return args.passphrase === undefined ? privateKey : privateKeyWithPassphrase;
}

export interface X509FileArgs {
  path: string;
  kind: 'csr' | 'certificate';
}

export interface X509File {
  exists: boolean;
  /** What openssl printed, when it could read the file. */
  parsed?: X509Text;
  /** The CSR's signature is valid (CSRs only). */
  signatureOk?: boolean;
  readError?: string;
}

const NAMEOPT = '-nameopt utf8,sep_multiline,sname,esc_ctrl';

/** openssl reading a CSR or certificate (from `in`: a quoted path, or nothing for stdin) as text and PEM. */
function readX509Script(kind: X509FileArgs['kind'], input: string): string {
  const read =
    kind === 'csr'
      ? `openssl req${input} -text -pubkey -verify -reqopt no_pubkey,no_sigdump ${NAMEOPT}`
      : `openssl x509${input} -text -certopt no_pubkey,no_sigdump ${NAMEOPT}`;
  // openssl says "verify OK" / "verify failure" on stderr; the rest of stderr is an error message.
  return `if e=$(${read} 2>&1 >&3); then printf 'verify=%s\\n' "$e" | grep -i 'verify' | head -n 1; else printf 'error=%s\\n' "$(printf %s "$e" | grep -v -i 'verify' | head -n 1)"; fi 3>&1`;
}

export const x509File: Fact<X509FileArgs, X509File> = {
  name: 'the certificate or CSR',
  requires: ['openssl'],
  requiresIf: ({ path }) => `[ -e ${shellQuote(path)} ]`,
  script: ({ path, kind }) => {
    const p = shellQuote(path);
    return [`[ -e ${p} ] || { echo state=absent; exit 0; }`, 'echo state=present', readX509Script(kind, ` -in ${p}`)].join('\n');
  },
  parse: parseX509File,
};

/** A CSR or certificate given as content (the *_pipe modules): it reaches openssl on stdin. */
export const x509Content: Fact<X509FileArgs & { content: string }, X509File> = {
  name: 'the certificate or CSR content',
  requires: ['openssl'],
  script: ({ kind }) => ['echo state=present', readX509Script(kind, '')].join('\n'),
  input: ({ content }) => content,
  parse: parseX509File,
};

function parseX509File(stdout: string, { path, kind }: X509FileArgs, rc: number): X509File {
  if (rc !== 0) throw new ModuleFailure(`could not read ${path}: ${stdout.trim()}`);
  if (/^state=absent$/m.test(stdout)) return { exists: false };
  const error = /^error=(.*)$/m.exec(stdout);
  if (error) return { exists: true, readError: error[1] || `not a ${kind === 'csr' ? 'CSR' : 'certificate'} openssl can read` };
  const body = stdout.replace(/^state=present\n/m, '').replace(/^verify=.*\n?/m, '');
  const parsed = parseX509Text(body);
  const label = kind === 'csr' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE';
  if (!parsed.pem[label]) return { exists: true, readError: `no ${label} in ${path}` };
  return { exists: true, parsed, ...(kind === 'csr' ? { signatureOk: /^verify=.*verify OK/im.test(stdout) } : {}) };
}

/** A private key's PEM, for return_content only: a secret (the module declares its result key secret). */
export const keyContent: Fact<string, string | undefined> = {
  name: 'the private key content',
  script: (path) => `[ -f ${shellQuote(path)} ] && cat ${shellQuote(path)}`,
  parse: (stdout, _path, rc) => (rc === 0 ? stdout : undefined),
};
