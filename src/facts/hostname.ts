// hostname, nodename, fqdn, domain.
import { sectionLines, type Sections } from './script.js';

export function hostnameFacts(sections: Sections): Record<string, unknown> {
  const [nodename = '', fqdnLine] = sectionLines(sections, 'hostname');
  const fqdn = fqdnLine?.trim() || nodename;
  const dot = fqdn.indexOf('.');
  return {
    nodename,
    hostname: nodename.split('.')[0],
    fqdn,
    domain: dot >= 0 ? fqdn.slice(dot + 1) : '',
  };
}
