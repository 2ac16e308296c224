// A package as written in `name`: `tree`, `tree=2.1.0-1`, `tree=2.*` (fnmatch on versions),
// `tree>=2.0`, optionally `tree:amd64`.
import { ModuleFailure } from '../../failure.js';

export interface PackageSpec {
  name: string;
  cmp?: '=' | '>=';
  version?: string;
}

export function parseSpec(spec: string): PackageSpec {
  if ((spec.match(/=/g) ?? []).length > 1) throw new ModuleFailure(`invalid package spec: ${spec}`);
  const m = /^([^=>]+?)(>?=)(.*)$/.exec(spec);
  if (!m) return { name: spec };
  return { name: m[1], cmp: m[2] as '=' | '>=', version: m[3] };
}

export function specName(spec: string): string {
  return parseSpec(spec).name;
}
