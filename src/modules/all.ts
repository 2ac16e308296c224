// The list of modules ha-run ships, by family: one folder per family (commands, files, control, facts, net, packages, ...).
import type { Module } from './types.js';
import { commandModule } from './commands/command.js';
import { shellModule } from './commands/shell.js';
import { rawModule } from './commands/raw.js';
import { scriptModule } from './commands/script.js';
import { fileModule } from './files/file.js';
import { copyModule } from './files/copy.js';
import { templateModule } from './files/template.js';
import { lineinfileModule } from './files/lineinfile.js';
import { blockinfileModule } from './files/blockinfile.js';
import { replaceModule } from './files/replace.js';
import { statModule } from './files/stat.js';
import { slurpModule } from './files/slurp.js';
import { fetchModule } from './files/fetch.js';
import { debugModule } from './control/debug.js';
import { assertModule } from './control/assert.js';
import { failModule } from './control/fail.js';
import { setFactModule } from './control/set-fact.js';
import { includeVarsModule } from './control/include-vars.js';
import { metaModule } from './control/meta.js';
import { pauseModule } from './control/pause.js';
import { waitForModule } from './net/wait-for.js';
import { setupModule } from './facts/setup.js';
import { pingModule } from './net/ping.js';
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
