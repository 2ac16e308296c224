// TEMPORARY until src/modules/all.ts registers the core modules: the list the loader tests run with.
import { commandModule } from '../../../src/modules/command.js';
import { copyModule } from '../../../src/modules/copy.js';
import { debugModule } from '../../../src/modules/debug.js';
import { fileModule } from '../../../src/modules/file.js';
import { includeVarsModule } from '../../../src/modules/include-vars.js';
import { lineinfileModule } from '../../../src/modules/lineinfile.js';
import { setFactModule } from '../../../src/modules/set-fact.js';
import { shellModule } from '../../../src/modules/shell.js';
import { templateModule } from '../../../src/modules/template.js';
import type { Module } from '../../../src/modules/types.js';

export const coreModules: Module[] = [commandModule, copyModule, debugModule, fileModule, includeVarsModule, lineinfileModule, setFactModule, shellModule, templateModule];
