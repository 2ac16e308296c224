import { describe, expect, it } from 'vitest';
import { expandHostRange, HostRangeError, MAX_RANGE_HOSTS } from '../../../src/inventory/ranges.js';
import { splitHostPort } from '../../../src/inventory/address.js';

describe('expandHostRange', () => {
  it.each([
    ['node[1:3]', ['node1', 'node2', 'node3']],
    ['web[01:10:3]', ['web01', 'web04', 'web07', 'web10']],
    ['db-[a:c]', ['db-a', 'db-b', 'db-c']],
    ['x[:2]', ['x0', 'x1', 'x2']],
    ['r[1:2]-[a:b].lan', ['r1-a.lan', 'r1-b.lan', 'r2-a.lan', 'r2-b.lan']],
    ['[A:C]x', ['Ax', 'Bx', 'Cx']],
    ['plain.example.com', ['plain.example.com']],
  ])('%s', (pattern, hosts) => {
    expect(expandHostRange(pattern)).toEqual(hosts);
  });

  it.each([
    ['web[3:1]', /begin <= end/],
    ['web[c:a]', /begin <= end/],
    ['web[1:]', /no end value/],
    ['web[1]', /\[begin:end\]/],
    ['web[1:2:3:4]', /\[begin:end\]/],
    ['web[1:3:0]', /positive whole step/],
    ['web[01:100]', /same width/],
    ['web[a:3]', /numbers or single letters/],
    ['web[1:3', /without a closing/],
    ['web[0:999999999]', new RegExp(`more than ${MAX_RANGE_HOSTS}`)],
  ])('refuses %s', (pattern, message) => {
    expect(() => expandHostRange(pattern)).toThrow(HostRangeError);
    expect(() => expandHostRange(pattern)).toThrow(message);
  });
});

describe('splitHostPort', () => {
  it.each([
    ['db1:2222', { pattern: 'db1', port: 2222 }],
    ['web[1:3]:2200', { pattern: 'web[1:3]', port: 2200 }],
    ['[fe80::1]:22', { pattern: 'fe80::1', port: 22 }],
    ['fe80::1', { pattern: 'fe80::1' }],
    ['10.0.0.1:2022', { pattern: '10.0.0.1', port: 2022 }],
    ['node[1:3]', { pattern: 'node[1:3]' }],
    ['plain', { pattern: 'plain' }],
  ])('%s', (entry, expected) => {
    expect(splitHostPort(entry)).toEqual(expected);
  });
});
