// lookup('config', 'NAME', ..., on_missing=error|warn|skip, plugin_type=..., plugin_name=...): the
// value of an Ansible setting. Global settings are the ones ha-run reads (src/config/), given as
// ansible.cfg or ANSIBLE_* set them, else Ansible's default; a few connection and shell plugin options
// are read as Ansible reads them (the host's variables first). Anything else is a missing setting.
import { SETTINGS, type SettingName } from '../config/definitions.js';
import { configValue } from '../config/active.js';
import { TemplateError } from './errors.js';
import { pyStr, typeName } from './python.js';
import type { Evaluator, Kwargs } from './types.js';
import { isUndefined } from './undefined.js';

/** Ansible's defaults for the settings ha-run reads (what its lookup gives when nothing sets them). */
const ANSIBLE_DEFAULTS: Partial<Record<SettingName, unknown>> = {
  inventory: ['/etc/ansible/hosts'],
  roles_path: ['~/.ansible/roles', '/usr/share/ansible/roles', '/etc/ansible/roles'],
  forks: 5,
  remote_user: null,
  private_key_file: null,
  host_key_checking: true,
  timeout: 10,
  become: false,
  become_user: 'root',
  become_method: 'sudo',
  log_path: null,
  stdout_callback: 'default',
  vault_password_file: null,
};

/** Settings ha-run does not use but that playbooks read through this lookup: Ansible's defaults. */
const OTHER_SETTINGS: Record<string, unknown> = {
  ANSIBLE_COW_ACCEPTLIST: [
    'bud-frogs', 'bunny', 'cheese', 'daemon', 'default', 'dragon', 'elephant-in-snake', 'elephant', 'eyes', 'hellokitty', 'kitty',
    'luke-koala', 'meow', 'milk', 'moofasa', 'moose', 'ren', 'sheep', 'small', 'stegosaurus', 'stimpy', 'supermilker', 'three-eyes',
    'turkey', 'turtle', 'tux', 'udder', 'vader-koala', 'vader', 'www',
  ],
};

/** Names in Ansible's constants that are functions or classes, not settings. */
const CALLABLES = new Set(['ConfigManager', 'set_constant', 'ensure_type', 'Sentinel', 'to_text']);

interface PluginOption {
  /** Host variables that set it, the last one set winning (as Ansible reads them). */
  vars: string[];
  setting?: SettingName;
  default: unknown;
  integer?: boolean;
}

const PLUGIN_OPTIONS: Record<string, Record<string, PluginOption>> = {
  'connection/ssh': {
    remote_user: { vars: ['ansible_user', 'ansible_ssh_user'], setting: 'remote_user', default: null },
    port: { vars: ['ansible_port', 'ansible_ssh_port'], default: null, integer: true },
    host: { vars: ['inventory_hostname', 'ansible_host', 'ansible_ssh_host'], default: null },
    private_key_file: { vars: ['ansible_private_key_file', 'ansible_ssh_private_key_file'], setting: 'private_key_file', default: null },
    timeout: { vars: ['ansible_ssh_timeout'], setting: 'timeout', default: 10, integer: true },
    host_key_checking: { vars: ['ansible_host_key_checking', 'ansible_ssh_host_key_checking'], setting: 'host_key_checking', default: true },
    ssh_args: { vars: ['ansible_ssh_args'], setting: 'ssh_args', default: '-C -o ControlMaster=auto -o ControlPersist=60s' },
    ssh_common_args: { vars: ['ansible_ssh_common_args'], setting: 'ssh_common_args', default: '' },
    ssh_extra_args: { vars: ['ansible_ssh_extra_args'], setting: 'ssh_extra_args', default: '' },
  },
  'shell/sh': {
    remote_tmp: { vars: ['ansible_remote_tmp'], default: '~/.ansible/tmp' },
  },
};

const PLUGIN_TYPES = ['become', 'cache', 'callback', 'cliconf', 'connection', 'httpapi', 'inventory', 'lookup', 'netconf', 'shell', 'vars'];
const ON_MISSING = ['error', 'skip', 'warn'];

class MissingSetting extends Error {}

function optionError(value: unknown, option: string, valid: string[]): TemplateError {
  return new TemplateError(
    'template-error',
    `Invalid value "${pyStr(value)}" for configuration option "plugin_type: lookup plugin: config setting: ${option} ", valid values are: ${valid.join(', ')}`,
  );
}

function globalSetting(name: string): unknown {
  if (CALLABLES.has(name)) throw new TemplateError('template-error', `Invalid setting "${name}" attempted`);
  if (Object.hasOwn(OTHER_SETTINGS, name)) return OTHER_SETTINGS[name];
  const definition = SETTINGS.find((s) => s.ansibleName === name);
  if (!definition) throw new MissingSetting();
  return configValue(definition.name) ?? ANSIBLE_DEFAULTS[definition.name] ?? null;
}

function pluginSetting(type: string, plugin: string, name: string, ev: Evaluator): unknown {
  const options = PLUGIN_OPTIONS[`${type}/${plugin.replace(/^ansible\.builtin\./, '')}`];
  if (!options) throw new TemplateError('template-error', `Unable to load ${type} plugin "${plugin}"`, { hint: `ha-run knows the options of: ${Object.keys(PLUGIN_OPTIONS).join(', ')}` });
  const option = Object.hasOwn(options, name) ? options[name]! : undefined;
  if (!option) throw new MissingSetting();
  let value: unknown;
  for (const variable of option.vars) {
    const found = ev.variable(variable);
    if (!isUndefined(found) && found !== null) value = found;
  }
  value ??= (option.setting ? configValue(option.setting) : undefined) ?? option.default;
  if (option.integer && value !== null && !Number.isNaN(Number(pyStr(value)))) return Number(pyStr(value));
  return value;
}

export function configLookup(terms: unknown[], kwargs: Kwargs, ev: Evaluator): unknown[] {
  const { on_missing: onMissing = 'error', plugin_type: type, plugin_name: plugin, ...unknown } = kwargs;
  const extra = Object.keys(unknown);
  if (extra.length > 0) throw new TemplateError('template-error', `lookup('config') has no option '${extra[0]}'`, { hint: 'options: on_missing, plugin_type, plugin_name' });
  if (typeof onMissing !== 'string' || !ON_MISSING.includes(onMissing)) throw optionError(onMissing, 'on_missing', ON_MISSING);
  if (type !== undefined && type !== null && !PLUGIN_TYPES.includes(pyStr(type))) throw optionError(type, 'plugin_type', PLUGIN_TYPES);
  const hasType = type !== undefined && type !== null;
  const hasPlugin = plugin !== undefined && plugin !== null;
  if (hasType !== hasPlugin) throw new TemplateError('template-error', 'Both plugin_type and plugin_name are required, cannot use one without the other');
  const out: unknown[] = [];
  for (const term of terms) {
    if (typeof term !== 'string') {
      throw new TemplateError('template-error', `Invalid setting identifier, "${pyStr(term)}" is not a string, its a <class '${typeName(term)}'>`);
    }
    try {
      out.push(hasType ? pluginSetting(pyStr(type), pyStr(plugin), term, ev) : globalSetting(term));
    } catch (err) {
      if (!(err instanceof MissingSetting)) throw err;
      // warn: Ansible warns and goes on; ha-run has no warning channel in templates, so it only goes on.
      if (onMissing === 'error') throw new TemplateError('template-error', `Unable to find setting ${term}`);
    }
  }
  return out;
}
