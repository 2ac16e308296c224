// The accounts family: user, group, getent, and the SSH key files authorized_key (ansible.posix) and known_hosts.
import type { Module } from '../types.js';
import { authorizedKeyModule } from './authorized_key/module.js';
import { getentModule } from './getent/module.js';
import { groupModule } from './group/module.js';
import { knownHostsModule } from './known_hosts/module.js';
import { userModule } from './user/module.js';

export const accountsModules: Module[] = [userModule, groupModule, authorizedKeyModule, knownHostsModule, getentModule];
