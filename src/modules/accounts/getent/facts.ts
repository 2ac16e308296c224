// One getent answer: its exit status says found (0), unknown database (1), key not found (2) or
// enumeration not supported (3); the lines are kept as they are.
import { shellQuote } from '../../../connection/quote.js';
import type { Fact } from '../../kit/fact.js';
import type { GetentArgs } from './schema.js';

export interface GetentAnswer {
  rc: number;
  stdout: string;
}

export const getentAnswer: Fact<GetentArgs, GetentAnswer> = {
  name: 'the getent answer',
  requires: ['getent'],
  script: (a) => ['getent', shellQuote(a.database), ...(a.key !== undefined ? [shellQuote(a.key)] : []), ...(a.service !== undefined ? ['-s', shellQuote(a.service)] : [])].join(' '),
  parse: (stdout, _a, rc) => ({ rc, stdout }),
};
