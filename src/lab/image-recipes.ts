// What each lab image contains. Each layer builds FROM the previous one, so one debootstrap base
// serves every kind: base → plain (users, sshd) → systemd → docker.
import type { HostKind } from './lab-file.js';

export const DEBIAN_SUITE = 'bookworm';
export const BASE_PACKAGES = ['openssh-server', 'python3', 'iproute2', 'procps', 'sudo'];

/**
 * Runs at every container start, before sshd or systemd. The host keys are made here, in the
 * container, never in the image: each host gets its own. The lab's login key comes from the
 * environment, so one image serves every lab.
 */
export const ENTRYPOINT_SCRIPT = `#!/bin/sh
set -eu
key=/etc/ssh/ssh_host_ed25519_key
[ -s "$key" ] || ssh-keygen -q -t ed25519 -N '' -C "$(hostname)" -f "$key"
if [ -n "\${HA_RUN_LAB_AUTHORIZED_KEY:-}" ]; then
  for user in root ha app; do
    home=$(getent passwd "$user" | cut -d: -f6)
    mkdir -p "$home/.ssh"
    touch "$home/.ssh/authorized_keys"
    grep -qxF "$HA_RUN_LAB_AUTHORIZED_KEY" "$home/.ssh/authorized_keys" ||
      printf '%s\\n' "$HA_RUN_LAB_AUTHORIZED_KEY" >>"$home/.ssh/authorized_keys"
    chmod 700 "$home/.ssh"
    chmod 600 "$home/.ssh/authorized_keys"
    chown -R "$user:$user" "$home/.ssh"
  done
fi
unset HA_RUN_LAB_AUTHORIZED_KEY
mkdir -p /run/sshd
exec "$@"
`;

/** Only the ed25519 host key: known_hosts then holds exactly the key every client will be offered. */
export const SSHD_CONFIG = `HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
`;

const APT_INSTALL = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends';

export interface LayerRecipe {
  /** Image repository name; the tag is a hash of the recipe and its parent. */
  repository: string;
  dockerfile(from: string): string;
  /** Extra files for the build context. */
  files: Record<string, string>;
}

const plain: LayerRecipe = {
  repository: 'ha-run-lab/plain',
  files: { 'entrypoint.sh': ENTRYPOINT_SCRIPT, 'sshd.conf': SSHD_CONFIG },
  dockerfile: (from) => `FROM ${from}
RUN useradd -m -s /bin/bash ha && useradd -m -s /bin/bash app \\
 && usermod -p '*' ha && usermod -p '*' app \\
 && echo 'ha ALL=(ALL) NOPASSWD:ALL' >/etc/sudoers.d/ha && chmod 0440 /etc/sudoers.d/ha \\
 && rm -f /etc/ssh/ssh_host_*
COPY sshd.conf /etc/ssh/sshd_config.d/ha-run-lab.conf
COPY entrypoint.sh /usr/local/sbin/ha-run-lab-entrypoint
RUN chmod 0755 /usr/local/sbin/ha-run-lab-entrypoint && chmod 0644 /etc/ssh/sshd_config.d/ha-run-lab.conf
EXPOSE 22
ENTRYPOINT ["/usr/local/sbin/ha-run-lab-entrypoint"]
CMD ["/usr/sbin/sshd", "-D", "-e"]
`,
};

const systemd: LayerRecipe = {
  repository: 'ha-run-lab/systemd',
  files: {},
  // Units that need real hardware or consoles only fail in a container; masking them lets
  // `systemctl is-system-running` say `running`, as on a healthy server.
  dockerfile: (from) => `FROM ${from}
RUN ${APT_INSTALL} systemd systemd-sysv dbus && apt-get clean && rm -f /etc/ssh/ssh_host_*
RUN systemctl enable ssh.service \\
 && systemctl mask getty@tty1.service console-getty.service systemd-udevd.service systemd-udevd-kernel.socket \\
    systemd-udevd-control.socket systemd-modules-load.service sys-kernel-config.mount sys-kernel-debug.mount \\
    sys-kernel-tracing.mount systemd-remount-fs.service systemd-firstboot.service
STOPSIGNAL SIGRTMIN+3
CMD ["/sbin/init"]
`,
};

const dockerEngine: LayerRecipe = {
  repository: 'ha-run-lab/docker',
  files: {},
  dockerfile: (from) => `FROM ${from}
RUN ${APT_INSTALL} docker.io ca-certificates iptables && apt-get clean && rm -f /etc/ssh/ssh_host_*
`,
};

/** The layers to build, in order, for a host kind. */
export function layersFor(kind: HostKind): LayerRecipe[] {
  switch (kind) {
    case 'plain':
      return [plain];
    case 'systemd':
      return [plain, systemd];
    case 'docker':
      return [plain, systemd, dockerEngine];
  }
}
