// Every filter by name. Names are looked up without their `ansible.builtin.` prefix.
import { versionMatches } from '../version.js';
import type { FilterDef } from '../types.js';
import { bytesFilters } from './bytes.js';
import { collectionFilters } from './collections.js';
import { commentFilters } from './comment.js';
import { coreFilters } from './core.js';
import { hashFilters } from './hash.js';
import { passwordHashFilters } from './password-hash.js';
import { randomFilters } from './random.js';
import { regexFilters } from './regex.js';
import { serializeFilters } from './serialize.js';
import { stringFilters } from './strings.js';
import { urlFilters } from './urls.js';

const versionFilter: FilterDef = { fn: (v, [other, op], kw) => versionMatches(v, other, kw.operator ?? op) };

export const filters: Record<string, FilterDef> = {
  ...coreFilters,
  ...stringFilters,
  ...commentFilters,
  ...regexFilters,
  ...collectionFilters,
  ...serializeFilters,
  ...hashFilters,
  ...urlFilters,
  ...randomFilters,
  ...bytesFilters,
  ...passwordHashFilters,
  version_compare: versionFilter,
  version: versionFilter,
};
