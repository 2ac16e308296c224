// Replacing a controller file whole: the data goes to a new temp file beside it, created exclusively under
// an unpredictable name (O_CREAT|O_EXCL: never an existing file, never through a symlink someone planted),
// then renamed over the destination. A failure removes the temp file and leaves the destination as it was.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `mode` applies to a new file (less the umask), as for any file the controller creates. */
export function replaceFile(dest: string, data: Buffer | string, mode = 0o666): void {
  const temp = join(dirname(dest), `.${basename(dest)}.ha-run-${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, dest);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw err;
  }
}
