// The packages family: apt and its companions.
import type { Module } from '../types.js';
import { aptModule } from './apt/module.js';
import { aptKeyModule } from './apt_key/module.js';
import { aptRepositoryModule } from './apt_repository/module.js';
import { debconfModule } from './debconf/module.js';
import { packageModule } from './package/module.js';
import { packageFactsModule } from './package_facts/module.js';

export const packagesModules: Module[] = [aptModule, packageModule, packageFactsModule, aptRepositoryModule, aptKeyModule, debconfModule];
