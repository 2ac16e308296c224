// openssl_csr's pure plan: make the CSR again only when the one there does not hold what is asked
// (subject, SANs, key usages, basic constraints, the private key), saying which.
import type { FileState } from '../../files/file-probe.js';
import type { Change } from '../../types.js';
import { csrInfoText, csrKeySource, csrMismatch, reqCommand, usableKey, wantedInfoText } from '../csr/make.js';
import { keyInput, keyPrelude } from '../key-source.js';
import { csrSpec } from '../csr/spec.js';
import type { KeyFile, X509File } from '../facts.js';
import { absentChanges, backupBefore, keptFileChanges } from '../file-args.js';
import { writeOp } from '../write-file.js';
import type { CsrArgs } from './schema.js';
import { ModuleFailure } from '../../failure.js';

export interface CsrFacts {
  file: FileState;
  csr: X509File;
  key: KeyFile;
}

export function planCsr(args: CsrArgs, facts: CsrFacts): Change[] {
  if (args.state === 'absent') return absentChanges(args, facts.file);
  if (facts.file.type === 'directory') throw new ModuleFailure(`${args.path} is a directory`);
  const publicKey = usableKey(args, facts.key);
  const spec = csrSpec(args);
  const source = csrKeySource(args);
  const reason = args.force && facts.csr.exists ? 'force' : csrMismatch(spec, publicKey, facts.csr);
  if (reason === undefined) return keptFileChanges(args, facts.file);
  return [
    {
      summary: `generate CSR for ${spec.subject.map(([k, v]) => `${k}=${v}`).join(',') || 'an empty subject'} (${reason})`,
      diff: { path: args.path, before: csrInfoText(facts.csr), after: wantedInfoText(spec) },
      ops: [...backupBefore(args, facts.file), writeOp(args.path, `${keyPrelude(source)}\n${reqCommand(args, spec, publicKey, '"$t"')}`, args, facts.file, keyInput(source))],
    },
  ];
}
