// The mysql family (community.mysql): driven by the target's own mysql/mysqldump clients, no Python.
import type { Module } from '../types.js';
import { mysqlDbModule } from './mysql_db/module.js';
import { mysqlUserModule } from './mysql_user/module.js';

export const mysqlModules: Module[] = [mysqlDbModule, mysqlUserModule];
