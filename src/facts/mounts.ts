// mounts: every device-backed mount with its sizes, from /proc/self/mountinfo plus statfs (`stat -f`),
// in Ansible's shape (bind mounts carry ",bind" in options; uuid needs blkid, so "N/A").
import { sectionLines, type Sections } from './script.js';

/** mountinfo escapes space, tab, newline and backslash as octal. */
function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function mountsFacts(sections: Sections): Record<string, unknown> {
  const mounts: Record<string, unknown>[] = [];
  for (const line of sectionLines(sections, 'mounts')) {
    const bar = line.lastIndexOf('|');
    const fields = line.slice(0, bar).split(' ');
    const [blockSize, blocks, available, inodes, freeInodes] = line.slice(bar + 1).trim().split(' ').map(Number);
    const dash = fields.indexOf('-');
    if (dash < 6 || blockSize === undefined || Number.isNaN(blockSize)) continue;
    const [, , , root, mountPoint, mountOptions] = fields;
    const [fstype, device, superOptions = ''] = fields.slice(dash + 1);
    // /proc/mounts' options: the mount's own, then the filesystem's (without its rw/ro).
    const options = [mountOptions, ...superOptions.split(',').filter((o) => o !== 'rw' && o !== 'ro' && !mountOptions.split(',').includes(o))]
      .filter(Boolean)
      .join(',');
    mounts.push({
      block_available: available,
      block_size: blockSize,
      block_total: blocks,
      block_used: blocks - available,
      device: unescapeMount(device),
      fstype,
      inode_available: freeInodes,
      inode_total: inodes,
      inode_used: inodes - freeInodes,
      mount: unescapeMount(mountPoint),
      options: root === '/' ? options : `${options},bind`,
      size_available: available * blockSize,
      size_total: blocks * blockSize,
      uuid: 'N/A',
    });
  }
  return { mounts };
}
