// system, kernel, machine, architecture, userspace bits: from uname and getconf.
import { sectionLines, type Sections } from './script.js';

export function platformFacts(sections: Sections): Record<string, unknown> {
  const [system = '', kernel = '', kernelVersion = '', machine = '', bits = ''] = sectionLines(sections, 'uname');
  const architecture = /^i[3-6]86$/.test(machine) ? 'i386' : machine;
  return {
    system,
    kernel,
    kernel_version: kernelVersion,
    machine,
    architecture,
    userspace_bits: bits,
    userspace_architecture: bits === '32' && architecture === 'x86_64' ? 'i386' : architecture,
  };
}
