// The one-line sources files apt reads: /etc/apt/sources.list and sources.list.d/*.list, with their
// content (base64, so any byte survives the trip).
import type { Fact } from '../../kit/fact.js';
import { fileContentsScript, parseFileContents } from '../file-contents.js';

export const SOURCES_LIST = '/etc/apt/sources.list';
export const SOURCES_DIR = '/etc/apt/sources.list.d';

export const sourcesFiles: Fact<void, Record<string, string>> = {
  name: 'the apt sources files',
  requires: ['base64'],
  script: () => fileContentsScript(`${SOURCES_LIST} ${SOURCES_DIR}/*.list`),
  parse: (stdout) => Object.fromEntries(Object.entries(parseFileContents(stdout)).map(([path, data]) => [path, data.toString('utf8')])),
};
