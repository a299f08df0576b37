import test from './helpers/test.mjs'

import { randbelow, randbits } from 'napi-secrets'
import { assertFits, histogram, tally } from './helpers/stats.mjs'

test('randbelow returns the type of its bound, within range', (t) => {
  for (const n of [1, 2, 3, 7, 255, 256, 1000, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1]) {
    for (let i = 0; i < 200; i++) {
      const r = randbelow(n)
      t.true(Number.isInteger(r) && r >= 0 && r < n, `randbelow(${n}) = ${r}`)
    }
  }
  for (const n of [1n, 2n, 3n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n, 2n ** 521n - 1n, 10n ** 400n]) {
    for (let i = 0; i < 200; i++) {
      const r = randbelow(n)
      t.true(typeof r === 'bigint' && r >= 0n && r < n, `randbelow(${n}n) = ${r}`)
    }
  }
})

test('randbelow(1) is always 0', (t) => {
  t.is(randbelow(1), 0)
  t.is(randbelow(1n), 0n)
})

test('randbelow reaches both ends of its range', (t) => {
  // 3000 draws of randbelow(4): an end is missed with probability 2 * 0.75**3000.
  const seen = new Set(histogram(3000, 4, () => randbelow(4)).flatMap((c, i) => (c ? [i] : [])))
  t.deepEqual([...seen].sort(), [0, 1, 2, 3])
  // The top 1/129 of a bigint range, past 2**200: missed in 4000 draws with probability e**-31.
  const n = 2n ** 200n + 2n ** 193n
  let top = false
  for (let i = 0; i < 4000 && !top; i++) top = randbelow(n) >= 2n ** 200n
  t.true(top)
})

// Modulo bias: `x % n` over 32 random bits, for n = 3 * 2**29, gives the thirds of the range
// probabilities 3/8, 3/8, 1/4. At 30000 draws that adds about 940 to a chi-square whose 10**-6
// threshold on 2 df is 27.6.
test('randbelow(3 * 2**29) has no modulo bias', (t) => {
  const n = 3 * 2 ** 29
  assertFits(t, histogram(30000, 3, () => randbelow(n), (r) => Math.floor(r / 2 ** 29)), undefined, 'thirds')
})

// Float-multiply bias: `Math.floor(u * n)` for n = 3 * 2**51 and a 53-bit uniform u lands on
// multiples of 3 twice as often as on the other residues (1/2, 1/4, 1/4), and `x % n` over 53
// bits puts half the mass in the first third. At 30000 draws either adds about 3750 to a
// chi-square whose threshold on 2 df is 27.6.
test('randbelow(3 * 2**51) has neither float-multiply nor modulo bias', (t) => {
  const n = 3 * 2 ** 51
  const draws = Array.from({ length: 30000 }, () => randbelow(n))
  assertFits(t, tally(draws, 3, (r) => r % 3), undefined, 'residues mod 3')
  assertFits(t, tally(draws, 3, (r) => Math.floor(r / 2 ** 51)), undefined, 'thirds')
})

// Past 32 bits: an implementation that drops the high word of 2**32 + 1 returns only 0, and one
// that reads a bound past 2**32 as a 32-bit number lands in the first quarter only; either adds
// about 120000 at 40000 draws.
test('randbelow(2**32 + 1) is uniform over its quarters', (t) => {
  const n = 2 ** 32 + 1
  const edges = [0, 1, 2, 3, 4].map((i) => Math.ceil((i * n) / 4))
  const probabilities = [0, 1, 2, 3].map((i) => (edges[i + 1] - edges[i]) / n)
  const quarter = (r: number) => edges.findLastIndex((edge) => r >= edge)
  assertFits(t, histogram(40000, 4, () => randbelow(n), quarter), probabilities, 'quarters')
})

// A 256-bit bound two thirds of the way to 2**256: reducing 256 random bits mod n doubles the
// weight of the lower half, giving sixths of 2/9 and 1/9; at 12000 draws that adds about 1300 to
// a chi-square whose threshold on 5 df is 35.9.
test('randbelow(bigint (2**256 / 3) * 2) has no modulo bias', (t) => {
  const n = (2n ** 256n / 3n) * 2n
  const sixth = (r: bigint) => Number((r * 6n) / n)
  assertFits(t, histogram(12000, 6, () => randbelow(n), sixth), undefined, 'sixths')
})

test('randbelow(small n) is uniform over every value', (t) => {
  // An off-by-one (n - 1 or n + 1 values) moves a whole bucket: at 70000 draws over 7 values the
  // chi-square grows by about 11700 against a threshold of 38.3 on 6 df.
  assertFits(t, histogram(70000, 7, () => randbelow(7)), undefined, 'randbelow(7)')
  assertFits(t, histogram(70000, 7, () => Number(randbelow(7n))), undefined, 'randbelow(7n)')
})

test('randbits(k) is a bigint below 2**k', (t) => {
  t.is(randbits(0), 0n)
  for (const k of [1, 7, 8, 63, 64, 65, 127, 128, 129, 1000]) {
    for (let i = 0; i < 100; i++) {
      const r = randbits(k)
      t.true(typeof r === 'bigint' && r >= 0n && r < 1n << BigInt(k), `randbits(${k}) = ${r}`)
    }
  }
})

test('randbits(k): every bit is a fair coin', (t) => {
  // 70 bits crosses a word boundary. A masking bug pins a bit at 0 or 1: |z| = 100 at 10000 draws.
  // Each bit must stay within |z| < 5.6 (two-sided 2e-8 each, about 1.5e-6 for all 70).
  const k = 70
  const draws = 10000
  const ones = new Array(k).fill(0)
  for (let i = 0; i < draws; i++) {
    const r = randbits(k)
    for (let b = 0; b < k; b++) if ((r >> BigInt(b)) & 1n) ones[b]++
  }
  for (let b = 0; b < k; b++) {
    const z = (ones[b] - draws / 2) / Math.sqrt(draws / 4)
    t.true(Math.abs(z) < 5.6, `bit ${b}: ${ones[b]} ones in ${draws}, z = ${z.toFixed(1)}`)
  }
})

test('large bigint bounds and bit counts', (t) => {
  const n = 1n << 100000n
  const r = randbelow(n + 1n)
  t.true(r >= 0n && r <= n)
  const bits = randbits(2 ** 20)
  t.true(bits < 1n << BigInt(2 ** 20))
  // The top 64 bits are all zero with probability 2**-64.
  t.true(bits >> BigInt(2 ** 20 - 64) > 0n)
})
