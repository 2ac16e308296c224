// template: render a controller-side Jinja2 template with the task's variables and put the result
// on the target, like copy (owner, group, mode, backup, validate).
import { readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import type { DeclarativeModule } from './types.js';
import { fileAttrProperties, fileResultKeys, type FileAttrArgs } from './file-attrs.js';
import { contentChanges, contentResultKeys } from './content-file.js';
import { gatherTarget, resolveTarget, withDestDirectory, type TargetFacts } from './file-target.js';
import { formatMode } from './mode.js';
import { ModuleFailure } from './failure.js';

export interface TemplateArgs extends FileAttrArgs {
  src: string;
  dest: string;
  backup?: boolean;
  force?: boolean;
  validate?: string;
  follow?: boolean;
  newline_sequence?: '\n' | '\r' | '\r\n';
}

export interface TemplateFacts extends TargetFacts {
  rendered: Buffer;
  srcMode: number;
}

export const templateModule: DeclarativeModule<TemplateArgs, TemplateFacts> = {
  kind: 'declarative',
  name: 'template',
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
      newline_sequence: { type: 'string', enum: ['\n', '\r', '\r\n'], default: '\n', description: 'Line ending of the written file.' },
      ...fileAttrProperties,
      mode: { ...fileAttrProperties.mode, description: `${fileAttrProperties.mode.description} 'preserve' keeps the template's mode.` },
    },
  },

  async gather(ctx, args) {
    let text: string;
    let srcMode: number;
    let local: string;
    try {
      local = ctx.findFile('templates', args.src);
      text = readFileSync(local, 'utf8');
      srcMode = statSync(local).mode & 0o7777;
    } catch (err) {
      throw new ModuleFailure(`Could not find or access '${args.src}': ${(err as Error).message}`, { src: args.src });
    }
    // Jinja2 reads every line ending of the template source (\r\n, \r, \n) as \n.
    let rendered = ctx.render(text.replace(/\r\n?/g, '\n'), { file: true, path: local });
    if (args.newline_sequence && args.newline_sequence !== '\n') rendered = rendered.replace(/\r?\n/g, args.newline_sequence);
    return { ...(await gatherTarget(ctx, args.dest, posix.basename(args.src), args.follow === true)), rendered: Buffer.from(rendered), srcMode };
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
