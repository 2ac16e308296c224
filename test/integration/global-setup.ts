// Brings the test lab up before integration tests (fast when it is already up) and tells the
// test workers where its description is, through HA_RUN_TEST_LAB; builds the CLI once for them all
// (HA_RUN_TEST_CLI). The lab is test/lab.yml named `hatest-<hash of this checkout>` (see
// checkout-lab.ts); it stays up afterwards so the next run reuses it.
import { fileURLToPath } from 'node:url';
import { HaRunError } from '../../src/errors.js';
import { writeLabDescription } from '../../src/lab/lab-description.js';
import { labUp } from '../../src/lab/lab-up.js';
import { checkoutLabName, labFileNamed } from './checkout-lab.js';
import { buildCliPrivately } from './executor/cli.js';

export const TEST_LAB_FILE = fileURLToPath(new URL('../lab.yml', import.meta.url));

export default async function setup(): Promise<void> {
  const started = Date.now();
  // A CLI given in HA_RUN_TEST_CLI (an already built dist/ha-run.js) is used as it is.
  process.env.HA_RUN_TEST_CLI ??= buildCliPrivately();
  try {
    const { state, paths } = await labUp(labFileNamed(TEST_LAB_FILE, checkoutLabName('hatest')), (m) => process.stderr.write(`[test lab] ${m}\n`));
    process.env.HA_RUN_TEST_LAB = writeLabDescription(state, paths);
  } catch (err) {
    // Fail loudly, never skip: integration tests without the lab would prove nothing.
    const detail = err instanceof HaRunError ? `${err.code}: ${err.message}${err.hint ? `\nhint: ${err.hint}` : ''}` : String(err);
    throw new Error(`the test lab (${TEST_LAB_FILE}) could not be brought up:\n${detail}`);
  }
  process.stderr.write(`[test lab] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${process.env.HA_RUN_TEST_LAB}\n`);
}
