// The packages family: apt and its companions.
import type { Module } from '../types.js';
import { aptModule } from './apt/module.js';

export const packagesModules: Module[] = [aptModule];
