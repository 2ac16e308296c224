// The async family: async_status (the executor starts and polls jobs, see executor/async-task.ts).
import type { Module } from '../types.js';
import { asyncStatusModule } from './async-status.js';

export const asyncModules: Module[] = [asyncStatusModule];
