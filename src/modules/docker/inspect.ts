// What the Docker engine knows about one object, read with `docker <kind> inspect`: its JSON, or
// null when there is no such object. A daemon that does not answer is a clear failure, not "absent".
import { shellQuote } from '../../connection/quote.js';
import { ModuleFailure } from '../failure.js';
import type { Fact } from '../kit/fact.js';

export type DockerKind = 'container' | 'image' | 'network' | 'volume';

/** One inspected object as Docker prints it (its keys are Docker's: Id, Config, HostConfig...). */
export type Inspected = Record<string, unknown>;

export const DOCKER_CLI = ['docker'] as const;

/** A failure of the docker CLI as a message that says what is wrong (daemon down, permission). */
export function dockerFailure(output: string, what: string): ModuleFailure {
  const text = output.trim();
  if (/Cannot connect to the Docker daemon|Is the docker daemon running/i.test(text)) {
    return new ModuleFailure(`the Docker daemon is not running (or not reachable) on this host: ${text.split('\n').pop()}`);
  }
  return new ModuleFailure(`docker failed reading ${what}: ${text || 'no output'}`);
}

const NOT_FOUND = /No such (container|image|network|volume|object)/i;

function inspectFact(kind: DockerKind): Fact<string, Inspected | null> {
  return {
    name: `the Docker ${kind}`,
    requires: DOCKER_CLI,
    // stderr joins stdout: "No such ..." (absent) and a daemon error must both reach the parser.
    script: (name) => `docker ${kind} inspect -- ${shellQuote(name)} 2>&1`,
    parse(stdout, name, rc) {
      if (rc !== 0) {
        if (NOT_FOUND.test(stdout)) return null;
        throw dockerFailure(stdout, `the ${kind} ${name}`);
      }
      const list = JSON.parse(stdout.slice(stdout.indexOf('['))) as Inspected[];
      return list[0] ?? null;
    },
  };
}

export const containerInspect = inspectFact('container');
export const imageInspect = inspectFact('image');
export const networkInspect = inspectFact('network');
export const volumeInspect = inspectFact('volume');
