// The services family: systemd (systemd_service), service, service_facts.
import type { Module } from '../types.js';
import { systemdModule } from './systemd/module.js';
import { serviceModule } from './service/module.js';
import { serviceFactsModule } from './service_facts/module.js';

export const servicesModules: Module[] = [systemdModule, serviceModule, serviceFactsModule];
