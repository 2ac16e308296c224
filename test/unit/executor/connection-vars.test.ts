// A task's connection variables are rendered like any other template, variables over keywords over the
// command line, and a value that cannot be rendered is the task's failure naming the variable and host.
import { describe, expect, it } from 'vitest';
import { keywordVars, renderConnectionVars } from '../../../src/executor/connection-vars.js';

const hostVars = {
  inventory_hostname: 'web1',
  myport: 2222,
  deploy: 'deployer',
  ansible_port: '{{ myport }}',
  ansible_host: "{{ '10.0.0.' ~ 5 }}",
  ansible_user: '{{ deploy }}',
  ansible_become_password: '{{ vault_sudo }}',
  vault_sudo: 's3cret-sudo',
  ansible_ssh_common_args: '-o UserKnownHostsFile={{ kh }}',
  kh: '/tmp/kh',
  unrelated: '{{ never_rendered_here }}',
};

describe('renderConnectionVars', () => {
  it('renders every connection and become variable with the host variables, and nothing else', () => {
    expect(renderConnectionVars('web1', hostVars)).toEqual({
      inventory_hostname: 'web1',
      ansible_port: 2222,
      ansible_host: '10.0.0.5',
      ansible_user: 'deployer',
      ansible_become_password: 's3cret-sudo',
      ansible_ssh_common_args: '-o UserKnownHostsFile=/tmp/kh',
    });
  });

  it('lets variables win over keywords, and keywords over the command line', () => {
    const keywords = keywordVars({ connection: 'local', remoteUser: '{{ deploy }}', port: '{{ myport + 1 }}' }, hostVars, 'web1');
    expect({ ...keywords, ansible_port: String(keywords.ansible_port) }).toEqual({ ansible_connection: 'local', ansible_user: 'deployer', ansible_port: '2223' });
    const cli = { ansible_user: 'cli-user', ansible_timeout: '7', ansible_connection: 'ssh' };
    const r = renderConnectionVars('web1', { inventory_hostname: 'web1', ansible_user: 'var-user' }, [keywords, cli]);
    expect(r).toMatchObject({ ansible_user: 'var-user', ansible_connection: 'local', ansible_port: keywords.ansible_port, ansible_timeout: '7' });
  });

  it('names the variable and the host when a value cannot be rendered, as a task failure', () => {
    expect(() => renderConnectionVars('web1', { ...hostVars, ansible_port: '{{ missing.attr }}', missing: {} })).toThrow(
      expect.objectContaining({ code: 'bad-connection-vars', unreachable: false, message: expect.stringMatching(/^ansible_port for web1 cannot be rendered: /) }),
    );
    expect(() => keywordVars({ remoteUser: '{{ missing.attr }}' }, { missing: {} }, 'web1')).toThrow(/^remote_user for web1 cannot be rendered/);
  });

  it('renders a value only once: rendered text that looks like a template stays text', () => {
    const r = renderConnectionVars('h', { inventory_hostname: 'h', ansible_user: '{{ u }}', u: '{{ "{{" }} x }}' });
    expect(r.ansible_user).toBe('{{ x }}');
  });
});
