// The one way the controller reads a user's file (inventory, playbook, vars, template, role file, copy
// source): only a regular file, and never more than a bound. A device (/dev/zero), a FIFO or a directory
// where a file is expected is refused by what the open descriptor is, so nothing can swap it in between.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { HaRunError } from '../errors.js';

/** Inventories, playbooks, vars files, templates, limit files: text no one writes by hand beyond this. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
/** Files sent to targets whole (copy, script sources): read into memory, so bounded too. */
export const MAX_TRANSFER_SOURCE_BYTES = 1024 * 1024 * 1024;

/** A file that cannot be read as input; `code` is the diagnostic code, the message names no path (callers put it in the location). */
export class InputFileError extends HaRunError {
  constructor(
    code: 'file-not-found' | 'not-a-regular-file' | 'file-too-large' | 'file-unreadable',
    readonly path: string,
    message: string,
  ) {
    super(code, message, { location: { file: path, line: 1, col: 1 } });
    this.name = 'InputFileError';
  }
}

/**
 * Opens `path` for reading without blocking (a FIFO with no writer would wait for ever) and checks that
 * the descriptor is a regular file. The caller closes the descriptor.
 */
export function openRegularFile(path: string): { fd: number; stats: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw openFailure(path, err);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new InputFileError('not-a-regular-file', path, `${kindOf(stats)}, not a regular file`);
  }
  return { fd, stats };
}

/** The whole file, at most `maxBytes` of it (a file that grows while read is still cut off at the bound). */
export function readRegularFile(path: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  return readRegularFileWithStats(path, maxBytes).bytes;
}

/** readRegularFile, with the descriptor's stats (the mode of the very file read). */
export function readRegularFileWithStats(path: string, maxBytes = MAX_INPUT_BYTES): { bytes: Buffer; stats: Stats } {
  const { fd, stats } = openRegularFile(path);
  try {
    return { bytes: readBounded(fd, stats, path, maxBytes), stats };
  } finally {
    closeSync(fd);
  }
}

function readBounded(fd: number, stats: Stats, path: string, maxBytes: number): Buffer {
  try {
    if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
    // Read one byte past the bound: a file that grew after fstat is caught without reading it all.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(path, maxBytes);
        return growAndRead(fd, buffer, path, maxBytes);
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.subarray(0, length);
      length += n;
    }
  } catch (err) {
    if (err instanceof InputFileError) throw err;
    throw new InputFileError('file-unreadable', path, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** UTF-8 text of a regular file (invalid bytes become U+FFFD, as Node reads them). */
export function readRegularText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  return readRegularFile(path, maxBytes).toString('utf8');
}

/** Rare path: the file grew after fstat; keep reading in steps up to the bound. */
function growAndRead(fd: number, start: Buffer, path: string, maxBytes: number): Buffer {
  const chunks = [start];
  let total = start.length;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    total += n;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
}

function tooLarge(path: string, maxBytes: number): InputFileError {
  return new InputFileError('file-too-large', path, `file is larger than the limit of ${maxBytes} bytes`);
}

function openFailure(path: string, err: unknown): InputFileError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputFileError('file-not-found', path, 'file not found');
  if (code === 'EISDIR') return new InputFileError('not-a-regular-file', path, 'is a directory, not a regular file');
  return new InputFileError('file-unreadable', path, `cannot read file (${code ?? String(err)})`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'is a character device';
  if (stats.isBlockDevice()) return 'is a block device';
  if (stats.isSocket()) return 'is a socket';
  return 'is a special file';
}
