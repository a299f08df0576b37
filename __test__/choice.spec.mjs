import test from 'ava'

import { choice } from 'napi-secrets'
import { assertFits, histogram } from './helpers/stats.mjs'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

test('choice picks from Arrays, TypedArrays, strings and array-likes', (t) => {
  t.is(choice(['only']), 'only')
  t.true(['a', 'b', 'c'].includes(choice(['a', 'b', 'c'])))
  t.true([10, 20].includes(choice(new Uint8Array([10, 20]))))
  t.true([1n, 2n].includes(choice(new BigInt64Array([1n, 2n]))))
  t.true('xyz'.includes(choice('xyz')))
  t.true(['p', 'q'].includes(choice({ length: 2, 0: 'p', 1: 'q' })))
  // eslint-disable-next-line prefer-rest-params
  t.is((function () { return choice(arguments) })('arg'), 'arg')
})

test('choice of a string yields whole code points, never half a surrogate pair', (t) => {
  const text = 'a😀b𝄞'
  const seen = new Set()
  for (let i = 0; i < 400; i++) {
    const c = choice(text)
    t.true(['a', '😀', 'b', '𝄞'].includes(c), `got ${JSON.stringify(c)}`)
    seen.add(c)
  }
  // Each of four code points missed in 400 draws with probability 4 * 0.75**400.
  t.is(seen.size, 4)
  t.is(choice('😀'), '😀')
})

test('choice of an astral string is uniform over code points, not UTF-16 units', (t) => {
  // Picking by UTF-16 unit gives each emoji twice the weight of each ASCII letter (1/3 vs 1/6),
  // adding about 1333 to the chi-square at 12000 draws; the 10**-6 threshold on 3 df is 30.7.
  const points = ['a', '😀', 'b', '𝄞']
  assertFits(t, histogram(12000, 4, () => points.indexOf(choice('a😀b𝄞'))), undefined, 'code points')
})

test('choice keeps a lone surrogate as one code point, as Python does', (t) => {
  const text = 'x\uD800'
  for (let i = 0; i < 50; i++) t.true(['x', '\uD800'].includes(choice(text)))
})

test('choice of 62 letters is uniform', (t) => {
  // A modulo-biased index (say, a random byte % 62) weights the first 8 letters 5/256 against
  // 4/256 for the rest: at 124000 draws that adds about 820 to a chi-square whose threshold on
  // 61 df is 128.5.
  const counts = histogram(124000, 62, () => ALPHANUMERIC.indexOf(choice(ALPHANUMERIC)))
  assertFits(t, counts, undefined, 'alphanumeric')
})

test('choice of an Array is uniform', (t) => {
  const items = ['r', 'o', 'c', 'k', 's', '!']
  assertFits(t, histogram(60000, 6, () => items.indexOf(choice(items))), undefined, 'array')
})

test('a String object is a string: code points, never half a pair', (t) => {
  for (let i = 0; i < 50; i++) t.true(['a', '😀'].includes(choice(new String('a😀'))))
})

test('a long astral string is chosen from without copying it into an Array', (t) => {
  // One code point per emoji: 2**20 of them, and one ASCII letter at the end.
  const text = '😀'.repeat(2 ** 20) + 'z'
  for (let i = 0; i < 20; i++) t.true(['😀', 'z'].includes(choice(text)))
})

test('seq.length is read once', (t) => {
  let reads = 0
  const seq = {
    get length() {
      reads++
      return 1
    },
    0: 'only',
  }
  t.is(choice(seq), 'only')
  t.is(reads, 1)
})

test('a TypedArray is chosen from by its true length, whatever its own length says', (t) => {
  const seq = Uint8Array.of(7, 7, 7)
  Object.defineProperty(seq, 'length', { value: 1000 })
  for (let i = 0; i < 100; i++) t.is(choice(seq), 7)
})
