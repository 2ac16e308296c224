// The docker family: community.docker's modules, driving the target's docker CLI (no Python, no SDK).
import type { Module } from '../types.js';
import { dockerContainerModule } from './docker_container/module.js';
import { dockerContainerInfoModule } from './docker_container_info/module.js';
import { dockerImageModule } from './docker_image/module.js';
import { dockerImageInfoModule } from './docker_image_info/module.js';
import { dockerNetworkModule } from './docker_network/module.js';
import { dockerVolumeModule } from './docker_volume/module.js';

export const dockerModules: Module[] = [dockerImageModule, dockerContainerModule, dockerNetworkModule, dockerVolumeModule, dockerContainerInfoModule, dockerImageInfoModule];
