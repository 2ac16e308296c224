// The web family: HTTP requests and downloads made by the target's own curl (or wget), and archives.
import type { Module } from '../types.js';
import { getUrlModule } from './get_url/module.js';
import { unarchiveModule } from './unarchive/module.js';
import { uriModule } from './uri/module.js';

export const webModules: Module[] = [uriModule, getUrlModule, unarchiveModule];
