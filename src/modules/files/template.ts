// template: render a controller-side Jinja2 template with the task's variables and put the result
// on the target, like copy (owner, group, mode, backup, validate). Jinja2's settings come from the
// arguments (trim_blocks on by default, as in Ansible), then from the template's `#jinja2:` line.
import { posix } from 'node:path';
import type { DeclarativeModule } from '../types.js';
import { fileAttrProperties, fileResultKeys, type FileAttrArgs } from './file-attrs.js';
import { fileFlagProperties, readsFlags } from './file-flags.js';
import { contentChanges, contentResultKeys } from './content-file.js';
import { gatherTarget, resolveTarget, withDestDirectory, type TargetFacts } from './file-target.js';
import { formatMode } from './mode.js';
import { ModuleFailure } from '../failure.js';
import { encodeText } from './text-encoding.js';
import { JINJA_SETTING_NAMES, syntaxSetting, templateVariables, type TemplateSyntax } from '../../template/index.js';
import { readRegularFileWithStats } from '../../source/read-file.js';

export interface TemplateArgs extends FileAttrArgs {
  src: string;
  dest: string;
  backup?: boolean;
  force?: boolean;
  validate?: string;
  follow?: boolean;
  newline_sequence?: string;
  trim_blocks?: boolean;
  lstrip_blocks?: boolean;
  block_start_string?: string;
  block_end_string?: string;
  variable_start_string?: string;
  variable_end_string?: string;
  comment_start_string?: string;
  comment_end_string?: string;
  output_encoding?: string;
}

const delimiter = (description: string) => ({ type: 'string', minLength: 1, description }) as const;

/** The arguments that are Jinja2 settings, as the template engine takes them. */
function syntaxOf(args: TemplateArgs): Partial<TemplateSyntax> {
  const syntax: Partial<TemplateSyntax> = {};
  for (const name of Object.keys(JINJA_SETTING_NAMES)) {
    let value = (args as unknown as Record<string, unknown>)[name];
    if (value === undefined) continue;
    // Ansible also takes the two-character spellings ('\\n').
    if (name === 'newline_sequence') value = String(value).replace(/\\r/g, '\r').replace(/\\n/g, '\n');
    Object.assign(syntax, syntaxSetting(name, value));
  }
  return syntax;
}

export interface TemplateFacts extends TargetFacts {
  rendered: Buffer;
  srcMode: number;
}

export const templateModule: DeclarativeModule<TemplateArgs, TemplateFacts> = {
  kind: 'declarative',
  name: 'template',
  refusesAsync: true,
  templateFileArg: 'src',
  schema: {
    type: 'object',
    description: "Renders a Jinja2 template on the controller (templates/ of the role and playbook) and puts the result on the target.",
    additionalProperties: false,
    required: ['src', 'dest'],
    properties: {
      src: { type: 'string', description: 'The template file on the controller.' },
      dest: { type: 'string', description: 'Where the rendered file goes on the target.' },
      backup: { type: 'boolean', default: false, description: 'Keep the old file as dest.<timestamp>~ when it changes.' },
      force: { type: 'boolean', default: true, description: 'Replace dest when it differs. With false, only create it when it is missing.' },
      validate: { type: 'string', description: "Command that must accept the new file before it replaces dest; %s is the new file's path." },
      follow: { type: 'boolean', default: false, description: 'When dest is a symlink, write the file it points to.' },
      newline_sequence: {
        type: 'string',
        enum: ['\n', '\r', '\r\n', '\\n', '\\r', '\\r\\n'],
        default: '\n',
        description: "What each newline of the template's text becomes (\\n, \\r or \\r\\n).",
      },
      trim_blocks: { type: 'boolean', default: true, description: 'Remove the first newline after a block or comment tag.' },
      lstrip_blocks: { type: 'boolean', default: false, description: 'Remove spaces and tabs from the start of a line up to a block or comment tag.' },
      block_start_string: delimiter("The string that opens a block (default '{%')."),
      block_end_string: delimiter("The string that closes a block (default '%}')."),
      variable_start_string: delimiter("The string that opens a print statement (default '{{')."),
      variable_end_string: delimiter("The string that closes a print statement (default '}}')."),
      comment_start_string: delimiter("The string that opens a comment (default '{#')."),
      comment_end_string: delimiter("The string that closes a comment (default '#}')."),
      output_encoding: { type: 'string', default: 'utf-8', description: 'Encoding of the written file (utf-8, latin-1, ascii, utf-16...).' },
      ...fileAttrProperties,
      ...fileFlagProperties,
      mode: { ...fileAttrProperties.mode, description: `${fileAttrProperties.mode.description} 'preserve' keeps the template's mode.` },
    },
  },

  async gather(ctx, args) {
    let text: string;
    let srcMode: number;
    let local: string;
    try {
      local = ctx.findFile('templates', args.src);
      const { bytes, stats } = readRegularFileWithStats(local);
      text = bytes.toString('utf8');
      srcMode = stats.mode & 0o7777;
    } catch (err) {
      throw new ModuleFailure(`Could not find or access '${args.src}': ${(err as Error).message}`, { src: args.src });
    }
    const vars = templateVariables({ src: args.src, file: local, dest: args.dest });
    // Jinja2 reads every line ending of the template source (\r\n, \r, \n) as \n.
    const rendered = ctx.render(text.replace(/\r\n?/g, '\n'), { file: true, path: local, syntax: syntaxOf(args), vars });
    const bytes = encodeText(rendered, args.output_encoding || 'utf-8');
    return { ...(await gatherTarget(ctx, args.dest, posix.basename(args.src), args.follow === true, readsFlags(args))), rendered: bytes, srcMode };
  },

  plan(args, facts) {
    const target = resolveTarget(args.dest, posix.basename(args.src), facts);
    if (target.exists && args.force === false) return [];
    const mode = args.mode === 'preserve' ? formatMode(facts.srcMode) : args.mode;
    const changes = contentChanges({ ...args, mode, path: target.path, content: facts.rendered, state: target });
    return withDestDirectory(changes, args.dest, facts, args);
  },

  result(args, facts) {
    const target = resolveTarget(args.dest, posix.basename(args.src), facts);
    return { ...fileResultKeys(target), dest: target.path, src: args.src, ...contentResultKeys(facts.rendered) };
  },
};
