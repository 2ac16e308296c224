import { describe, expect, it } from 'vitest';
import { chooseSubnet, cidrRange, hostAddress } from '../../../src/lab/network.js';

describe('lab subnets', () => {
  it('picks the first /24 in 10.213.0.0/16 that overlaps nothing taken', () => {
    expect(chooseSubnet([])).toBe('10.213.0.0/24');
    expect(chooseSubnet(['172.17.0.0/16', '10.213.0.0/24', '10.213.1.128/25'])).toBe('10.213.2.0/24');
  });

  it('treats a wider network that covers the range as a clash', () => {
    expect(() => chooseSubnet(['10.0.0.0/8'])).toThrow(/taken/);
    expect(chooseSubnet(['10.213.0.5/32'])).toBe('10.213.1.0/24');
  });

  it('ignores what it cannot parse (IPv6 and such)', () => {
    expect(chooseSubnet(['fd00::/64', 'garbage'])).toBe('10.213.0.0/24');
  });

  it('computes ranges and host addresses (.10 upwards; .1 is the gateway)', () => {
    expect(cidrRange('10.213.4.77/24')).toEqual([cidrRange('10.213.4.0/32')![0], cidrRange('10.213.4.255/32')![0]]);
    expect(hostAddress('10.213.4.0/24', 0)).toBe('10.213.4.10');
    expect(hostAddress('10.213.4.0/24', 5)).toBe('10.213.4.15');
    expect(() => hostAddress('10.213.4.0/24', 250)).toThrow(/no room/);
  });
});
