// openssl_privatekey's pure plan: a key is made again only when the one there does not match what
// is asked (passphrase, type, size or curve, format), and the reason says which.
import { ModuleFailure } from '../../failure.js';
import type { FileState } from '../../files/file-probe.js';
import type { Change } from '../../types.js';
import type { KeyFile } from '../facts.js';
import { absentChanges, backupBefore, keptFileChanges } from '../file-args.js';
import { curveName, describePublicKey, opensslCurve, type PublicKeyInfo } from '../public-key.js';
import { writeOp } from '../write-file.js';
import type { PrivateKeyArgs } from './schema.js';

export interface PrivateKeyFacts {
  file: FileState;
  key: KeyFile;
  /** The key's PEM, only read for return_content. */
  content?: string;
}

export const DEFAULT_MODE = '0600';

const TRADITIONAL: Record<string, string> = { RSA: 'RSA PRIVATE KEY', ECC: 'EC PRIVATE KEY', DSA: 'DSA PRIVATE KEY' };

export function wantedType(args: PrivateKeyArgs): string {
  return args.type ?? 'RSA';
}

/** "RSA 4096", "ECC secp384r1", "Ed25519". */
function describeWanted(args: PrivateKeyArgs): string {
  const type = wantedType(args);
  if (type === 'RSA' || type === 'DSA') return `${type} ${args.size ?? 4096}`;
  if (type === 'ECC') return `ECC ${curveName(args.curve ?? '')}`;
  return type;
}

function describeExisting(info: PublicKeyInfo): string {
  if (info.type === 'RSA' || info.type === 'DSA') return `${info.type} ${info.size}`;
  if (info.type === 'ECC') return `ECC ${info.curve}`;
  return info.type;
}

/** Why the existing key cannot stay: passphrase problems, then type and size, then format. */
function mismatch(args: PrivateKeyArgs, key: KeyFile): { reason: string; level: 'passphrase' | 'type' | 'format' } | undefined {
  const passphrase = args.passphrase !== undefined;
  if (key.encrypted && !passphrase) return { reason: 'the key is protected by a passphrase and none is given', level: 'passphrase' };
  if (!key.encrypted && passphrase && key.publicKey) return { reason: 'the key has no passphrase and one is given', level: 'passphrase' };
  if (!key.publicKey) return { reason: `the key cannot be read${passphrase ? ' with the passphrase given' : ''} (${key.readError})`, level: 'passphrase' };
  if (args.regenerate === 'never') return undefined;
  const info = describePublicKey(key.publicKey);
  const have = describeExisting(info);
  const want = describeWanted(args);
  if (have !== want) return { reason: `${info.type === wantedType(args) ? (info.type === 'ECC' ? 'curve' : 'size') : 'type'} differs: ${have} -> ${want}`, level: 'type' };
  if (args.format_mismatch !== 'convert') {
    const format = args.format ?? 'auto_ignore';
    const pkcs1 = key.label === TRADITIONAL[info.type];
    const wantPkcs1 = format === 'pkcs1' || (format === 'auto' && TRADITIONAL[info.type] !== undefined);
    if (format !== 'auto_ignore' && pkcs1 !== wantPkcs1) return { reason: `format differs: ${pkcs1 ? 'pkcs1' : 'pkcs8'} -> ${wantPkcs1 ? 'pkcs1' : 'pkcs8'}`, level: 'format' };
  }
  return undefined;
}

const TOLERATED: Record<string, string[]> = {
  // Which mismatches each `regenerate` value answers with a new key (the others fail).
  never: [],
  fail: [],
  partial_idempotence: ['type', 'format'],
  full_idempotence: ['passphrase', 'type', 'format'],
};

export function regenerationReason(args: PrivateKeyArgs, facts: PrivateKeyFacts): string | undefined {
  if (!facts.key.exists) return 'no key yet';
  if (args.force) return 'force';
  if (args.regenerate === 'always') return 'regenerate=always';
  const found = mismatch(args, facts.key);
  if (!found) return undefined;
  const regenerate = args.regenerate ?? 'full_idempotence';
  if (TOLERATED[regenerate]!.includes(found.level)) return found.reason;
  if (found.level === 'passphrase') {
    throw new ModuleFailure(
      `Unable to read the key ${args.path}: ${found.reason}. To make a new key, set regenerate to full_idempotence or always, or force to true.`,
    );
  }
  throw new ModuleFailure(`The key ${args.path} does not match (${found.reason}). To make a new key, set regenerate to partial_idempotence, full_idempotence or always, or force to true.`);
}

/** The shell that writes a new key to "$t"; its passphrase comes on fd 3 (the task's stdin). */
export function generateScript(args: PrivateKeyArgs): string {
  const type = wantedType(args);
  let gen: string;
  if (type === 'RSA') gen = `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:${args.size ?? 4096}`;
  else if (type === 'ECC') gen = `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:${opensslCurve(args.curve!)} -pkeyopt ec_param_enc:named_curve`;
  else if (type === 'DSA') throw new ModuleFailure('type DSA is not supported by ha-run: use RSA, ECC or Ed25519');
  else gen = `openssl genpkey -algorithm ${type.toUpperCase()}`;
  const format = args.format ?? 'auto_ignore';
  if (format === 'raw') throw new ModuleFailure('format raw is not supported by ha-run');
  const traditional = TRADITIONAL[type] !== undefined && format !== 'pkcs8';
  if (format === 'pkcs1' && !traditional) throw new ModuleFailure(`a ${type} key cannot be written in PKCS#1 format`);
  const cipher = !args.cipher || args.cipher === 'auto' ? 'aes256' : args.cipher;
  if (!/^[A-Za-z0-9-]+$/.test(cipher)) throw new ModuleFailure(`cipher ${cipher} is not an openssl cipher name`);
  const encrypt = args.passphrase !== undefined ? ` -${cipher} -passout fd:3` : '';
  return `${gen} | openssl pkey${traditional ? ' -traditional' : ''}${encrypt} -out "$t"`;
}

export function planPrivateKey(args: PrivateKeyArgs, facts: PrivateKeyFacts): Change[] {
  if (args.state === 'absent') return absentChanges(args, facts.file);
  if (wantedType(args) === 'ECC' && !args.curve) throw new ModuleFailure('curve is required when type is ECC');
  if (facts.file.type === 'directory') throw new ModuleFailure(`${args.path} is a directory`);
  const attrs = { ...args, mode: args.mode ?? DEFAULT_MODE };
  const reason = regenerationReason(args, facts);
  if (reason === undefined) return keptFileChanges({ ...attrs }, facts.file);
  const stdin = args.passphrase !== undefined ? `${args.passphrase}\n` : undefined;
  return [
    {
      summary: `generate ${describeWanted(args)} private key${args.passphrase !== undefined ? ' with a passphrase' : ''} (${reason})`,
      diff: { path: args.path, before: facts.key.exists ? keyInfoText(facts.key) : '', after: wantedInfoText(args) },
      ops: [...backupBefore(args, facts.file), writeOp(args.path, generateScript(args), attrs, facts.file, stdin)],
    },
  ];
}

function wantedInfoText(args: PrivateKeyArgs): string {
  const type = wantedType(args);
  if (type === 'ECC') return `type: ECC\ncurve: ${curveName(args.curve!)}\n`;
  return type === 'RSA' ? `type: RSA\nsize: ${args.size ?? 4096}\n` : `type: ${type}\n`;
}

/** What --diff shows of a key: its type and size or curve, never the key. */
function keyInfoText(key: KeyFile): string {
  if (!key.publicKey) return 'unreadable\n';
  const info = describePublicKey(key.publicKey);
  if (info.type === 'ECC') return `type: ECC\ncurve: ${info.curve}\n`;
  return info.type === 'RSA' ? `type: RSA\nsize: ${info.size}\n` : `type: ${info.type}\n`;
}
