// The selinux facts from the `selinux` section of the facts script (see src/facts/script.ts), in the
// shape of Ansible 2.14's collector with libselinux. The lab hosts' real output is checked against
// `ansible -m setup` in gather.test.ts.
import { describe, expect, it } from 'vitest';
import { configMode, policyType, selinuxFacts } from '../../../src/facts/selinux.js';

const section = (...lines: string[]) => ({ selinux: lines.join('\n') + '\n' });
const enforcingHost = ['library', 'mount rw,relatime', 'enforce 1', 'policyvers 33', 'config', 'config # comment', 'config SELINUX=permissive', 'config SELINUXTYPE=targeted'];

describe('selinux facts', () => {
  it('without libselinux: the status Ansible gives when its library is missing', () => {
    expect(selinuxFacts(section())).toEqual({ selinux: { status: 'Missing selinux Python library' }, selinux_python_present: false });
    expect(selinuxFacts({})).toEqual({ selinux: { status: 'Missing selinux Python library' }, selinux_python_present: false });
  });

  it.each([
    ['no selinuxfs (the lab hosts)', ['library']],
    ['selinuxfs mounted read-only (a container on an SELinux host)', ['library', 'mount ro,relatime', 'enforce 1', 'config']],
    ['no /etc/selinux/config', ['library', 'mount rw,relatime', 'enforce 1', 'policyvers 33']],
  ])('disabled with %s', (_why, lines) => {
    expect(selinuxFacts(section(...lines))).toEqual({ selinux: { status: 'disabled' }, selinux_python_present: true });
  });

  it('enabled: kernel mode, configured mode, policy type and version', () => {
    expect(selinuxFacts(section(...enforcingHost))).toEqual({
      selinux: { status: 'enabled', policyvers: 33, config_mode: 'permissive', mode: 'enforcing', type: 'targeted' },
      selinux_python_present: true,
    });
  });

  it("enabled but unreadable values are 'unknown'", () => {
    const facts = selinuxFacts(section('library', 'mount rw', 'config'));
    expect(facts.selinux).toEqual({ status: 'enabled', policyvers: 'unknown', config_mode: 'unknown', mode: 'unknown', type: 'targeted' });
    expect((selinuxFacts(section('library', 'mount rw', 'enforce 0', 'config')).selinux as { mode: string }).mode).toBe('permissive');
  });
});

describe('/etc/selinux/config as libselinux reads it', () => {
  it('SELINUX=: the first line with a known value, any case, only at the start of a line', () => {
    expect(configMode(['SELINUX=Enforcing'])).toBe('enforcing');
    expect(configMode(['SELINUX=bogus', 'SELINUX=disabled'])).toBe('disabled');
    expect(configMode([' SELINUX=enforcing', 'SELINUXTYPE=mls', '#SELINUX=permissive'])).toBe('unknown');
    expect(configMode([])).toBe('unknown');
  });

  it("SELINUXTYPE=: the last one, any case, blanks around; 'targeted' without one", () => {
    expect(policyType(['  selinuxtype=mls  ', 'SELINUX=enforcing'])).toBe('mls');
    expect(policyType(['SELINUXTYPE=mls', 'SELINUXTYPE=minimum'])).toBe('minimum');
    expect(policyType(['# SELINUXTYPE=mls', 'SELINUX=enforcing'])).toBe('targeted');
  });
});
