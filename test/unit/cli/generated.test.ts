// Help, completion and the man page are generated from the one command definition (src/cli/program.ts):
// every option defined there must show up in each, and the scripts must work in their shells.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/program.js';
import { bashCompletion, zshCompletion } from '../../../src/cli/completion.js';
import { manPage, roffText } from '../../../src/cli/man-page.js';
import { commandPaths, commandSpec } from '../../../src/cli/spec.js';
import { manPageText } from '../../../src/commands/man.js';
import { mistypedCommand } from '../../../src/commands/top-level.js';
import { versionText } from '../../../src/commands/version.js';

const spec = commandSpec(buildProgram());
const run = spec.commands.find((c) => c.name === 'run')!;
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('the command spec read from the definitions', () => {
  it('knows the default command, repeatable options, values and defaults', () => {
    expect(run.isDefault).toBe(true);
    expect(spec.commands.filter((c) => c.isDefault).map((c) => c.name)).toEqual(['run']);
    const inventory = run.options.find((o) => o.long === '--inventory')!;
    expect(inventory).toMatchObject({ short: '-i', value: 'path', repeatable: true });
    expect(run.options.find((o) => o.long === '--verbose')).toMatchObject({ short: '-v', repeatable: true });
    expect(run.options.find((o) => o.long === '--check')).toMatchObject({ repeatable: false });
    // --forks has no fixed default: ansible.cfg's forks applies when it is not given; the help says both.
    const forks = run.options.find((o) => o.long === '--forks')!;
    expect(forks.defaultValue).toBeUndefined();
    expect(forks.description).toMatch(/ansible\.cfg, else 5/);
    expect(commandPaths(spec).map((p) => p.path.join(' '))).toContain('lab up');
  });
});

describe('bash completion', () => {
  const script = bashCompletion(spec, { '--module-name': ['ping', 'setup', 'shell'], '--connection': ['ssh', 'local'] });
  /** What the completion function offers for a command line whose last word is being completed. */
  const complete = (...words: string[]): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-comp-'));
    writeFileSync(join(dir, 'c.bash'), script);
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const r = spawnSync('bash', ['-c', `source c.bash; COMP_WORDS=(ha-run ${quoted}); COMP_CWORD=${words.length}; _ha_run; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter((l) => l !== '');
  };

  it.skipIf(!has('bash'))('offers commands, subcommands, each command’s options and known values', () => {
    expect(complete('inv')).toEqual(['inventory']);
    expect(complete('lab', '')).toEqual(['up', 'down', 'status', 'ssh', 'inventory']);
    expect(complete('vault', 'encrypt', '--out')).toEqual(['--output']);
    // A playbook is the default command: its options follow.
    expect(complete('site.yml', '--list-t')).toEqual(['--list-tasks', '--list-tags']);
    expect(complete('adhoc', 'all', '-m', 'pi')).toEqual(['ping']);
    expect(complete('-c', 'lo')).toEqual(['local']);
    // After an option that takes a file, bash's own file completion answers (-o default).
    expect(complete('site.yml', '-i', '')).toEqual([]);
  });

  it('lists every option of every command', () => {
    for (const { spec: c } of commandPaths(spec)) for (const o of c.options) expect(script).toContain(o.long ?? o.short!);
  });
});

describe('zsh completion', () => {
  const script = zshCompletion(spec, { '--module-name': ['ping', 'setup'] });

  it('describes every option of every command, with its value completion', () => {
    for (const { spec: c } of commandPaths(spec)) for (const o of c.options) expect(script).toContain(o.long ?? o.short!);
    expect(script).toContain("'*'{-i+,--inventory=}'[inventory file, directory or host list (repeatable)]:path:_files'");
    expect(script).toContain(':module:(ping setup)');
  });

  it.skipIf(!has('zsh'))('is valid zsh and registers itself with compinit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-run-zcomp-'));
    writeFileSync(join(dir, '_ha-run'), script);
    expect(spawnSync('zsh', ['-n', '_ha-run'], { cwd: dir, encoding: 'utf8' }).stderr).toBe('');
    const r = spawnSync('zsh', ['-fc', 'autoload -U compinit && compinit -u -D; source ./_ha-run; print -r -- ${_comps[ha-run]}'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('_ha_run');
  });
});

describe('man page', () => {
  const page = manPage(spec, { version: '9.9.9', extraSections: [['EXIT STATUS', '.TP\n.B 5\nbad options']] });

  it('has every command and option, escaped for roff', () => {
    for (const { path } of commandPaths(spec)) expect(page).toContain(`.SS \\fBha\\-run ${path.map(roffText).join(' ')}\\fR`);
    for (const { spec: c } of commandPaths(spec)) for (const o of c.options) expect(page).toContain(`\\fB${roffText(o.long ?? o.short!)}\\fR`);
    expect(page).toContain('.TH HA\\-RUN 1 "" "ha\\-run 9.9.9"');
    expect(page).toContain('.SH EXIT STATUS');
    expect(roffText('.start \\ and `code`')).toBe('\\&.start \\e and \\fBcode\\fR');
  });

  it('is committed as the build writes it (man/ha-run.1: `npm run build` after changing a command or option)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../man/ha-run.1'), 'utf8');
    expect(committed).toBe(manPageText(buildProgram()));
  });

  it.skipIf(!has('groff'))('renders without roff warnings', () => {
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z'], { input: page, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('top level', () => {
  it('says "did you mean" for a mistyped command, but never for a playbook or an existing file', () => {
    const program = buildProgram();
    expect(mistypedCommand(program, ['invetory', '-i', 'x'])?.hint).toContain("did you mean 'ha-run inventory'?");
    expect(mistypedCommand(program, ['vualt'])?.hint).toContain("'ha-run vault'");
    expect(mistypedCommand(program, ['invetory.yml'])).toBeUndefined();
    expect(mistypedCommand(program, ['playbooks/site'])).toBeUndefined();
    expect(mistypedCommand(program, ['deploy'])).toBeUndefined();
    expect(mistypedCommand(program, ['inventory'])).toBeUndefined();
    expect(mistypedCommand(program, [__dirname])).toBeUndefined();
  });

  it('--version says what ansible --version says, None without a config file', () => {
    const text = versionText({ version: '1.2.3', rolesPath: ['/srv/roles'], executable: '/usr/bin/ha-run', nodeVersion: 'v20.1.0' });
    expect(text.split('\n')).toEqual([
      'ha-run 1.2.3',
      '  config file = None',
      '  configured roles path = ["<playbook dir>/roles","/srv/roles"]',
      '  executable location = /usr/bin/ha-run',
      '  node version = v20.1.0',
    ]);
    expect(versionText({ version: '1', configFile: '/p/ansible.cfg', rolesPath: [], executable: 'x', nodeVersion: 'v20' })).toContain('config file = /p/ansible.cfg');
  });
});
