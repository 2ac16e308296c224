// virtualization_type / role / tech_guest: containers by their marker files and cgroups, virtual
// machines by the DMI product name and vendor.
import { sectionLines, type Sections } from './script.js';

const VM_VENDORS: [RegExp, string][] = [
  [/KVM|QEMU|Amazon EC2|Google Compute Engine|OpenStack/i, 'kvm'],
  [/VMware/i, 'VMware'],
  [/VirtualBox/i, 'virtualbox'],
  [/Virtual Machine|Microsoft/i, 'VirtualPC'],
  [/Xen/i, 'xen'],
];

export function virtualizationFacts(sections: Sections): Record<string, unknown> {
  const lines = sectionLines(sections, 'virt').map((l) => l.trim());
  const container = ['docker', 'podman', 'lxc'].find((c) => lines.includes(c));
  if (container) return { virtualization_type: container, virtualization_role: 'guest', virtualization_tech_guest: [container, 'container'], virtualization_tech_host: [] };
  const vm = VM_VENDORS.find(([re]) => lines.some((l) => re.test(l)));
  if (vm) return { virtualization_type: vm[1], virtualization_role: 'guest', virtualization_tech_guest: [vm[1]], virtualization_tech_host: [] };
  return { virtualization_type: 'NA', virtualization_role: 'NA', virtualization_tech_guest: [], virtualization_tech_host: [] };
}
