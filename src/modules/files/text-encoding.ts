// Text to bytes in a named encoding, as Python's str.encode(name) does it strictly (the template
// module's output_encoding). Only the encodings people write files in; others are refused by name.
import { ModuleFailure } from '../failure.js';

type Encoder = (text: string) => Buffer;

function limited(name: string, max: number, encoding: 'latin1' | 'ascii'): Encoder {
  return (text) => {
    const index = [...text].findIndex((c) => c.codePointAt(0)! > max);
    if (index !== -1) {
      const char = [...text][index]!;
      throw new ModuleFailure(`'${name}' codec can't encode character '\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}' in position ${index}`);
    }
    return Buffer.from(text, encoding);
  };
}

const swapBytes = (b: Buffer) => Buffer.from(b).swap16();

const ENCODERS: Record<string, Encoder> = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  ascii: limited('ascii', 0x7f, 'ascii'),
  'latin-1': limited('latin-1', 0xff, 'latin1'),
  'utf-16-le': (text) => Buffer.from(text, 'utf16le'),
  'utf-16-be': (text) => swapBytes(Buffer.from(text, 'utf16le')),
  // Python's utf-16 writes a byte order mark, then little-endian.
  'utf-16': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
};

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  u8: 'utf-8',
  'us-ascii': 'ascii',
  latin1: 'latin-1',
  latin: 'latin-1',
  l1: 'latin-1',
  'iso-8859-1': 'latin-1',
  'iso8859-1': 'latin-1',
  '8859': 'latin-1',
  cp819: 'latin-1',
  utf16: 'utf-16',
  'utf-16le': 'utf-16-le',
  'utf-16be': 'utf-16-be',
};

export function encodeText(text: string, encoding: string): Buffer {
  const name = encoding.toLowerCase().replace(/[_ ]/g, '-');
  const encoder = ENCODERS[ALIASES[name] ?? name];
  if (!encoder) throw new ModuleFailure(`output_encoding '${encoding}' is not supported by ha-run (supported: ${Object.keys(ENCODERS).join(', ')})`);
  return encoder(text);
}
