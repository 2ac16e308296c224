// Just enough OpenPGP (RFC 4880) to manage apt keyrings without gpg on the target: split armored or
// binary data into keys (a primary public key and the packets after it), compute v4 fingerprints,
// and write keys back (binary, or armored with the CRC-24 checksum).
import { createHash } from 'node:crypto';

export interface PgpKey {
  /** Fingerprint of the primary key, upper-case hex. */
  fingerprint: string;
  /** Fingerprints of the primary key and its subkeys. */
  fingerprints: string[];
  /** The key's packets, as they were (binary). */
  bytes: Buffer;
}

const BEGIN = /-----BEGIN PGP PUBLIC KEY BLOCK-----/;

/** The keys in armored or binary data; throws on data that is neither. */
export function readKeys(data: Buffer): PgpKey[] {
  const text = data.toString('latin1');
  const binary = BEGIN.test(text) ? dearmor(text) : data;
  const packets = splitPackets(binary);
  const keys: PgpKey[] = [];
  let current: { start: number; end: number; fprs: string[] } | undefined;
  const flush = () => current && keys.push({ fingerprint: current.fprs[0], fingerprints: current.fprs, bytes: binary.subarray(current.start, current.end) });
  for (const p of packets) {
    if (p.tag === 6) {
      flush();
      current = { start: p.start, end: p.end, fprs: [fingerprintOf(p.body)] };
    } else if (current) {
      current.end = p.end;
      if (p.tag === 14) current.fprs.push(fingerprintOf(p.body));
    }
  }
  flush();
  if (keys.length === 0) throw new Error('no OpenPGP public key found');
  return keys;
}

interface Packet {
  tag: number;
  start: number;
  end: number;
  body: Buffer;
}

function splitPackets(data: Buffer): Packet[] {
  const out: Packet[] = [];
  let i = 0;
  while (i < data.length) {
    const start = i;
    const head = data[i++];
    if ((head & 0x80) === 0) throw new Error('not OpenPGP data');
    let tag: number;
    let length: number;
    if (head & 0x40) {
      tag = head & 0x3f;
      const o1 = data[i++];
      if (o1 < 192) length = o1;
      else if (o1 < 224) length = ((o1 - 192) << 8) + data[i++] + 192;
      else if (o1 === 255) {
        length = data.readUInt32BE(i);
        i += 4;
      } else throw new Error('partial-length packets are not used in keys');
    } else {
      tag = (head >> 2) & 0x0f;
      const type = head & 3;
      if (type === 0) length = data[i++];
      else if (type === 1) {
        length = data.readUInt16BE(i);
        i += 2;
      } else if (type === 2) {
        length = data.readUInt32BE(i);
        i += 4;
      } else length = data.length - i;
    }
    if (i + length > data.length) throw new Error('truncated OpenPGP data');
    out.push({ tag, start, end: i + length, body: data.subarray(i, i + length) });
    i += length;
  }
  return out;
}

/** v4: SHA-1 over 0x99, the two-byte length and the key packet's body. */
function fingerprintOf(body: Buffer): string {
  if (body[0] !== 4) return `V${body[0]}-KEY`;
  const head = Buffer.from([0x99, body.length >> 8, body.length & 0xff]);
  return createHash('sha1').update(head).update(body).digest('hex').toUpperCase();
}

function dearmor(text: string): Buffer {
  const parts: Buffer[] = [];
  const blocks = text.split(/-----BEGIN PGP PUBLIC KEY BLOCK-----/).slice(1);
  for (const block of blocks) {
    const body = block.split(/-----END PGP PUBLIC KEY BLOCK-----/)[0];
    const lines = body.split(/\r?\n/);
    // Armor headers end at the first blank line.
    const blank = lines.findIndex((l, n) => n > 0 && l.trim() === '');
    const data = lines
      .slice(blank < 0 ? 1 : blank + 1)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('='))
      .join('');
    parts.push(Buffer.from(data, 'base64'));
  }
  return Buffer.concat(parts);
}

/** Armored text of binary key data (RFC 4880 section 6), as gpg --armor --export writes it. */
export function armor(data: Buffer): string {
  const lines = data.toString('base64').match(/.{1,64}/g) ?? [];
  const crc = Buffer.alloc(3);
  crc.writeUIntBE(crc24(data), 0, 3);
  return ['-----BEGIN PGP PUBLIC KEY BLOCK-----', '', ...lines, `=${crc.toString('base64')}`, '-----END PGP PUBLIC KEY BLOCK-----', ''].join('\n');
}

function crc24(data: Buffer): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** Does a key answer to this id (short 8, long 16 or full 40 hex digits, optional 0x)? */
export function keyMatches(key: PgpKey, id: string): boolean {
  const want = id.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
  return key.fingerprints.some((f) => f.endsWith(want));
}
