// dns: nameservers, search domains and options from /etc/resolv.conf.
import { sectionLines, type Sections } from './script.js';

export function dnsFacts(sections: Sections): Record<string, unknown> {
  const dns: { nameservers?: string[]; search?: string[]; domain?: string; options?: Record<string, string | boolean> } = {};
  for (const line of sectionLines(sections, 'resolv')) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key.startsWith('#') || key.startsWith(';')) continue;
    if (key === 'nameserver' && values[0]) (dns.nameservers ??= []).push(values[0]);
    else if (key === 'search') dns.search = values;
    else if (key === 'domain') dns.domain = values[0];
    else if (key === 'options') {
      for (const option of values) {
        const [name, value] = option.split(':');
        (dns.options ??= {})[name] = value ?? true;
      }
    }
  }
  return { dns };
}
