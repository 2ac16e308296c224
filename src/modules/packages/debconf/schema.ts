// debconf's arguments: Ansible's names and aliases.
import type { ArgsSchema } from '../../types.js';

export const VTYPES = ['boolean', 'error', 'multiselect', 'note', 'password', 'seen', 'select', 'string', 'text', 'title'] as const;

export interface DebconfArgs {
  name?: string;
  pkg?: string;
  question?: string;
  selection?: string;
  setting?: string;
  vtype?: (typeof VTYPES)[number];
  value?: string;
  answer?: string;
  unseen?: boolean;
}

const together = (a: string, others: string[]) => ({ description: `${[a, ...others].join(', ')} go together`, if: { required: [a] }, then: { required: others } });

export const debconfSchema: ArgsSchema = {
  type: 'object',
  description: "Sets a package's debconf answer (debconf-set-selections); reads them with debconf-show.",
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'The package whose questions these are (alias: pkg).' },
    pkg: { type: 'string', description: 'Alias of name.' },
    question: { type: 'string', description: 'The question, e.g. tzdata/Areas (aliases: selection, setting).' },
    selection: { type: 'string', description: 'Alias of question.' },
    setting: { type: 'string', description: 'Alias of question.' },
    vtype: { type: 'string', enum: [...VTYPES], description: 'The type of the answer.' },
    value: { type: 'string', description: 'The answer (alias: answer).' },
    answer: { type: 'string', description: 'Alias of value.' },
    unseen: { type: 'boolean', default: false, description: 'Do not mark the question as seen (debconf-set-selections -u).' },
  },
  allOf: [
    { description: 'name is required', anyOf: [{ required: ['name'] }, { required: ['pkg'] }] },
    together('question', ['vtype']),
    together('vtype', ['question']),
  ],
};
