// The target's package manager, named as Ansible's ansible_pkg_mgr fact names it: for `package`
// when facts were not gathered.
import { PKG_MGR_TOOLS, pkgMgrOf } from '../../facts/pkg-mgr.js';
import type { Fact } from '../kit/fact.js';

export const pkgMgr: Fact<void, string> = {
  name: 'the package manager',
  script: () => `for p in ${PKG_MGR_TOOLS.join(' ')}; do command -v "$p" >/dev/null 2>&1 && echo "$p"; done; true`,
  parse: (stdout) => pkgMgrOf(stdout.split('\n').map((l) => l.trim())),
};
