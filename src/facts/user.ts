// The connecting (or become) user: user_id, uid/gid, home, shell, gecos.
import { sectionLines, type Sections } from './script.js';

export function userFacts(sections: Sections): Record<string, unknown> {
  const [uid = '', gid = '', name = '', _group = '', passwd = ''] = sectionLines(sections, 'user');
  const [, , , , gecos = '', dir = '', shell = ''] = passwd.split(':');
  return {
    user_id: name,
    user_uid: Number(uid),
    user_gid: Number(gid),
    user_dir: dir,
    user_shell: shell,
    user_gecos: gecos.split(',')[0],
    effective_user_id: Number(uid),
    effective_group_id: Number(gid),
  };
}
