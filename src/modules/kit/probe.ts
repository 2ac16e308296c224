// Asks facts of one target: every fact without stdin input in ONE round trip, each fact with input
// in its own (its input is its stdin). A missing tool fails the task naming it.
import type { Connection } from '../../connection/types.js';
import { ModuleFailure } from '../failure.js';
import type { Answers, Fact, FactRequest, Probe } from './fact.js';
import { newNonce, parseSections, sectionsScript, type SectionAnswer, type SectionRequest } from '../../connection/sections.js';

export function probeOf(conn: Connection): Probe {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const many = async <R extends readonly FactRequest<any, any>[]>(...requests: R): Promise<Answers<R>> => {
    const answers: SectionAnswer[] = new Array(requests.length);
    const batched = requests.map((r, i) => ({ r, i })).filter(({ r }) => !r.fact.input);
    const nonce = newNonce();
    if (batched.length > 0) {
      const sections = batched.map(({ r }) => sectionOf(r));
      const result = await conn.exec(sectionsScript(nonce, sections), { ownScript: true, sections: { nonce, requests: sections } });
      const parsed = parseSections(result.stdout, nonce, batched.length);
      batched.forEach(({ i }, n) => (answers[i] = lostWithReason(parsed[n], result.stderr)));
    }
    for (const [i, r] of requests.entries()) {
      if (!r.fact.input) continue;
      const sections = [sectionOf(r)];
      const result = await conn.exec(sectionsScript(nonce, sections, true), { ownScript: true, stdin: r.fact.input(r.args), sections: { nonce, requests: sections } });
      answers[i] = lostWithReason(parseSections(result.stdout, nonce, 1)[0], result.stderr);
    }
    return requests.map((r, i) => answerOf(conn.host, r.fact, r.args, answers[i])) as Answers<R>;
  };
  return { many, get: async (fact, args) => (await many({ fact, args }))[0] };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sectionOf(r: FactRequest<any, any>): SectionRequest {
  const prefetch = r.fact.prefetch ? { call: r.fact.prefetch.call, args: r.fact.prefetch.args(r.args) } : undefined;
  return { script: r.fact.script(r.args), requires: r.fact.requires, requiresIf: r.fact.requiresIf?.(r.args), prelude: r.fact.prelude, inline: r.fact.inline, ...(prefetch ? { prefetch } : {}) };
}

type Lost = { kind: 'lost'; stderr: string };

function lostWithReason(answer: SectionAnswer, stderr: string): SectionAnswer | Lost {
  return answer.kind === 'lost' ? { kind: 'lost', stderr } : answer;
}

function answerOf<A, T>(host: string, fact: Fact<A, T>, args: A, answer: SectionAnswer | Lost): T {
  if (answer.kind === 'missing') {
    const tools = answer.tools.map((t) => t.split('|').join(' or '));
    throw new ModuleFailure(`${tools.join(', ')} ${tools.length === 1 ? 'is' : 'are'} missing on ${host}: needed to read ${fact.name}`, { missing_tools: answer.tools });
  }
  if (answer.kind === 'lost') {
    const why = ('stderr' in answer && answer.stderr.trim()) || 'the output ended early';
    throw new ModuleFailure(`could not read ${fact.name} on ${host}: ${why}`);
  }
  return fact.parse(answer.stdout, args, answer.rc);
}
