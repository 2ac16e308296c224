// apt's arguments with aliases resolved and Ansible's normalisations applied, and the apt-get words
// they turn into.
import { dpkgOptionArgs, lockTimeoutArgs } from '../apt-command.js';
import type { AptArgs, AptState } from './schema.js';

export interface AptOptions {
  /** Named packages (`*` taken out). */
  packages: string[];
  /** `name: '*'` with state=latest: upgrade everything installed. */
  allInstalled: boolean;
  state: AptState;
  upgrade?: 'yes' | 'safe' | 'full' | 'dist';
  deb?: string;
  purge: boolean;
  autoremove: boolean;
  autoclean: boolean;
  defaultRelease?: string;
  args: AptArgs;
}

export function aptOptions(args: AptArgs): AptOptions {
  const given = args.name ?? args.pkg ?? args.package ?? [];
  const upgrade = args.upgrade === true ? 'yes' : args.upgrade === false || args.upgrade === 'no' ? undefined : args.upgrade;
  return {
    packages: given.map((p) => p.trim()).filter((p) => p !== '*' && p !== ''),
    allInstalled: given.includes('*'),
    state: args.state ?? 'present',
    ...(upgrade ? { upgrade } : {}),
    ...(args.deb ? { deb: args.deb } : {}),
    purge: args.purge ?? false,
    autoremove: args.autoremove ?? false,
    autoclean: args.autoclean ?? false,
    ...(args.default_release ? { defaultRelease: args.default_release } : {}),
    args,
  };
}

/** Words every changing apt-get call shares: -y, dpkg options and the flags asked for. */
export function commonWords(o: AptOptions): string[] {
  const a = o.args;
  return [
    '-y',
    ...lockTimeoutArgs(a.lock_timeout),
    ...dpkgOptionArgs(a.dpkg_options),
    ...(a.force ? ['--force-yes'] : []),
    ...(a.fail_on_autoremove ? ['--no-remove'] : []),
    ...(a.allow_unauthenticated ? ['--allow-unauthenticated'] : []),
    ...(a.allow_downgrade || a.allow_downgrades ? ['--allow-downgrades'] : []),
    ...(a.allow_change_held_packages ? ['--allow-change-held-packages'] : []),
    ...(o.defaultRelease ? ['-t', o.defaultRelease] : []),
  ];
}

/** The apt-get words of the upgrade asked for (without -y and options). */
export function upgradeWords(o: AptOptions): string[] {
  const auto = o.autoremove ? ['--auto-remove'] : [];
  return o.upgrade === 'full' || o.upgrade === 'dist' ? ['dist-upgrade', ...auto] : ['upgrade', '--with-new-pkgs', ...auto];
}

/** -t RELEASE, for simulations as for the real thing. */
export function releaseWords(o: AptOptions): string[] {
  return o.defaultRelease ? ['-t', o.defaultRelease] : [];
}

export function recommendsWords(a: AptArgs): string[] {
  return a.install_recommends === undefined ? [] : ['-o', `APT::Install-Recommends=${a.install_recommends ? 'yes' : 'no'}`];
}
