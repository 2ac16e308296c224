// The mysql family (community.mysql): driven by the target's own mysql/mysqldump clients, no Python.
import type { Module } from '../types.js';
import { mysqlDbModule } from './mysql_db/module.js';
import { mysqlUserModule } from './mysql_user/module.js';
import { mysqlReplicationModule } from './mysql_replication/module.js';
import { mysqlVariablesModule } from './mysql_variables/module.js';
import { mysqlQueryModule } from './mysql_query/module.js';
import { mysqlInfoModule } from './mysql_info/module.js';

export const mysqlModules: Module[] = [mysqlDbModule, mysqlUserModule, mysqlReplicationModule, mysqlVariablesModule, mysqlQueryModule, mysqlInfoModule];
