// x509_certificate_info on a certificate recorded on a lab host; the expected values are what
// community.crypto's x509_certificate_info returned for the same certificate (ansible-core 2.14).
import { describe, expect, it } from 'vitest';
import { certificateInfo } from '../../../../src/modules/crypto/x509_certificate_info/module.js';
import { caCert, none, serverCert } from './fixture-facts.js';

const now = new Date('2026-12-06T17:00:00Z');

describe('x509_certificate_info', () => {
  it("reports a server certificate as community.crypto does", () => {
    const info = certificateInfo({ path: '/srv.crt', valid_at: { soon: '+30d', later: '+3650d' } }, { cert: serverCert, now });
    expect(info).toMatchObject({
      expired: false,
      not_before: '20261206163546Z',
      not_after: '20270306163546Z',
      subject: { commonName: 'srv.example.com' },
      subject_ordered: [['commonName', 'srv.example.com']],
      issuer: { commonName: 'Harun Test CA' },
      subject_alt_name: ['DNS:srv.example.com', 'IP:10.9.8.7'],
      subject_alt_name_critical: false,
      key_usage: null,
      extended_key_usage: ['TLS Web Server Authentication'],
      basic_constraints: null,
      subject_key_identifier: '28:b1:22:a5:75:30:f8:6d:35:eb:da:69:35:cc:0e:86:99:02:9d:7f',
      authority_key_identifier: '38:bb:5d:b2:d0:9d:90:66:10:c7:2b:0f:c4:c8:e7:dc:0c:a7:20:14',
      public_key_type: 'RSA',
      signature_algorithm: 'ecdsa-with-SHA256',
      version: 3,
      valid_at: { soon: true, later: false },
    });
    expect((info.fingerprints as Record<string, string>).sha256).toBe('6b:56:4d:fc:91:19:83:97:03:05:b6:3a:31:88:ab:ac:ae:12:f2:b2:49:52:bb:80:fb:d9:39:08:2f:6d:61:4e');
    expect((info.public_key_fingerprints as Record<string, string>).sha256).toBe('1b:00:2b:5e:70:21:0f:99:49:6a:d4:8e:7a:f1:69:56:ab:a0:a3:a9:ed:62:86:29:1a:d8:5e:70:41:1f:fb:61');
    expect(Object.keys(info.fingerprints as object)).toHaveLength(14);
  });
  it('a CA certificate: basic constraints and key usage', () => {
    const info = certificateInfo({ path: '/ca.crt' }, { cert: caCert, now });
    expect(info).toMatchObject({ basic_constraints: ['CA:TRUE'], basic_constraints_critical: true, key_usage: ['CRL Sign', 'Certificate Sign'], key_usage_critical: true, valid_at: {} });
  });
  it('a missing certificate fails', () => {
    expect(() => certificateInfo({ path: '/none.crt' }, { cert: none, now })).toThrow(/The certificate \/none.crt does not exist/);
  });
});
