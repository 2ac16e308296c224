// The systemctl command line for a task's scope and options, as every systemd fact and op uses it.
export interface SystemctlOptions {
  scope?: 'system' | 'user' | 'global';
  no_block?: boolean;
  force?: boolean;
}

export function systemctl(options: SystemctlOptions = {}): string {
  const words = ['systemctl'];
  if (options.scope && options.scope !== 'system') words.push(`--${options.scope}`);
  if (options.no_block) words.push('--no-block');
  if (options.force) words.push('--force');
  // A user manager is found through XDG_RUNTIME_DIR, which a non-login session may lack.
  const env = options.scope === 'user' ? 'XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/run/user/$(id -u)}" ' : '';
  return env + words.join(' ');
}
