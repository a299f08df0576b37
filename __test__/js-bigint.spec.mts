// The js backend's bigint draws (lib/backends/js/below.ts): the borrow chain against `<`, the
// join of words into a bigint against the hex of the same words, and the draws' uniformity.

import { readdirSync, readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'

import { below, lessThan, randbits, toBigInt } from '../lib/backends/js/below.js'
import { assertFits } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

const valueOf = (words: Uint32Array, count: number) =>
  [...words.subarray(0, count)].reduceRight((acc, w) => (acc << 32n) | BigInt(w), 0n)
const randomWords = (count: number) => new Uint32Array(randomBytes(4 * count).buffer.slice(0, 4 * count))

test('lessThan is the borrow of a - b, over random pairs, equal ones and off-by-one at every limb half', (t) => {
  for (const count of [1, 2, 3, 8, 33]) {
    for (let trial = 0; trial < 200; trial++) {
      const a = randomWords(count)
      const b = trial % 4 === 0 ? a.slice() : randomWords(count)
      t.is(lessThan(a, b, count), valueOf(a, count) < valueOf(b, count) ? 1 : 0)
    }
    // b = a + d and a - d for d a unit at each 16-bit position, and for a and b equal but at one half.
    for (let bit = 0; bit < 32 * count; bit += 16) {
      const a = randomWords(count)
      const va = valueOf(a, count)
      for (const vb of [va + (1n << BigInt(bit)), va - (1n << BigInt(bit)), va + 1n, va - 1n, va]) {
        if (vb < 0n || vb >= 1n << BigInt(32 * count)) continue
        const b = new Uint32Array(count)
        for (let i = 0; i < count; i++) b[i] = Number((vb >> BigInt(32 * i)) & 0xffffffffn)
        t.is(lessThan(a, b, count), va < vb ? 1 : 0, `count ${count}, bit ${bit}`)
        t.is(lessThan(b, a, count), vb < va ? 1 : 0, `count ${count}, bit ${bit}, swapped`)
      }
    }
  }
  const top = new Uint32Array([0xffffffff, 0xffffffff])
  t.is(lessThan(new Uint32Array(2), top, 2), 1)
  t.is(lessThan(top, new Uint32Array(2), 2), 0)
})

test('toBigInt gives exactly the value of the words, for every k', (t) => {
  for (const k of [1, 2, 31, 32, 33, 62, 63, 64, 65, 125, 126, 127, 128, 189, 1000, 4096, 4097, 40000]) {
    for (let trial = 0; trial < 5; trial++) {
      const count = Math.ceil(k / 32)
      const words = new Uint32Array(count + 2)
      words.set(randomWords(count))
      if (k % 32) words[count - 1] &= 2 ** (k % 32) - 1
      if (trial === 1) words.fill(0, 0, count)
      if (trial === 2) words.fill(0xffffffff, 0, count).set([k % 32 ? 2 ** (k % 32) - 1 : 0xffffffff], count - 1)
      t.is(toBigInt(words, k), valueOf(words, count), `k = ${k}, trial ${trial}`)
    }
  }
})

test('toBigInt gives exactly the value of the words at every k up to past the kept lanes', (t) => {
  // Every k from 1 to 4200 crosses each lane count, the top sentinel in each half of its lane, and
  // the change from the kept buffer (64 lanes, 4033 bits) to one of the call's own.
  for (let k = 1; k <= 4200; k++) {
    const count = Math.ceil(k / 32)
    for (const fill of ['random', 'ones'] as const) {
      const words = new Uint32Array(count + 2)
      if (fill === 'random') words.set(randomWords(count))
      else words.fill(0xffffffff, 0, count)
      if (k % 32) words[count - 1] &= 2 ** (k % 32) - 1
      const want = valueOf(words, count)
      const got = toBigInt(words, k)
      if (got !== want) t.fail(`k = ${k}, ${fill}: ${got.toString(16)} != ${want.toString(16)}`)
    }
  }
  t.pass()
})

test('below keeps each bound apart: results for bounds taken in turn are each below their own', (t) => {
  // The facts of the last bound are kept; a bound that differs must not be served with them.
  const bounds = [2n ** 256n, 3n, 2n ** 64n + 1n, 2n ** 256n - 189n, 1n, 2n ** 1000n]
  const seen = bounds.map(() => 0n)
  for (let i = 0; i < 3000; i++) {
    const b = i % bounds.length
    const r = below(bounds[b])
    t.true(r >= 0n && r < bounds[b], `below(${bounds[b]}) gave ${r}`)
    seen[b] |= r
  }
  // The high bits of each large bound get used: a small bound's words were not reused for it.
  t.true(seen[0] >> 250n > 0n && seen[5] >> 990n > 0n)
})

test('randbits(k) is uniform over [0, 2**k) for small k, and fills the top bit for large k', (t) => {
  // assertFits fails at p < 1e-6 (the suite's ALPHA): a false alarm once in 10**6 runs a check.
  for (const k of [1, 2, 3, 4, 5, 7, 8, 9]) {
    const counts = new Array<number>(2 ** k).fill(0)
    for (let i = 0; i < 300 * 2 ** k; i++) counts[Number(randbits(k))]++
    assertFits(t, counts, undefined, `randbits(${k})`)
  }
  // The top bit of each k, and the bit at each lane boundary (63j): each set half the time.
  for (const k of [63, 64, 126, 127, 200]) {
    const counts = new Array<number>(4).fill(0)
    for (let i = 0; i < 4000; i++) {
      const r = randbits(k)
      t.true(r >= 0n && r < 1n << BigInt(k))
      counts[Number((r >> BigInt(k - 1)) & 1n) * 2 + Number((r >> 63n) & 1n)]++
    }
    assertFits(t, k > 64 ? counts : [counts[0] + counts[1], counts[2] + counts[3]], undefined, `top bits of randbits(${k})`)
  }
})

test('below(n) is uniform over [0, n), with n just above a power of two and at lane edges', (t) => {
  for (const n of [1n, 2n, 3n, 5n, 6n, 17n, 2n ** 32n + 1n, 2n ** 63n + 3n]) {
    const buckets = n < 17n ? Number(n) : 16
    const counts = new Array<number>(buckets).fill(0)
    for (let i = 0; i < 400 * buckets; i++) {
      const r = below(n)
      t.true(r >= 0n && r < n)
      counts[buckets === Number(n) ? Number(r) : Number((r * 16n) / n)]++
    }
    // Exact bucket probabilities for n not a multiple of 16: the share of [0, n) each holds.
    const probabilities = Array.from({ length: buckets }, (_, b) => {
      const lo = (BigInt(b) * n + 15n) / 16n
      const hi = (BigInt(b + 1) * n + 15n) / 16n
      return buckets === Number(n) ? 1 / buckets : Number(hi - lo) / Number(n)
    })
    if (n > 1n) assertFits(t, counts, probabilities, `below(${n})`)
  }
})

test('no bigint in the js backend is parsed from secret digits', (t) => {
  // BigInt('0x...') branches on each digit and looks it up in a table: the secret draws must be
  // joined from words instead. A source check, as no runtime test can see a built-in's branches.
  const dir = new URL('../lib/backends/js/', import.meta.url)
  for (const file of readdirSync(dir)) {
    const text = readFileSync(new URL(file, dir), 'utf8')
    t.false(/BigInt\(\s*[`'"]0x/.test(text), `${file} parses a bigint from hex`)
    t.false(/BigInt\(\s*`/.test(text), `${file} parses a bigint from a template`)
  }
})
