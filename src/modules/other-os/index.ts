// Modules of other OS families' package managers and repositories, known by name and arguments.
import type { Module } from '../types.js';
import { otherOsModule } from './not-available.js';
import * as o from './options.js';

export const otherOsModules: Module[] = [
  otherOsModule({ name: 'yum', collection: 'ansible.builtin', family: 'RedHat', purpose: 'Manages packages with yum', options: o.yumOptions }),
  otherOsModule({ name: 'dnf', collection: 'ansible.builtin', family: 'RedHat', purpose: 'Manages packages with dnf', options: o.dnfOptions }),
  otherOsModule({ name: 'dnf5', collection: 'ansible.builtin', family: 'RedHat', purpose: 'Manages packages with dnf5', options: o.dnfOptions }),
  otherOsModule({ name: 'yum_repository', collection: 'ansible.builtin', family: 'RedHat', purpose: 'Adds or removes yum repositories', options: o.yumRepositoryOptions, required: ['name'] }),
  otherOsModule({ name: 'rpm_key', collection: 'ansible.builtin', family: 'RedHat', purpose: 'Adds or removes a GPG key in the rpm database', options: o.rpmKeyOptions, required: ['key'] }),
  otherOsModule({ name: 'zypper', collection: 'community.general', family: 'Suse', purpose: 'Manages packages with zypper', options: o.zypperOptions, required: ['name'] }),
  otherOsModule({ name: 'zypper_repository', collection: 'community.general', family: 'Suse', purpose: 'Adds or removes zypper repositories', options: o.zypperRepositoryOptions }),
  otherOsModule({ name: 'pacman', collection: 'community.general', family: 'Archlinux', purpose: 'Manages packages with pacman', options: o.pacmanOptions }),
  otherOsModule({ name: 'apk', collection: 'community.general', family: 'Alpine', purpose: 'Manages packages with apk', options: o.apkOptions }),
  otherOsModule({ name: 'pkgng', collection: 'community.general', family: 'FreeBSD', purpose: 'Manages packages with pkg', options: o.pkgngOptions, required: ['name'] }),
  otherOsModule({ name: 'openbsd_pkg', collection: 'community.general', family: 'OpenBSD', purpose: 'Manages packages with pkg_add', options: o.openbsdPkgOptions, required: ['name'] }),
  otherOsModule({ name: 'portage', collection: 'community.general', family: 'Gentoo', purpose: 'Manages packages with portage', options: o.portageOptions }),
  otherOsModule({ name: 'homebrew', collection: 'community.general', family: 'Darwin', purpose: 'Manages packages with Homebrew', options: o.homebrewOptions }),
  otherOsModule({ name: 'homebrew_tap', collection: 'community.general', family: 'Darwin', purpose: 'Taps Homebrew repositories', options: o.homebrewTapOptions, required: ['name'] }),
  otherOsModule({ name: 'homebrew_cask', collection: 'community.general', family: 'Darwin', purpose: 'Manages Homebrew casks', options: o.homebrewCaskOptions }),
];
