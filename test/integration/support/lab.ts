// What integration tests know about the test lab, and out-of-band control of its hosts.
// The description comes from global-setup.ts through HA_RUN_TEST_LAB.
import { readFileSync } from 'node:fs';
import type { CommandResult } from '../../../src/lab/docker.js';
import * as hosts from '../../../src/lab/host-control.js';
import type { LabDescription, LabHostDescription } from '../../../src/lab/lab-description.js';

export type TestLab = LabDescription;
export type TestLabHost = LabHostDescription;

/** The test lab as described now (re-read each call: restarting or re-keying a host updates it). */
export function testLab(): TestLab {
  const file = process.env.HA_RUN_TEST_LAB;
  if (!file) {
    throw new Error('HA_RUN_TEST_LAB is not set: run integration tests through vitest (project `integration`), whose global setup brings the lab up');
  }
  return JSON.parse(readFileSync(file, 'utf8')) as TestLab;
}

/** One host of the test lab; throws on an unknown name so a typo fails loudly. */
export function labHostInfo(host: string): TestLabHost {
  const found = testLab().hosts[host];
  if (!found) throw new Error(`the test lab has no host '${host}'`);
  return found;
}

/** Runs `sh -c cmd` as root inside the host with docker exec (not over SSH), for checking state. */
export function labExec(host: string, cmd: string): Promise<CommandResult> {
  return hosts.execInHost(testLab().name, host, cmd);
}

export function restartHost(host: string): Promise<void> {
  return hosts.restartHost(testLab().name, host);
}

export function stopHost(host: string): Promise<void> {
  return hosts.stopHost(testLab().name, host);
}

/** Starts a stopped host and waits until a login works; its port stays the same. */
export function startHost(host: string): Promise<void> {
  return hosts.startHost(testLab().name, host);
}

/** New host key for the host; known_hosts and the description are updated. Returns the new key. */
export function regenerateHostKeys(host: string): Promise<string> {
  return hosts.regenerateHostKeys(testLab().name, host);
}
