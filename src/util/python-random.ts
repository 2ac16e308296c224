// Python's random.Random (the Mersenne Twister, seeded as CPython seeds it), so that a seeded
// `random` filter or password lookup gives the same result as Ansible: a cron minute picked with
// `59 | random(seed=inventory_hostname)` must not move when the tool that renders it changes.
import { createHash } from 'node:crypto';

const N = 624;
const M = 397;

export class PythonRandom {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** A string seed as Python 3 takes it (its bytes followed by their SHA-512), or a whole number. */
  constructor(seed: string | number) {
    this.initByArray(seedWords(seed));
  }

  private initGenrand(s: number): void {
    this.mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: number[]): void {
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = ((this.mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        this.mt[0] = this.mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = ((this.mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        this.mt[0] = this.mt[N - 1]!;
        i = 1;
      }
    }
    this.mt[0] = 0x80000000;
  }

  private next32(): number {
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (this.mt[k]! & 0x80000000) | (this.mt[(k + 1) % N]! & 0x7fffffff);
        this.mt[k] = this.mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random.getrandbits(k) for k up to 32. */
  private bits(k: number): number {
    return k === 0 ? 0 : this.next32() >>> (32 - k);
  }

  /** A whole number in [0, n), drawn as CPython's _randbelow does (rejecting draws of n's bit length). */
  below(n: number): number {
    const k = n.toString(2).length;
    let r = this.bits(k);
    while (r >= n) r = this.bits(k);
    return r;
  }

  randrange(start: number, stop: number, step = 1): number {
    return randrange(this, start, stop, step);
  }

  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot choose from an empty sequence');
    return items[this.below(items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    return shuffled(this, items);
  }
}

/** A source of whole numbers below n: PythonRandom, or the system's randomness. */
export interface Draws {
  below(n: number): number;
}

/** random.randrange(start, stop, step) over any source of draws. */
export function randrange(draws: Draws, start: number, stop: number, step = 1): number {
  const width = stop - start;
  const n = step === 1 ? width : step > 0 ? Math.floor((width + step - 1) / step) : Math.floor((width + step + 1) / step);
  if (n <= 0) throw new RangeError(`empty range for randrange(${start}, ${stop}, ${step})`);
  return start + step * draws.below(n);
}

/** random.shuffle: a new list in the order Python's in-place shuffle leaves. */
export function shuffled<T>(draws: Draws, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = draws.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The seed as CPython's init_by_array key: 32-bit words of its absolute value, least significant first. */
function seedWords(seed: string | number): number[] {
  let bytes: Buffer;
  if (typeof seed === 'number') {
    let hex = BigInt(Math.abs(Math.trunc(seed))).toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    bytes = Buffer.from(hex, 'hex');
  } else {
    const text = Buffer.from(seed, 'utf8');
    bytes = Buffer.concat([text, createHash('sha512').update(text).digest()]);
  }
  const words: number[] = [];
  for (let end = bytes.length; end > 0; end -= 4) {
    words.push(bytes.subarray(Math.max(0, end - 4), end).reduce((w, b) => w * 256 + b, 0) >>> 0);
  }
  while (words.length > 1 && words[words.length - 1] === 0) words.pop();
  return words.length > 0 ? words : [0];
}
