import test from './helpers/test.mjs'

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
  t.is(
    (function (..._args: unknown[]) {
      return choice(arguments)
    })('arg'),
    'arg',
  )
})

test('choice of a string yields whole code points, never half a surrogate pair', (t) => {
  const text = 'a😀b𝄞'
  const seen = new Set<string>()
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

test('a string with lone surrogates is uniform over its code points', (t) => {
  // Five code points: a lone high surrogate, a lone low one, and a pair. Counting the pair's two
  // units as two picks, or the lone ones as halves of one, moves some point's share from 1/5 to
  // 1/6 or 1/3: about 1000 more chi-square at 15000 draws, against a threshold of 27.9 on 4 df.
  const points = ['a', '\uD800', 'b', '\uDC00', '😀']
  const text = points.join('')
  assertFits(t, histogram(15000, 5, () => points.indexOf(choice(text))), undefined, 'code points')
})

test('choice leaves nothing of the string in RegExp\'s globals', (t) => {
  // RegExp.input and lastMatch are process-wide: a regex run over the argument would keep the
  // whole string (a secret alphabet, a 128 MiB text) alive and readable after the call.
  t.is(/x/.exec('before')?.[0], undefined)
  t.truthy(/fore/.exec('before'))
  const secret = `s3cr3t-${'😀'.repeat(1000)}-alphabet`
  for (let i = 0; i < 100; i++) choice(secret)
  const globals = RegExp as unknown as Record<string, string>
  t.is(globals.input, 'before')
  t.is(globals.lastMatch, 'fore')
})

test('choice on a 4-million-code-point string does not rescan it', (t) => {
  // A scan (or an Array of code points) costs tens of milliseconds a call at this size; a
  // thousand calls would take half a minute. Without one, they take well under a second.
  const text = `${'😀'.repeat(2 ** 21)}${'a'.repeat(2 ** 21)}`
  const start = process.hrtime.bigint()
  let emoji = 0
  for (let i = 0; i < 1000; i++) if (choice(text) === '😀') emoji++
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  t.true(seconds < 5, `${seconds.toFixed(2)} s for 1000 calls`)
  // Half the code points are emoji: 1000 fair draws land outside [400, 600] with probability 1e-9.
  t.true(emoji > 400 && emoji < 600, `${emoji} emoji in 1000 draws`)
})
