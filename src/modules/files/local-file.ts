// A controller file too big to hold in memory: read once to take its size and checksums (to compare with
// the target's copy and to register them), then streamed again by the connection when it is sent.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream } from 'node:fs';
import { MAX_TRANSFER_SOURCE_BYTES, openRegularFile, readRegularFile } from '../../source/read-file.js';
import { STREAM_CHUNK, type LocalFileSource } from '../../connection/types.js';

export interface LocalFile extends LocalFileSource {
  md5: string;
}

/** What a file should contain: bytes in memory, or a controller file read when needed. */
export type Content = Buffer | LocalFile;

/** Files up to this size are simply read (diffs show them); bigger ones are streamed. */
export const READ_WHOLE_MAX = 256 * 1024;

/** Checksums already taken, by file identity and last change: a task reads its src again after the write. */
const hashed = new Map<string, LocalFile>();

/** The file's bytes when it is small, else its size and checksums taken in one streaming pass. */
export async function readLocalContent(path: string): Promise<Content> {
  // Only a regular file (checked on the opened file: a FIFO never blocks), up to the transfer bound.
  const { fd, stats: st } = openRegularFile(path);
  closeSync(fd);
  if (st.size > MAX_TRANSFER_SOURCE_BYTES) return readRegularFile(path, MAX_TRANSFER_SOURCE_BYTES);
  if (st.size <= READ_WHOLE_MAX) return readRegularFile(path, MAX_TRANSFER_SOURCE_BYTES);
  const key = [path, st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs].join('\0');
  const known = hashed.get(key);
  if (known) return known;
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  let size = 0;
  for await (const piece of createReadStream(path, { highWaterMark: STREAM_CHUNK }) as AsyncIterable<Buffer>) {
    sha1.update(piece);
    md5.update(piece);
    size += piece.length;
  }
  const file = { localPath: path, size, sha1: sha1.digest('hex'), md5: md5.digest('hex') };
  hashed.set(key, file);
  return file;
}

export function contentSize(c: Content): number {
  return Buffer.isBuffer(c) ? c.length : c.size;
}

export function contentSha1(c: Content): string {
  return Buffer.isBuffer(c) ? createHash('sha1').update(c).digest('hex') : c.sha1;
}

export function contentMd5(c: Content): string {
  return Buffer.isBuffer(c) ? createHash('md5').update(c).digest('hex') : c.md5;
}
