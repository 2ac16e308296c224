// The inventory family: modules that change the run's in-memory inventory.
import type { Module } from '../types.js';
import { addHostModule } from './add-host.js';
import { groupByModule } from './group-by.js';

export const inventoryModules: Module[] = [addHostModule, groupByModule];
