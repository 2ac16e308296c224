// x509_certificate's pure plan: issue the certificate again only when the one there does not match
// its key, its CSR, its signer (or, with ignore_timestamps=false, the validity asked), saying why.
import { ModuleFailure } from '../../failure.js';
import type { FileState } from '../../files/file-probe.js';
import type { Change } from '../../types.js';
import { absentChanges, backupBefore, keptFileChanges } from '../file-args.js';
import { writeOp } from '../write-file.js';
import { planIssue, type IssueFacts } from './issue.js';
import type { CertificateArgs } from './schema.js';

export interface CertificateFacts extends IssueFacts {
  file: FileState;
}

export function planCertificate(args: CertificateArgs, facts: CertificateFacts): Change[] {
  if (args.state === 'absent') return absentChanges(args, facts.file);
  if (facts.file.type === 'directory') throw new ModuleFailure(`${args.path} is a directory`);
  const issue = planIssue(args, facts, args.force === true);
  if (issue.reason === undefined) return keptFileChanges(args, facts.file);
  return [
    {
      summary: issue.summary,
      diff: { path: args.path, before: issue.before, after: issue.after },
      ops: [...backupBefore(args, facts.file), writeOp(args.path, issue.script, args, facts.file, issue.stdin)],
    },
  ];
}
