// `ha-run config dump`: the settings in effect and where each came from, in the shape of
// `ansible-config dump` (NAME(origin) = value), then everything found that ha-run does not use.
import { SETTINGS } from './definitions.js';
import { describeOrigin, looksSecret, type ConfigValue, type LoadedConfig } from './load.js';

function shown(value: ConfigValue): string {
  return Array.isArray(value) ? `[${value.map((v) => `'${v}'`).join(', ')}]` : String(value);
}

export function formatConfigDump(config: LoadedConfig, onlyChanged: boolean): string {
  const lines: string[] = [`CONFIG_FILE() = ${config.file ?? 'None'}`];
  for (const def of SETTINGS) {
    const s = config.settings.get(def.name);
    if (s) lines.push(`${def.ansibleName}(${describeOrigin(s.origin)}) = ${shown(s.value)}`);
    else if (!onlyChanged) lines.push(`${def.ansibleName}(default) = ${def.byDefault}`);
  }
  if (config.unused.length > 0) {
    lines.push('', 'Not used by ha-run (found, but ha-run has no such setting):');
    for (const u of config.unused) lines.push(`  ${u.name}(${describeOrigin(u.origin)}) = ${looksSecret(u.name) ? '(hidden)' : u.value.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n') + '\n';
}

/** One line for a run: the settings found that ha-run does not use, so none is ignored silently. */
export function unusedSummary(config: LoadedConfig): string | undefined {
  if (config.unused.length === 0) return undefined;
  const names = config.unused.map((u) => `${u.name} (${describeOrigin(u.origin)})`);
  return `not used by ha-run: ${names.join(', ')} (\`ha-run config dump\` lists the settings in effect)`;
}
