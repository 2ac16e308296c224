// The vault header and hex body layout of Ansible Vault 1.1 and 1.2.
import { describe, expect, it } from 'vitest';
import { formatEnvelope, parseEnvelope } from '../../../src/vault/envelope.js';

describe('vault envelope', () => {
  it('1.1 for the default id, 1.2 with the label otherwise; lines of 80, a final newline', () => {
    const body = 'ab'.repeat(90);
    expect(formatEnvelope(body)).toBe(`$ANSIBLE_VAULT;1.1;AES256\n${body.slice(0, 80)}\n${body.slice(80, 160)}\n${body.slice(160)}\n`);
    expect(formatEnvelope('abcd', 'prod').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;prod');
  });

  it('reads the header parts and joins the body, whatever the indentation and line endings', () => {
    expect(parseEnvelope('$ANSIBLE_VAULT;1.2;AES256;prod\r\n  6162\r\n  6364\r\n')).toEqual({ version: '1.2', cipher: 'AES256', label: 'prod', body: '61626364' });
    expect(parseEnvelope('$ANSIBLE_VAULT;1.1;AES256\n6162\n')).toEqual({ version: '1.1', cipher: 'AES256', body: '6162' });
  });

  it('refuses a header that is not a vault header and a header without a body', () => {
    expect(() => parseEnvelope('$ANSIBLE_VAULT\n6162')).toThrow(/not a vault header/);
    expect(() => parseEnvelope('$ANSIBLE_VAULT;1.1;AES256\n')).toThrow(/no ciphertext/);
  });
});
