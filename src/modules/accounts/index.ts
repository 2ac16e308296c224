// The accounts family: user, group, authorized_key (ansible.posix) and getent.
import type { Module } from '../types.js';
import { authorizedKeyModule } from './authorized_key/module.js';
import { getentModule } from './getent/module.js';
import { groupModule } from './group/module.js';
import { userModule } from './user/module.js';

export const accountsModules: Module[] = [userModule, groupModule, authorizedKeyModule, getentModule];
