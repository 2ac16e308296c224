// The list of modules ha-run ships. One file per module beside this one.
import type { Module } from './types.js';
import { commandModule } from './command.js';
import { shellModule } from './shell.js';
import { rawModule } from './raw.js';
import { scriptModule } from './script.js';
import { fileModule } from './file.js';
import { copyModule } from './copy.js';
import { templateModule } from './template.js';
import { lineinfileModule } from './lineinfile.js';
import { blockinfileModule } from './blockinfile.js';
import { replaceModule } from './replace.js';
import { statModule } from './stat.js';
import { slurpModule } from './slurp.js';
import { fetchModule } from './fetch.js';
import { debugModule } from './debug.js';
import { assertModule } from './assert.js';
import { failModule } from './fail.js';
import { setFactModule } from './set-fact.js';
import { includeVarsModule } from './include-vars.js';
import { metaModule } from './meta.js';
import { pauseModule } from './pause.js';
import { waitForModule } from './wait-for.js';
import { setupModule } from './setup.js';
import { pingModule } from './ping.js';
import { inventoryModules } from './inventory/index.js';
import { asyncModules } from './async/index.js';
import { otherOsModules } from './other-os/index.js';
import { servicesModules } from './services/index.js';
import { packagesModules } from './packages/index.js';
import { accountsModules } from './accounts/index.js';
import { dockerModules } from './docker/index.js';
import { systemModules } from './system/index.js';
import { cryptoModules } from './crypto/index.js';
import { mysqlModules } from './mysql/index.js';
import { webModules } from './web/index.js';
import { fileFamilyModules } from './files/index.js';

export const allModules: Module[] = [
  commandModule,
  shellModule,
  rawModule,
  scriptModule,
  fileModule,
  copyModule,
  templateModule,
  lineinfileModule,
  blockinfileModule,
  replaceModule,
  statModule,
  slurpModule,
  fetchModule,
  debugModule,
  assertModule,
  failModule,
  setFactModule,
  includeVarsModule,
  metaModule,
  pauseModule,
  waitForModule,
  setupModule,
  pingModule,
  ...inventoryModules,
  ...asyncModules,
  ...otherOsModules,
  ...servicesModules,
  ...packagesModules,
  ...accountsModules,
  ...dockerModules,
  ...systemModules,
  ...cryptoModules,
  ...mysqlModules,
  ...webModules,
  ...fileFamilyModules,
];
