// hostname's arguments (Ansible's names; `use` picks the strategy).
import type { ArgsSchema } from '../../types.js';

export const HOSTNAME_STRATEGIES = ['alpine', 'debian', 'freebsd', 'generic', 'macos', 'macosx', 'darwin', 'openbsd', 'openrc', 'redhat', 'sles', 'solaris', 'systemd'] as const;

export interface HostnameArgs {
  name: string;
  use?: (typeof HOSTNAME_STRATEGIES)[number];
}

export const hostnameSchema: ArgsSchema = {
  type: 'object',
  description: "Sets the host's name: with hostnamectl where systemd runs, else in /etc/hostname (as Ansible does on Debian).",
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, description: 'The host name.' },
    use: { type: 'string', enum: [...HOSTNAME_STRATEGIES], description: "How to set it (default: systemd where systemd runs, else the OS's file). 'debian' means systemd, as in Ansible." },
  },
};
