// debug: show a message or a variable's value.
import type { ActionModule, ModuleResult } from '../types.js';
import { evaluateExpression } from './expression.js';
import { exclusive } from '../schema-rules.js';
import { ModuleFailure } from '../failure.js';
import { TemplateError } from '../../template/index.js';

export interface DebugArgs {
  msg?: unknown;
  var?: string;
  verbosity?: number;
}

export const debugModule: ActionModule<DebugArgs> = {
  kind: 'action',
  name: 'debug',
  output: 'show-result',
  controllerOnly: true,
  schema: {
    type: 'object',
    description: "Prints a message or a variable's value; changes nothing.",
    additionalProperties: false,
    properties: {
      msg: { description: 'The message to print (any value; templated).', default: 'Hello world!' },
      var: { type: 'string', description: 'A variable name or expression (no {{ }}) whose value to print.' },
      verbosity: { type: 'integer', minimum: 0, default: 0, description: 'Only print at this -v level or higher.' },
    },
    allOf: [exclusive('msg', 'var')],
  },
  async run(ctx, args) {
    // As in Ansible: below the threshold the task is skipped (and says why when registered).
    const verbosity = Number(ctx.vars.ansible_verbosity ?? 0);
    if ((args.verbosity ?? 0) > verbosity) return { changed: false, skipped: true, skipped_reason: 'Verbosity threshold not met.' };
    // Ansible's debug msg may be any value (a list, a dict): registered as it is.
    if (args.var === undefined) return { changed: false, msg: (args.msg ?? 'Hello world!') as string };
    let value: unknown;
    try {
      value = evaluateExpression(ctx, args.var);
    } catch (err) {
      // Only an undefined name is shown as such; any other error (a filter refusing its input) fails the task, as in Ansible.
      if (err instanceof TemplateError && err.code !== 'undefined-variable') throw new ModuleFailure(err.message);
      value = 'VARIABLE IS NOT DEFINED!';
    }
    return { changed: false, [args.var]: value } as ModuleResult;
  },
};
