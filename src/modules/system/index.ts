// The system family: cron, sysctl, hostname, mount, pam_limits and ini_file.
import type { Module } from '../types.js';
import { cronModule } from './cron/module.js';
import { iniFileModule } from './ini_file/module.js';
import { sysctlModule } from './sysctl/module.js';
import { pamLimitsModule } from './pam_limits/module.js';
import { hostnameModule } from './hostname/module.js';
import { mountModule } from './mount/module.js';

export const systemModules: Module[] = [cronModule, iniFileModule, sysctlModule, pamLimitsModule, hostnameModule, mountModule];
