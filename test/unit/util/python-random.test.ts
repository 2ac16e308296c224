// PythonRandom against values printed by CPython 3.11 (random.Random(seed) ...).
import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../src/util/python-random.js';

describe('PythonRandom gives what CPython gives for the same seed', () => {
  it('randrange with a string seed', () => {
    const r = new PythonRandom('web1');
    expect([r.randrange(0, 60), r.randrange(0, 60)]).toEqual([52, 20]);
  });

  it('choice and a stepped randrange with an integer seed', () => {
    const r = new PythonRandom(5);
    expect(r.choice([...'abcdefghijklmnopqrstuvwxyz'.repeat(3)])).toBe('g');
    expect(r.randrange(10, 100, 7)).toBe(87);
  });

  it('shuffle', () => {
    expect(new PythonRandom('x').shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([0, 8, 2, 9, 4, 3, 6, 1, 7, 5]);
  });

  it('a 20-character password from the password lookup default characters', () => {
    const chars = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:-_'];
    const r = new PythonRandom('seed');
    expect(Array.from({ length: 20 }, () => r.choice(chars)).join('')).toBe('rhESK.fR_109k0fByeK4');
  });

  it('an empty string seed and an integer wider than 32 bits', () => {
    expect(new PythonRandom('').randrange(0, 1000)).toBe(983);
    expect(new PythonRandom(2 ** 40 + 3).randrange(0, 1000)).toBe(225);
  });
});
