import { describe, expect, it } from 'vitest';
import {
  classifyOfferedKey,
  entryMatches,
  fingerprintSha256,
  keyTypeOf,
  knownHostName,
  knownHostsLine,
  knownKeyTypes,
  parseKnownHosts,
  verifyHostKey,
} from '../../../src/connection/known-hosts.js';

// Two real ed25519 keys; fingerprints and hashed lines produced by ssh-keygen -lf / ssh-keygen -H.
const KEY1 = 'AAAAC3NzaC1lZDI1NTE5AAAAIO0oU9UTfzkl37AjPqM+BoFYN2zqxTlH0d+AmMY/4yp9';
const KEY2 = 'AAAAC3NzaC1lZDI1NTE5AAAAIHfkK1U71Ulg/wUqgUWINmvLbIi9s1Px0/TztnSO2lMj';
const blob1 = Buffer.from(KEY1, 'base64');
const blob2 = Buffer.from(KEY2, 'base64');
// '[example.org]:2222' -> KEY1 and 'plain.example' -> KEY2, hashed by `ssh-keygen -H`.
const HASHED = [
  `|1|L9DJJLUC21nWnjTu07dtOHsy8cA=|JzIt3xHDCyPGH8NI0A47u/qEx/s= ssh-ed25519 ${KEY1}`,
  `|1|ouo2xOPVaU+xE85xbusSzev/tMU=|mlpW72bW+fRlW0Ep8zCXACzRCGs= ssh-ed25519 ${KEY2}`,
].join('\n');

describe('parseKnownHosts', () => {
  it('reads entries with line numbers, markers and comments, skipping junk', () => {
    const entries = parseKnownHosts(
      [
        '# comment',
        '',
        `host1,10.0.0.1 ssh-ed25519 ${KEY1} user@box`,
        'broken-line-without-key',
        `@revoked * ssh-ed25519 ${KEY2}`,
        `@cert-authority *.example ssh-ed25519 ${KEY2}`,
        `@bogus host ssh-ed25519 ${KEY2}`,
        'host2 ssh-ed25519 not*base64',
      ].join('\r\n'),
    );
    expect(entries.map((e) => [e.line, e.marker, e.hosts])).toEqual([
      [3, undefined, 'host1,10.0.0.1'],
      [5, 'revoked', '*'],
      [6, 'cert-authority', '*.example'],
    ]);
    expect(entries[0]!.key.equals(blob1)).toBe(true);
  });
});

describe('host matching', () => {
  it('uses [host]:port for ports other than 22, lower-cased', () => {
    expect(knownHostName('Example.ORG', 22)).toBe('example.org');
    expect(knownHostName('127.0.0.1', 2201)).toBe('[127.0.0.1]:2201');
  });

  it('matches plain names, wildcards and negations', () => {
    const [e] = parseKnownHosts(`web?.example,*.lab,!db.lab,[127.0.0.1]:2201 ssh-ed25519 ${KEY1}`);
    expect(entryMatches(e!, 'web1.example')).toBe(true);
    expect(entryMatches(e!, 'web10.example')).toBe(false);
    expect(entryMatches(e!, 'a.lab')).toBe(true);
    expect(entryMatches(e!, 'db.lab')).toBe(false);
    expect(entryMatches(e!, '[127.0.0.1]:2201')).toBe(true);
    expect(entryMatches(e!, '127.0.0.1')).toBe(false);
    expect(entryMatches(e!, '[127.0.0.1]:2202')).toBe(false);
    // A dot in a pattern is literal, not a regex wildcard.
    expect(entryMatches(e!, 'web1xexample')).toBe(false);
  });

  it('matches hashed |1| entries written by ssh-keygen -H', () => {
    const entries = parseKnownHosts(HASHED);
    expect(entryMatches(entries[0]!, '[example.org]:2222')).toBe(true);
    expect(entryMatches(entries[0]!, 'example.org')).toBe(false);
    expect(entryMatches(entries[1]!, 'plain.example')).toBe(true);
    expect(entryMatches(entries[1]!, '[example.org]:2222')).toBe(false);
  });
});

describe('verifyHostKey', () => {
  const entries = parseKnownHosts(`${HASHED}\n[10.0.0.5]:2201 ssh-ed25519 ${KEY1}\n`);

  it('knows a recorded key (hashed or plain)', () => {
    expect(verifyHostKey(entries, '[example.org]:2222', blob1).status).toBe('known');
    expect(verifyHostKey(entries, '[10.0.0.5]:2201', blob1).status).toBe('known');
  });

  it('reports a different key for a known host as changed, with the line', () => {
    const v = verifyHostKey(entries, '[example.org]:2222', blob2);
    expect(v.status).toBe('changed');
    expect(v.status === 'changed' && v.entry.line).toBe(1);
  });

  it('reports a host it has never seen as unknown', () => {
    expect(verifyHostKey(entries, 'other.example', blob1).status).toBe('unknown');
    expect(verifyHostKey([], '[10.0.0.5]:2201', blob1).status).toBe('unknown');
  });

  it('refuses revoked keys even for known hosts', () => {
    const withRevoked = parseKnownHosts(`h ssh-ed25519 ${KEY1}\n@revoked * ssh-ed25519 ${KEY1}`);
    expect(verifyHostKey(withRevoked, 'h', blob1).status).toBe('revoked');
  });

  it('lists the key types recorded for a host', () => {
    expect(knownKeyTypes(entries, 'plain.example')).toEqual(['ssh-ed25519']);
    expect(knownKeyTypes(entries, 'nobody')).toEqual([]);
  });
});

describe('key helpers', () => {
  it('computes the SHA256 fingerprint exactly as ssh-keygen -lf', () => {
    expect(fingerprintSha256(blob1)).toBe('SHA256:5oOsWbI2qKRq0DUurXu4Cd7YrJwGCd+Z1+LuSF9iVJk');
    expect(fingerprintSha256(blob2)).toBe('SHA256:2pq4DZC1H40hYDL8jCA6Hihk8XVpgQ8+IBlH4g+NEck');
  });

  it('reads the key type from the blob and writes a line that parses back', () => {
    expect(keyTypeOf(blob1)).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
    const line = knownHostsLine('[127.0.0.1]:2201', blob2);
    expect(line).toBe(`[127.0.0.1]:2201 ssh-ed25519 ${KEY2}\n`);
    expect(verifyHostKey(parseKnownHosts(line), '[127.0.0.1]:2201', blob2).status).toBe('known');
  });
});

describe('classifyOfferedKey (a scan sees every key a host offers)', () => {
  // An RSA key blob only needs its type here: 'ssh-rsa' then anything.
  const rsa = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-rsa'), Buffer.from([0, 0, 0, 1, 1])]);
  const entries = parseKnownHosts([`[127.0.0.1]:2201 ssh-ed25519 ${KEY1}`, `@revoked * ssh-ed25519 ${KEY2}`, `other ssh-ed25519 ${KEY2}`].join('\n'));

  it('known, changed (same type, other key), new (a type not recorded), revoked', () => {
    expect(classifyOfferedKey(entries, '[127.0.0.1]:2201', blob1)).toMatchObject({ status: 'known', entry: { line: 1 } });
    expect(classifyOfferedKey(entries, '[127.0.0.1]:2201', rsa)).toEqual({ status: 'new' });
    expect(classifyOfferedKey(entries, 'fresh', blob1)).toEqual({ status: 'new' });
    expect(classifyOfferedKey(entries, 'other', blob1)).toMatchObject({ status: 'changed', entry: { line: 3 } });
    expect(classifyOfferedKey(entries, 'anyone', blob2)).toMatchObject({ status: 'revoked', entry: { line: 2 } });
  });
});
