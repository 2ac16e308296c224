// crypt(3) hashes against values printed by `openssl passwd` and by Ansible's password_hash (passlib).
import { describe, expect, it } from 'vitest';
import { md5Crypt, shaCrypt } from '../../../src/util/crypt.js';

describe('crypt hashes', () => {
  it('SHA-512 crypt as openssl passwd -6 writes it', () => {
    expect(shaCrypt('sha512', 'secret', 'abcdefgh')).toBe('$6$abcdefgh$ltjgWl6579NluT/Vi1nwEvcil.G5Nbc4NiXZaNGStk8PSwGfQv72N2CKPPrVACtLtip/cZ/1GM/O6IND4WQhG.');
    expect(shaCrypt('sha512', 'a much longer password that runs past sixty-four bytes of text, äöü', 'x./Y9')).toBe(
      '$6$x./Y9$Re.Uxu1P5spjdRrs8QIl4aqCH1WeaixkzIJY8Em6IWPZPbMh7zQzrOy1gUiZxjA6Q03uZ7pmq2xwJ1hw203vy0',
    );
  });

  it('SHA-256 crypt as openssl passwd -5 writes it', () => {
    expect(shaCrypt('sha256', 'secret', 'abcdefgh')).toBe('$5$abcdefgh$gruCpC7VkOTspMQTTSAR8mtlO9Upms.fwqE5y16JVM.');
  });

  it('explicit rounds are written into the hash, as passlib does', () => {
    expect(shaCrypt('sha512', 'secret', 'abcdefgh', 6000)).toBe('$6$rounds=6000$abcdefgh$oyRtsHb8OAnkAZfaESHu0fVl8scdV5TPBmm1gOjgdcgxCRNdCMLvSb5UVgN.niT/x2T9GYI76NUALSVAxhlnS.');
    expect(shaCrypt('sha256', 'secret', 'abcdefgh', 535000)).toBe('$5$rounds=535000$abcdefgh$QXIhOR7fttJ4bdMfcw7BEvHVCsepCVESzLPmE9hth51');
  });

  it('a salt is cut to 16 characters', () => {
    expect(shaCrypt('sha512', 'x', '0123456789abcdefXYZ')).toBe(shaCrypt('sha512', 'x', '0123456789abcdef'));
  });

  it('MD5 crypt as openssl passwd -1 writes it', () => {
    expect(md5Crypt('secret', 'abcdefgh')).toBe('$1$abcdefgh$cHJi5PXp/ki/ktXzqlk6I1');
    expect(md5Crypt('pässword', 'ab')).toBe('$1$ab$zSxXTAOa3MsUL6fbBrrN71');
  });
});
