// A tiny image for Docker tests without a registry: busybox-static from Debian's mirror, imported
// into the controller's Docker engine as ha-run-test/busybox:1 and saved to a tar archive (made once
// per machine, then reused). Tests copy the archive to a lab host and load it there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, mkdirSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BUSYBOX_IMAGE = 'ha-run-test/busybox:1';
const ARCHIVE = join(tmpdir(), 'ha-run-test-busybox-1.tar');

export function busyboxImageArchive(): string {
  if (existsSync(ARCHIVE)) return ARCHIVE;
  const work = mkdtempSync(join(tmpdir(), 'ha-run-busybox-'));
  try {
    execFileSync('apt-get', ['download', 'busybox-static'], { cwd: work, stdio: 'pipe' });
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'))!;
    execFileSync('dpkg-deb', ['-x', deb, 'deb'], { cwd: work, stdio: 'pipe' });
    const bin = join(work, 'rootfs/bin');
    mkdirSync(bin, { recursive: true });
    copyFileSync(join(work, 'deb/bin/busybox'), join(bin, 'busybox'));
    for (const applet of ['sh', 'sleep', 'true', 'cat', 'echo', 'env']) symlinkSync('busybox', join(bin, applet));
    execFileSync('tar', ['-C', join(work, 'rootfs'), '-cf', join(work, 'rootfs.tar'), '.'], { stdio: 'pipe' });
    execFileSync('docker', ['import', '-c', 'CMD ["/bin/sh"]', join(work, 'rootfs.tar'), BUSYBOX_IMAGE], { stdio: 'pipe' });
    execFileSync('docker', ['image', 'save', '-o', join(work, 'image.tar'), BUSYBOX_IMAGE], { stdio: 'pipe' });
    execFileSync('docker', ['image', 'rm', BUSYBOX_IMAGE], { stdio: 'pipe' });
    // Whole or not at all: a test run cut short leaves no half archive behind.
    renameSync(join(work, 'image.tar'), ARCHIVE);
    return ARCHIVE;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
