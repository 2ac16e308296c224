// assert: every expression in `that` must hold, or the task fails with fail_msg.
import type { ActionModule } from '../types.js';
import { evaluateCondition } from './expression.js';

export interface AssertArgs {
  that: string | boolean | (string | boolean)[];
  fail_msg?: string | string[];
  msg?: string | string[];
  success_msg?: string | string[];
  quiet?: boolean;
}

export const assertModule: ActionModule<AssertArgs> = {
  kind: 'action',
  name: 'assert',
  controllerOnly: true,
  schema: {
    type: 'object',
    description: 'Fails the task unless every expression in `that` is true.',
    additionalProperties: false,
    required: ['that'],
    properties: {
      that: {
        anyOf: [{ type: ['string', 'boolean'] }, { type: 'array', items: { type: ['string', 'boolean'] } }],
        description: 'Jinja2 expressions (without {{ }}) that must all be true; a YAML true/false is a literal.',
      },
      fail_msg: { type: ['string', 'array'], items: { type: 'string' }, description: 'Message when an assertion fails, or a list of lines (alias: msg).' },
      msg: { type: ['string', 'array'], items: { type: 'string' }, description: 'Alias of fail_msg.' },
      success_msg: { type: ['string', 'array'], items: { type: 'string' }, default: 'All assertions passed', description: 'Message when all pass, or a list of lines.' },
      quiet: { type: 'boolean', default: false, description: 'Say less on success.' },
    },
  },
  async run(ctx, args) {
    const conditions = (Array.isArray(args.that) ? args.that : [args.that]).map((c) => (typeof c === 'boolean' ? (c ? 'True' : 'False') : c));
    for (const assertion of conditions) {
      let ok: boolean;
      try {
        ok = evaluateCondition(ctx, assertion);
      } catch (err) {
        return { changed: false, failed: true, assertion, msg: `The conditional check '${assertion}' failed: ${(err as Error).message}` };
      }
      if (!ok) return { changed: false, failed: true, assertion, evaluated_to: false, msg: lines(args.fail_msg ?? args.msg ?? 'Assertion failed') };
    }
    return { changed: false, msg: lines(args.success_msg ?? 'All assertions passed') };
  },
};

/** A message given as a list of lines (Ansible accepts both) is shown one line under the other. */
function lines(msg: string | string[]): string {
  return Array.isArray(msg) ? msg.join('\n') : msg;
}
