// Digests: hash('sha256'), sha1, md5, checksum (Ansible's checksum is sha1 of the text).
import { createHash, getHashes } from 'node:crypto';
import { TemplateError } from '../errors.js';
import { pyStr } from '../python.js';
import type { FilterDef } from '../types.js';

function digest(algorithm: string, value: unknown): string {
  if (!getHashes().includes(algorithm)) throw new TemplateError('template-error', `hash: unsupported algorithm '${algorithm}'`);
  return createHash(algorithm).update(pyStr(value), 'utf8').digest('hex');
}

export const hashFilters: Record<string, FilterDef> = {
  hash: { fn: (v, [algorithm = 'sha1']) => digest(pyStr(algorithm), v) },
  sha1: { fn: (v) => digest('sha1', v) },
  md5: { fn: (v) => digest('md5', v) },
  checksum: { fn: (v) => digest('sha1', v) },
};
