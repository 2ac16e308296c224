// The files family: modules that look for and make files (the older file modules are still in ../).
import type { Module } from '../types.js';
import { assembleModule } from './assemble/module.js';
import { findModule } from './find/module.js';
import { tempfileModule } from './tempfile/module.js';

export const fileFamilyModules: Module[] = [findModule, tempfileModule, assembleModule];
