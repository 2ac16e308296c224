// The configuration of this process (ansible.cfg found from the working directory, and the environment),
// read once per distinct environment: commands read it first, so its problems stop a run before anything
// else; other layers (role search path) ask it for single settings.
import { homedir } from 'node:os';
import { ValidationError, hasErrors } from '../errors.js';
import type { SettingName } from './definitions.js';
import { loadConfig, type ConfigValue, type LoadedConfig } from './load.js';

let cached: { key: string; config: LoadedConfig } | undefined;

/** The process's configuration; throws ValidationError (file:line:col) when a value cannot work. */
export function activeConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoadedConfig {
  const home = env.HOME ?? homedir();
  const key = JSON.stringify([cwd, home, Object.entries(env).filter(([k]) => k.startsWith('ANSIBLE_')).sort()]);
  if (cached?.key !== key) cached = { key, config: loadConfig({ env, cwd, home }) };
  const { config } = cached;
  if (hasErrors(config.diagnostics)) throw new ValidationError(config.diagnostics.filter((d) => d.severity === 'error'));
  return config;
}

/** One setting's value, or undefined when neither the file nor the environment sets it. */
export function configValue<T extends ConfigValue>(name: SettingName, env?: NodeJS.ProcessEnv): T | undefined {
  return activeConfig(env).settings.get(name)?.value as T | undefined;
}
