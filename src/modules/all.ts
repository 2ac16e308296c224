// The list of modules ha-run ships. One file per module beside this one.
import type { Module } from './types.js';

export const allModules: Module[] = [];
