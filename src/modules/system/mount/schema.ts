// mount's arguments (ansible.posix's names; path alias name).
import type { ArgsSchema } from '../../types.js';
import { exclusive, oneOf } from '../../schema-rules.js';

export const MOUNT_STATES = ['absent', 'absent_from_fstab', 'mounted', 'present', 'unmounted', 'remounted', 'ephemeral'] as const;

export interface MountArgs {
  path?: string;
  name?: string;
  src?: string;
  fstype?: string;
  opts?: string;
  dump?: string;
  passno?: string;
  fstab?: string;
  boot?: boolean;
  backup?: boolean;
  state: (typeof MOUNT_STATES)[number];
}

const needs = (state: string) => ({ description: `src and fstype are required with state=${state}`, if: { properties: { state: { const: state } }, required: ['state'] }, then: { required: ['src', 'fstype'] } });

export const mountSchema: ArgsSchema = {
  type: 'object',
  description: 'Keeps a mount point in fstab and mounts, remounts or unmounts it.',
  additionalProperties: false,
  required: ['state'],
  properties: {
    path: { type: 'string', description: 'The mount point (alias: name).' },
    name: { type: 'string', description: 'Alias of path.' },
    src: { type: 'string', description: 'The device, label (LABEL=...), remote share or directory to mount.' },
    fstype: { type: 'string', description: 'The file system type (ext4, nfs, tmpfs, none for bind mounts, ...).' },
    opts: { type: 'string', description: "Mount options, comma-separated (default 'defaults')." },
    dump: { type: 'string', default: '0', description: "fstab's dump field." },
    passno: { type: 'string', default: '0', description: "fstab's pass number field." },
    fstab: { type: 'string', description: 'The fstab file (default /etc/fstab); another one is passed to mount with -T.' },
    boot: { type: 'boolean', default: true, description: "false adds 'noauto' to the options (unless they say 'defaults')." },
    backup: { type: 'boolean', default: false, description: 'Keep the old fstab as fstab.<timestamp>~ when it changes (registered as backup_file).' },
    state: { type: 'string', enum: [...MOUNT_STATES], description: 'present/absent_from_fstab: fstab only; mounted/unmounted/remounted/absent also mount or unmount; ephemeral: mount without fstab.' },
  },
  allOf: [oneOf('path', 'name'), exclusive('path', 'name'), needs('mounted'), needs('present'), needs('ephemeral')],
};
