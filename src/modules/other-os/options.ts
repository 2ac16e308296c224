// The arguments of other OS families' package modules, by name, type, choices and aliases, as their
// documentation (ansible-core 2.14 and community.general) declares them: enough to check a task
// before running, not to run it. dnf5 takes dnf's.
import type { OptionTable } from './option-schema.js';

/** What yum and dnf both take. */
const yumAndDnfOptions: OptionTable = {
  allow_downgrade: { type: 'bool' },
  autoremove: { type: 'bool' },
  bugfix: { type: 'bool' },
  cacheonly: { type: 'bool' },
  conf_file: { type: 'str' },
  disable_excludes: { type: 'str' },
  disable_gpg_check: { type: 'bool' },
  disable_plugin: { type: 'list' },
  disablerepo: { type: 'list' },
  download_dir: { type: 'str' },
  download_only: { type: 'bool' },
  enable_plugin: { type: 'list' },
  enablerepo: { type: 'list' },
  exclude: { type: 'list' },
  install_repoquery: { type: 'bool' },
  install_weak_deps: { type: 'bool' },
  installroot: { type: 'str' },
  list: { type: 'str' },
  lock_timeout: { type: 'int' },
  name: { type: 'list', aliases: ['pkg'] },
  releasever: { type: 'str' },
  security: { type: 'bool' },
  skip_broken: { type: 'bool' },
  sslverify: { type: 'bool' },
  update_cache: { type: 'bool', aliases: ['expire-cache'] },
  update_only: { type: 'bool' },
  validate_certs: { type: 'bool' },
};

export const dnfOptions: OptionTable = {
  ...yumAndDnfOptions,
  allowerasing: { type: 'bool' },
  nobest: { type: 'bool' },
  state: { type: 'str', choices: ['absent', 'present', 'installed', 'removed', 'latest'] },
};

export const rpmKeyOptions: OptionTable = {
  fingerprint: { type: 'str' },
  key: { type: 'str' },
  state: { type: 'str', choices: ['absent', 'present'] },
  validate_certs: { type: 'bool' },
};

export const yumOptions: OptionTable = {
  ...yumAndDnfOptions,
  state: { type: 'str', choices: ['absent', 'installed', 'latest', 'present', 'removed'] },
  use_backend: { type: 'str', choices: ['auto', 'yum', 'yum4', 'dnf'] },
};

export const yumRepositoryOptions: OptionTable = {
  async: { type: 'bool' },
  attributes: { type: 'str', aliases: ['attr'] },
  bandwidth: { type: 'str' },
  baseurl: { type: 'list' },
  cost: { type: 'str' },
  deltarpm_metadata_percentage: { type: 'str' },
  deltarpm_percentage: { type: 'str' },
  description: { type: 'str' },
  enabled: { type: 'bool' },
  enablegroups: { type: 'bool' },
  exclude: { type: 'list' },
  failovermethod: { type: 'str', choices: ['roundrobin', 'priority'] },
  file: { type: 'str' },
  gpgcakey: { type: 'str' },
  gpgcheck: { type: 'bool' },
  gpgkey: { type: 'list' },
  group: { type: 'str' },
  http_caching: { type: 'str', choices: ['all', 'packages', 'none'] },
  include: { type: 'str' },
  includepkgs: { type: 'list' },
  ip_resolve: { type: 'str', choices: ['4', '6', 'IPv4', 'IPv6', 'whatever'] },
  keepalive: { type: 'bool' },
  keepcache: { type: 'str', choices: ['0', '1'] },
  metadata_expire: { type: 'str' },
  metadata_expire_filter: { type: 'str', choices: ['never', 'read-only:past', 'read-only:present', 'read-only:future'] },
  metalink: { type: 'str' },
  mirrorlist: { type: 'str' },
  mirrorlist_expire: { type: 'str' },
  mode: { type: 'raw' },
  module_hotfixes: { type: 'bool' },
  name: { type: 'str' },
  owner: { type: 'str' },
  password: { type: 'str' },
  priority: { type: 'str' },
  protect: { type: 'bool' },
  proxy: { type: 'str' },
  proxy_password: { type: 'str' },
  proxy_username: { type: 'str' },
  repo_gpgcheck: { type: 'bool' },
  reposdir: { type: 'path' },
  retries: { type: 'str' },
  s3_enabled: { type: 'bool' },
  selevel: { type: 'str' },
  serole: { type: 'str' },
  setype: { type: 'str' },
  seuser: { type: 'str' },
  skip_if_unavailable: { type: 'bool' },
  ssl_check_cert_permissions: { type: 'bool' },
  sslcacert: { type: 'str', aliases: ['ca_cert'] },
  sslclientcert: { type: 'str', aliases: ['client_cert'] },
  sslclientkey: { type: 'str', aliases: ['client_key'] },
  sslverify: { type: 'bool', aliases: ['validate_certs'] },
  state: { type: 'str', choices: ['absent', 'present'] },
  throttle: { type: 'str' },
  timeout: { type: 'str' },
  ui_repoid_vars: { type: 'str' },
  unsafe_writes: { type: 'bool' },
  username: { type: 'str' },
};

export const apkOptions: OptionTable = {
  available: { type: 'bool' },
  name: { type: 'list' },
  no_cache: { type: 'bool' },
  repository: { type: 'list' },
  state: { type: 'str', choices: ['present', 'absent', 'latest', 'installed', 'removed'] },
  update_cache: { type: 'bool' },
  upgrade: { type: 'bool' },
  world: { type: 'str' },
};

export const homebrewOptions: OptionTable = {
  install_options: { type: 'list', aliases: ['options'] },
  name: { type: 'list', aliases: ['formula', 'package', 'pkg'] },
  path: { type: 'path' },
  state: { type: 'str', choices: ['absent', 'head', 'installed', 'latest', 'linked', 'present', 'removed', 'uninstalled', 'unlinked', 'upgraded'] },
  update_homebrew: { type: 'bool' },
  upgrade_all: { type: 'bool', aliases: ['upgrade'] },
  upgrade_options: { type: 'list' },
};

export const homebrewCaskOptions: OptionTable = {
  accept_external_apps: { type: 'bool' },
  greedy: { type: 'bool' },
  install_options: { type: 'list', aliases: ['options'] },
  name: { type: 'list', aliases: ['cask', 'package', 'pkg'] },
  path: { type: 'path' },
  state: { type: 'str', choices: ['absent', 'installed', 'latest', 'present', 'removed', 'uninstalled', 'upgraded'] },
  sudo_password: { type: 'str' },
  update_homebrew: { type: 'bool' },
  upgrade_all: { type: 'bool', aliases: ['upgrade'] },
};

export const homebrewTapOptions: OptionTable = {
  name: { type: 'list', aliases: ['tap'] },
  path: { type: 'path' },
  state: { type: 'str', choices: ['present', 'absent'] },
  url: { type: 'str' },
};

export const openbsdPkgOptions: OptionTable = {
  build: { type: 'bool' },
  clean: { type: 'bool' },
  name: { type: 'list' },
  ports_dir: { type: 'path' },
  quick: { type: 'bool' },
  snapshot: { type: 'bool' },
  state: { type: 'str', choices: ['absent', 'latest', 'present', 'installed', 'removed'] },
};

export const pacmanOptions: OptionTable = {
  executable: { type: 'str' },
  extra_args: { type: 'str' },
  force: { type: 'bool' },
  name: { type: 'list', aliases: ['package', 'pkg'] },
  reason: { type: 'str', choices: ['dependency', 'explicit'] },
  reason_for: { type: 'str', choices: ['all', 'new'] },
  remove_nosave: { type: 'bool' },
  state: { type: 'str', choices: ['absent', 'installed', 'latest', 'present', 'removed'] },
  update_cache: { type: 'bool' },
  update_cache_extra_args: { type: 'str' },
  upgrade: { type: 'bool' },
  upgrade_extra_args: { type: 'str' },
};

export const pkgngOptions: OptionTable = {
  annotation: { type: 'list' },
  autoremove: { type: 'bool' },
  cached: { type: 'bool' },
  chroot: { type: 'path' },
  ignore_osver: { type: 'bool' },
  jail: { type: 'str' },
  name: { type: 'list', aliases: ['pkg'] },
  pkgsite: { type: 'str' },
  rootdir: { type: 'path' },
  state: { type: 'str', choices: ['present', 'latest', 'absent'] },
};

export const portageOptions: OptionTable = {
  backtrack: { type: 'int' },
  changed_use: { type: 'bool' },
  deep: { type: 'bool' },
  depclean: { type: 'bool' },
  getbinpkg: { type: 'bool' },
  getbinpkgonly: { type: 'bool' },
  jobs: { type: 'int' },
  keepgoing: { type: 'bool' },
  loadavg: { type: 'float' },
  newuse: { type: 'bool' },
  nodeps: { type: 'bool' },
  noreplace: { type: 'bool' },
  oneshot: { type: 'bool' },
  onlydeps: { type: 'bool' },
  package: { type: 'list', aliases: ['name'] },
  quiet: { type: 'bool' },
  quietbuild: { type: 'bool' },
  quietfail: { type: 'bool' },
  state: { type: 'str', choices: ['present', 'installed', 'emerged', 'absent', 'removed', 'unmerged', 'latest'] },
  sync: { type: 'str', choices: ['web', 'yes', 'no'] },
  update: { type: 'bool' },
  usepkg: { type: 'bool' },
  usepkgonly: { type: 'bool' },
  verbose: { type: 'bool' },
  withbdeps: { type: 'bool' },
};

export const zypperOptions: OptionTable = {
  allow_vendor_change: { type: 'bool' },
  clean_deps: { type: 'bool' },
  disable_gpg_check: { type: 'bool' },
  disable_recommends: { type: 'bool' },
  extra_args: { type: 'str' },
  extra_args_precommand: { type: 'str' },
  force: { type: 'bool' },
  force_resolution: { type: 'bool' },
  name: { type: 'list', aliases: ['pkg'] },
  oldpackage: { type: 'bool' },
  replacefiles: { type: 'bool' },
  state: { type: 'str', choices: ['present', 'latest', 'absent', 'dist-upgrade', 'installed', 'removed'] },
  type: { type: 'str', choices: ['package', 'patch', 'pattern', 'product', 'srcpackage', 'application'] },
  update_cache: { type: 'bool', aliases: ['refresh'] },
};

export const zypperRepositoryOptions: OptionTable = {
  auto_import_keys: { type: 'bool' },
  autorefresh: { type: 'bool', aliases: ['refresh'] },
  description: { type: 'str' },
  disable_gpg_check: { type: 'bool' },
  enabled: { type: 'bool' },
  name: { type: 'str' },
  overwrite_multiple: { type: 'bool' },
  priority: { type: 'int' },
  repo: { type: 'str' },
  runrefresh: { type: 'bool' },
  state: { type: 'str', choices: ['absent', 'present'] },
};
